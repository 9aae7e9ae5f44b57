import type { TemplateVersion } from "../model/report.js";
import type { RuleDef } from "./rule-def.js";
import type { ColumnDef, DerivedRowDef, GroupDef, ItemDef, LegacyKeyDef, RowDef } from "./types.js";

export type { TemplateVersion };

/** Everything the pipeline knows about one template version, as data. */
export interface TemplateDef {
  readonly version: TemplateVersion;
  readonly firstYear: number;
  /** Key prefix of the section 二 values: `s2` (2021 meanings) or `s2v19` (2019 meanings, never folded into s2). */
  readonly s2Section: "s2" | "s2v19";
  readonly s2Items: readonly ItemDef[];
  readonly s2HeaderMarkers: readonly string[];
  readonly s3Rows: readonly RowDef[];
  readonly s3Columns: readonly ColumnDef[];
  /** Section 三 rows computed from printed rows (output with `source: "derived"`); none when absent. */
  readonly s3Derived?: readonly DerivedRowDef[];
  readonly s3GroupLabels: readonly string[];
  readonly s3HeaderMarkers: readonly string[];
  readonly s4Groups: readonly GroupDef[];
  readonly s4HeaderMarkers: readonly string[];
  readonly versionMarkers: Readonly<Record<"v2021" | "v2019" | "legacy", readonly string[]>>;
  /** Facts of a pre-2019 report (the `legacy` template only): `legacy.*` keys and their 2021 equivalents. */
  readonly legacyKeys?: readonly LegacyKeyDef[];
  /** Consistency rules checked on a report of this template (SPEC §4); none when absent. */
  readonly rules?: readonly RuleDef[];
}
