import type { Flag } from "../../model/flag.js";
import type { LocalText, RuleBase } from "../../templates/rule-def.js";
import type { RuleInput } from "../../templates/rule-input.js";
import { formatNumber, readCellRef, sumCellRefs } from "./cell-refs.js";
import type { RuleKindDef } from "./rule-kind.js";
import { fillScopePlaceholder, fillSubject, listScopeItems, type SumScope } from "./scope-items.js";

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

declare module "../../templates/rule-def.js" {
  interface RuleKinds {
    sum_equals: SumEqualsRule;
  }
}

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
