import type { Severity } from "../model/flag.js";

/**
 * What consistency rules (SPEC §4) share. A rule is data: an instance of one of the registered kinds
 * (`RuleKinds`), checked by stages/rules. Adding a rule is a new instance in a template's rules list; a new kind
 * is one file under stages/rules, registered in rule-kinds.ts, with a test.
 */

/** A text in both output languages. */
export interface LocalText {
  readonly zh: string;
  readonly en: string;
}

/** What every rule has, whatever its kind. */
export interface RuleBase {
  /** The rule kind: which checker of stages/rules/rule-kinds.ts runs it. */
  readonly kind: string;
  /** SPEC §4 rule id, e.g. `s3.balance`. */
  readonly id: string;
  readonly severity: Severity;
  /**
   * Arithmetic the template guarantees over printed cells (SPEC §4 "Uncertain readings"): a failure through a cell
   * read below the confidence threshold is an uncertain reading, and on OCR pages the rule doubles as a checksum
   * that names a likely misread cell.
   */
  readonly checksum?: true;
  /**
   * A check of what one cell holds (`cell.integer`): a failure on a cell read below the threshold is an uncertain
   * reading too (a speck taken for a minus sign or a point), though the rule names no misread as a checksum does.
   */
  readonly readingCheck?: true;
}

/** Administrative level of an agency, read from its name. */
export type IssuerLevel = "national" | "provincial" | "city" | "county" | "department" | "unknown";

/**
 * Name patterns giving an agency's level. Neutral words (市场, 城乡 …) are removed from the name first; then the
 * first level with a matching pattern wins; no match is `unknown`.
 */
export interface IssuerLevels {
  readonly neutralWords: readonly string[];
  readonly levels: readonly { readonly level: Exclude<IssuerLevel, "unknown">; readonly patterns: readonly string[] }[];
}

/**
 * The rule kinds, by name: the data shape of each. Each kind's one file (stages/rules/check-*.ts: its shape, its
 * checker and this entry, added by `declare module` augmentation) adds itself here, and registers its checker in
 * stages/rules/rule-kinds.ts; template data is typed by what is added. A plug-in's kind adds itself the same way
 * (tests/pipeline/registries.test.ts).
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging, one entry per rule kind file.
export interface RuleKinds {}

/** A rule of any registered kind. */
export type RuleDef = RuleKinds[keyof RuleKinds];

/** The data shape of the rule kind `K`. */
export type RuleOf<K extends keyof RuleKinds> = RuleKinds[K];

export type RuleKind = keyof RuleKinds;
