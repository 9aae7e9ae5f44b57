import type { Severity } from "../model/flag.js";
import type { LocalText } from "./rule-def.js";

/**
 * Shapes of the cross-report rules (SPEC §4 `cross.*`): rules over two reports of one agency. Data, read by
 * stages/cross, like the one-report rules of rule-def.ts.
 */

/** Which report of a pair a term reads: the later year's or the year before's. */
export type PairYear = "current" | "previous";

export interface CrossTerm {
  readonly year: PairYear;
  /** Cell path; `{item}` is replaced by each `forEach` item. */
  readonly path: string;
  readonly sign: 1 | -1;
}

/**
 * Reports of consecutive years: `actual` (a cell of the later report) = the signed sum of `expected`.
 * Skipped when any operand is null.
 */
export interface CrossSumRule {
  readonly kind: "cross_sum";
  readonly id: string;
  readonly severity: Severity;
  /** Items substituted for `{item}` in the paths; one flag per item that fails. */
  readonly forEach: readonly { readonly key: string; readonly label: LocalText }[];
  /** The flag's path (with `{item}`). */
  readonly path: string;
  readonly actual: CrossTerm;
  readonly expected: readonly CrossTerm[];
  /** `{item}`, `{year}`, `{previous}`, `{expected}` and `{actual}` are filled in. */
  readonly message: LocalText;
}

/**
 * Two reports of one agency and different years whose tables are identical (every value equal, none null)
 * with at least `minNonZero` non-zero values: one report's tables were likely copied into the other.
 */
export interface CrossDuplicateRule {
  readonly kind: "cross_duplicate";
  readonly id: string;
  readonly severity: Severity;
  /** The flag's path: the tables compared (`values`). */
  readonly path: string;
  readonly minNonZero: number;
  /** `{year}`, `{previous}` and `{count}` (values compared) are filled in. */
  readonly message: LocalText;
}

export type CrossRuleDef = CrossSumRule | CrossDuplicateRule;
