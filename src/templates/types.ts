/**
 * Shapes of template data. A template is the domain as data: labels, fingerprints and rules; no logic.
 * Label matching happens on normalised text (see stages/mapping/normalize.ts): no whitespace,
 * full-width brackets, "1." numbering, “ ” quotes.
 */

/** A label matches when every keyword of at least one alternative occurs in it and no `not` keyword does. */
export interface Fingerprint {
  readonly any: readonly (readonly string[])[];
  readonly not?: readonly string[];
  /** Regular expressions (source strings) tried on the whole normalised label; any match counts. */
  readonly patterns?: readonly string[];
}

export interface RowDef {
  readonly key: string;
  readonly label: string;
  readonly fingerprint: Fingerprint;
}

export interface ColumnDef {
  readonly key: string;
  readonly label: string;
  readonly aliases: readonly string[];
}

import type { NumberKind } from "../model/template-paths.js";

export type { NumberKind };

/** One value column of a section-二 item. */
export interface FieldDef {
  readonly key: string;
  readonly label: string;
  readonly kind: NumberKind;
  /** Header words that locate the column in an unruled table, longest first (e.g. ["本年制发件数", "制发"]). */
  readonly words?: readonly string[];
}

/**
 * A section-三 row computed from other rows, never printed in this template's layout: the 2019 single row
 * （六）其他处理 as the sum of the 2021 template's three （六） rows, so archives compare across versions.
 */
export interface DerivedRowDef {
  readonly key: string;
  readonly label: string;
  /** Rows summed, per column; the derived cell is null when any of them is. */
  readonly from: readonly string[];
}

/** One item of a section-二 sub-table: a row label and its value columns, left to right. */
export interface ItemDef {
  readonly key: string;
  readonly label: string;
  readonly fingerprint: Fingerprint;
  readonly fields: readonly FieldDef[];
  /** The 第二十条 caption of its sub-table, e.g. "第二十条第（一）项". */
  readonly caption: string;
}

/** A group of section 四: five fields in a fixed position order. */
export interface GroupDef {
  readonly key: string;
  readonly label: string;
  readonly fields: readonly { readonly key: string; readonly label: string }[];
}

/**
 * A fact of a pre-2019 report (`legacy.<key>`): read from a 统计表 row whose label matches `fingerprint`, or
 * from the narrative by `patterns` (find-stated-numbers syntax: `{n}` a count, `{amount}` a decimal with its
 * unit 元 / 万元). `context` restricts a row to the 统计表 block under that heading (维持 under 行政复议 vs 行政诉讼).
 */
export interface LegacyKeyDef {
  /** `<group>.<field>`, e.g. `applications.received`. */
  readonly key: string;
  readonly label: string;
  readonly kind: "count" | "decimal";
  readonly fingerprint: Fingerprint;
  readonly context?: string;
  readonly patterns: readonly string[];
  readonly zeroPatterns?: readonly string[];
  readonly clauseExclude?: readonly string[];
  /** The 2021 key (SPEC §2) with the same meaning; the value is output under it as well. */
  readonly v2021?: string;
}
