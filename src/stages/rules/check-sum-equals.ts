import type { Flag } from "../../model/flag.js";
import type { SumEqualsRule } from "../../templates/rule-def.js";
import type { RuleInput } from "../../templates/rule-input.js";
import { formatNumber, readCellRef, sumCellRefs } from "./cell-refs.js";
import type { RuleKindDef } from "./rule-kind.js";
import { fillScopePlaceholder, fillSubject, listScopeItems } from "./scope-items.js";

/** Tolerance for comparing sums: counts are integers, decimals are rounded by `sumCellRefs`. */
const EPSILON = 1e-6;

/** One flag per scope item whose two sides differ; items with a null operand are skipped (cell.missing says it). */
export function checkSumEquals(rule: SumEqualsRule, input: RuleInput): Flag[] {
  const flags: Flag[] = [];
  for (const item of listScopeItems(input.template, rule.forEach)) {
    const fill = (path: string) => fillScopePlaceholder(path, rule.forEach, item);
    const expectedCells = rule.expected.paths.map((path) => readCellRef(input, fill(path)));
    const actualCells = rule.actual.paths.map((path) => readCellRef(input, fill(path)));
    const expected = sumCellRefs(expectedCells);
    const actual = sumCellRefs(actualCells);
    if (expected === null || actual === null) continue;
    if (Math.abs(expected - actual) < EPSILON) continue;
    const subject = { zh: fillSubject(rule.subject.zh, item), en: fillSubject(rule.subject.en, item) };
    const e = formatNumber(expected);
    const a = formatNumber(actual);
    flags.push({
      rule: rule.id,
      severity: rule.severity,
      path: fill(rule.path),
      cells: [...expectedCells, ...actualCells],
      expected,
      actual,
      message: {
        zh: `${subject.zh}：${rule.expected.label.zh} = ${e}，但${rule.actual.label.zh} = ${a}`,
        en: `${subject.en}: ${rule.expected.label.en} = ${e}, but ${rule.actual.label.en} = ${a}`,
      },
    });
  }
  return flags;
}

/** The `sum_equals` rule kind (registered in rule-kinds.ts). */
export const sumEqualsKind: RuleKindDef<SumEqualsRule> = {
  kind: "sum_equals",
  recheckable: true,
  check: (rule, input) => checkSumEquals(rule, input),
};
