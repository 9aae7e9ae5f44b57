import type { TemplateVersion } from "../model/report.js";
import type { RuleDef } from "./rule-def.js";
import type { ColumnDef, DerivedRowDef, Fingerprint, GroupDef, ItemDef, LegacyKeyDef, RowDef } from "./types.js";

export type { TemplateVersion };

/** Everything the pipeline knows about one template version, as data. */
export interface TemplateDef {
  readonly version: TemplateVersion;
  /** The report years the version is meant for (SPEC §1), open-ended where undefined. */
  readonly years: { readonly from?: number; readonly to?: number };
  /**
   * `table`: the national table, every template cell expected (a cell not read is missing). `facts`: no fixed
   * table (pre-2019 reports): `legacyKeys` facts from any 统计表 row or the narrative; a fact not stated is
   * not a missing cell, and the report is complete when it stated any.
   */
  readonly layout: "table" | "facts";
  /** Headings of the value sections (key prefixes) this template defines, as the export and review show them. */
  readonly sectionLabels: Readonly<Record<string, string>>;
  /** Header words that identify the version in a report (SPEC §1); two or more found decide it. */
  readonly markers: readonly string[];
  /**
   * How section 三 shows it follows this version's rows, when a report mixes layouts: a row whose text
   * (`where: "text"`) or whose data row's label (`where: "data_row"`) matches the fingerprint.
   */
  readonly s3LayoutMark?: { readonly fingerprint: Fingerprint; readonly where: "text" | "data_row" };
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
  /** Facts of a pre-2019 report (the `legacy` template only): `legacy.*` keys and their 2021 equivalents. */
  readonly legacyKeys?: readonly LegacyKeyDef[];
  /** Consistency rules checked on a report of this template (SPEC §4); none when absent. */
  readonly rules?: readonly RuleDef[];
}
