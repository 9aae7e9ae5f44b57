import type { Flag } from "../../model/flag.js";
import type { NarrativeEqualsRule } from "../../templates/rule-def.js";
import type { RuleInput } from "../../templates/rule-input.js";
import { formatNumber, readCellRef, sumCellRefs } from "./cell-refs.js";
import { findStatedNumbers } from "./find-stated-numbers.js";
import { locateOffset, type NarrativeText } from "./narrative-text.js";
import type { RuleKindDef } from "./rule-kind.js";

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
