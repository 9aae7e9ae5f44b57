import type { Flag } from "../../model/flag.js";
import type { LocalText, RuleBase } from "../../templates/rule-def.js";
import type { RuleInput } from "../../templates/rule-input.js";
import { formatNumber, readCellRef, sumCellRefs } from "./cell-refs.js";
import { findStatedNumbers } from "./find-stated-numbers.js";
import { locateOffset, type NarrativeText } from "./narrative-text.js";
import type { RuleKindDef } from "./rule-kind.js";

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

declare module "../../templates/rule-def.js" {
  interface RuleKinds {
    narrative_equals: NarrativeEqualsRule;
  }
}

/**
 * A flag when the narrative states one number for the rule's count and the table says otherwise. Nothing when
 * the narrative states no number, or several different ones (scope or phrasing unclear), or a table cell is null.
 */
export function checkNarrativeEquals(rule: NarrativeEqualsRule, input: RuleInput, narrative: NarrativeText): Flag[] {
  const stated = findStatedNumbers(narrative, rule);
  const first = stated[0];
  if (first === undefined || stated.some((s) => s.value !== first.value)) return [];
  const cells = rule.target.map((path) => readCellRef(input, path));
  const expected = sumCellRefs(cells);
  if (expected === null) return [];
  const accepted = [expected];
  for (const paths of rule.alsoAccept ?? []) {
    const sum = sumCellRefs(paths.map((path) => readCellRef(input, path)));
    if (sum !== null) accepted.push(sum);
  }
  if (accepted.includes(first.value)) return [];
  const page = input.pageless ? undefined : locateOffset(narrative, first.offset)?.page;
  const where =
    page === undefined
      ? { zh: "正文", en: "The narrative" }
      : { zh: `正文第${page}页`, en: `The narrative on page ${page}` };
  const table = rule.target.join(" + ");
  return [
    {
      rule: rule.id,
      severity: rule.severity,
      path: rule.path,
      cells,
      expected,
      actual: first.value,
      message: {
        zh: `${where.zh}称${rule.label.zh} ${formatNumber(first.value)} 件（“${first.clause}”），但表格 ${table} = ${formatNumber(expected)}`,
        en: `${where.en} states ${formatNumber(first.value)} ${rule.label.en} ("${first.clause}"), but the table gives ${table} = ${formatNumber(expected)}`,
      },
    },
  ];
}

/** The `narrative_equals` rule kind (registered in rule-kinds.ts). */
export const narrativeEqualsKind: RuleKindDef<NarrativeEqualsRule> = {
  kind: "narrative_equals",
  recheckable: false,
  check: (rule, input, narrative) => checkNarrativeEquals(rule, input, narrative),
};
