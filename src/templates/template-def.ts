import type { RuleDef } from "./rule-def.js";
import type { ColumnDef, GroupDef, ItemDef, RowDef } from "./types.js";

export type TemplateVersion = "v2021" | "v2019" | "legacy" | "unknown";

/** Everything the pipeline knows about one template version, as data. */
export interface TemplateDef {
  readonly version: TemplateVersion;
  readonly firstYear: number;
  readonly s2Items: readonly ItemDef[];
  readonly s2HeaderMarkers: readonly string[];
  readonly s3Rows: readonly RowDef[];
  readonly s3Columns: readonly ColumnDef[];
  readonly s3GroupLabels: readonly string[];
  readonly s3HeaderMarkers: readonly string[];
  readonly s4Groups: readonly GroupDef[];
  readonly s4HeaderMarkers: readonly string[];
  readonly versionMarkers: Readonly<Record<"v2021" | "v2019" | "legacy", readonly string[]>>;
  /** Consistency rules checked on a report of this template (SPEC §4); none when absent. */
  readonly rules?: readonly RuleDef[];
}
