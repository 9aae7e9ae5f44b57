import type { Severity } from "../model/flag.js";

/**
 * Shapes of consistency rules (SPEC §4). A rule is data: an instance of one of the kinds below, interpreted by
 * stages/rules. Adding a rule is a new instance in a template's rules list; a new kind needs code and a test.
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

/**
 * What a `sum_equals` rule repeats over. Each key of the scope replaces its placeholder in the rule's paths:
 * `{column}` for `s3_columns`, `{row}` for `s3_rows`, `{group}` for `s4_groups`; `once` has none.
 */
export type SumScope = "once" | "s3_columns" | "s3_rows" | "s4_groups";

export interface SumSide {
  /** Cell paths summed, with the scope's placeholder. */
  readonly paths: readonly string[];
  /** How the message names this side, e.g. "本年新收 + 上年结转". */
  readonly label: LocalText;
}

/** `sum(expected.paths) = sum(actual.paths)`; skipped when any operand is null. */
export interface SumEqualsRule extends RuleBase {
  readonly kind: "sum_equals";
  readonly forEach: SumScope;
  /** The flag's path, with the scope's placeholder, e.g. `s3.{column}`. */
  readonly path: string;
  /** The message's subject; `{label}` / `{key}` become the scope item's template label / key. */
  readonly subject: LocalText;
  /** The side the template treats as the reference. */
  readonly expected: SumSide;
  /** The printed total side. */
  readonly actual: SumSide;
}

/** `integer`: counts integers ≥ 0, decimals ≥ 0, signed integers; `missing`: value null; `blank`: printed blank. */
export type CellCheck = "integer" | "missing" | "blank";

/** A check of every template cell on its own; one flag per failing cell, at the cell's path. */
export interface CellCheckRule extends RuleBase {
  readonly kind: "cell_check";
  readonly check: CellCheck;
}

/**
 * A number the narrative states, compared with the sum of table cells. Patterns are regular-expression sources
 * tried on one clause of normalised text (no whitespace, ASCII digits); `{n}` stands for the number (Arabic or
 * small Chinese numerals). A clause is the text between ，。；,;（）() marks.
 */
export interface NarrativeEqualsRule extends RuleBase {
  readonly kind: "narrative_equals";
  readonly path: string;
  /** Cell paths whose sum the narrative number should equal. */
  readonly target: readonly string[];
  /** Other sums the narrative number may equal without a flag (phrasings that fold in another count). */
  readonly alsoAccept?: readonly (readonly string[])[];
  readonly patterns: readonly string[];
  /** Patterns that state the count is zero ("未发生行政复议"). */
  readonly zeroPatterns?: readonly string[];
  /** A clause containing any of these words is about something else and is skipped. */
  readonly clauseExclude?: readonly string[];
  /** Regex sources: a whole sentence matching any is skipped (other business, a wider scope than the table). */
  readonly sentenceExclude?: readonly string[];
  /** What the number counts, for the message, e.g. "本年新收申请". */
  readonly label: LocalText;
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

/** A cell that must be 0 for issuers of the denied levels (e.g. 规章 made by a county). */
export interface IssuerScopeRule extends RuleBase {
  readonly kind: "issuer_scope";
  readonly path: string;
  readonly issuerLevels: IssuerLevels;
  /** Levels that may not have a value > 0, each with the reason the message gives. */
  readonly denied: readonly { readonly level: IssuerLevel; readonly reason: LocalText }[];
}

/**
 * A 万元 amount checked for a unit slip: the narrative states the amount in 元 with the same number, or its
 * amount differs from the table by a factor ≥ `ratioLimit`, or the amount exceeds `maxWan` for the issuer's level.
 */
export interface UnitPlausibleRule extends RuleBase {
  readonly kind: "unit_plausible";
  readonly path: string;
  readonly issuerLevels: IssuerLevels;
  /** Patterns on a clause; `{amount}` stands for a decimal number followed by its unit (元 or 万元). */
  readonly patterns: readonly string[];
  /** Only sentences containing one of these words are read (the fee item, not other charges). */
  readonly sentenceContext: readonly string[];
  readonly clauseExclude: readonly string[];
  readonly ratioLimit: number;
  /** Largest plausible amount in 万元 per level; `default` for levels not listed. */
  readonly maxWan: Readonly<Partial<Record<IssuerLevel, number>>> & { readonly default: number };
}

/** The detected layout version against the report year: the years of each registered template (`years`). */
export interface TemplateYearRule extends RuleBase {
  readonly kind: "template_year";
  readonly path: string;
}

export type RuleDef =
  | SumEqualsRule
  | CellCheckRule
  | NarrativeEqualsRule
  | IssuerScopeRule
  | UnitPlausibleRule
  | TemplateYearRule;

export type RuleKind = RuleDef["kind"];
