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

export type NumberKind = "count" | "decimal" | "signed";

/** One item of a section-二 sub-table: a row label and its value columns, left to right. */
export interface ItemDef {
  readonly key: string;
  readonly label: string;
  readonly fingerprint: Fingerprint;
  readonly fields: readonly { readonly key: string; readonly label: string; readonly kind: NumberKind }[];
  /** The 第二十条 caption of its sub-table, e.g. "第二十条第（一）项". */
  readonly caption: string;
}

/** A group of section 四: five fields in a fixed position order. */
export interface GroupDef {
  readonly key: string;
  readonly label: string;
  readonly fields: readonly { readonly key: string; readonly label: string }[];
}
