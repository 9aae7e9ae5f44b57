import type { Flag } from "../../model/flag.js";
import type { IssuerLevel, IssuerLevels, LocalText, RuleBase } from "../../templates/rule-def.js";
import type { RuleInput } from "../../templates/rule-input.js";
import { formatNumber, readCellRef, roundSum } from "./cell-refs.js";
import { classifyIssuer } from "./classify-issuer.js";
import { findStatedNumbers, type StatedNumber } from "./find-stated-numbers.js";
import { locateOffset, type NarrativeText } from "./narrative-text.js";
import type { RuleKindDef } from "./rule-kind.js";

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

declare module "../../templates/rule-def.js" {
  interface RuleKinds {
    unit_plausible: UnitPlausibleRule;
  }
}

const YUAN_PER_WAN = 10_000;

interface Finding {
  readonly expected: number | null;
  readonly message: LocalText;
}

/**
 * At most one flag for a 万元 amount that looks like a unit slip. Only the narrative's fee statements that agree
 * on one amount are used; an amount of 0 on either side says nothing about units.
 */
export function checkUnitPlausible(rule: UnitPlausibleRule, input: RuleInput, narrative: NarrativeText): Flag[] {
  const cell = readCellRef(input, rule.path);
  if (cell.value === null) return [];
  const stated = findStatedNumbers(narrative, rule);
  const finding =
    compareWithNarrative(rule, cell.value, stated, narrative, input.pageless) ??
    compareWithLimit(rule, input, cell.value);
  if (finding === null) return [];
  return [
    {
      rule: rule.id,
      severity: rule.severity,
      path: rule.path,
      cells: [cell],
      expected: finding.expected,
      actual: cell.value,
      message: finding.message,
    },
  ];
}

function compareWithNarrative(
  rule: UnitPlausibleRule,
  table: number,
  stated: readonly StatedNumber[],
  narrative: NarrativeText,
  pageless = false,
): Finding | null {
  const first = stated[0];
  if (first === undefined || table <= 0) return null;
  const inWan = (s: StatedNumber) => roundSum(s.unit === "元" ? s.value / YUAN_PER_WAN : s.value);
  const amount = inWan(first);
  if (amount <= 0 || stated.some((s) => inWan(s) !== amount)) return null;
  const page = pageless ? undefined : locateOffset(narrative, first.offset)?.page;
  const where =
    page === undefined
      ? { zh: "正文", en: "the narrative" }
      : { zh: `正文第${page}页`, en: `the narrative on page ${page}` };
  const quote = `“${first.clause}”`;
  const t = formatNumber(table);
  if (first.unit === "元" && first.value === table) {
    return {
      expected: amount,
      message: {
        zh: `收费金额 ${t} 万元与${where.zh}所写 ${formatNumber(first.value)} 元数字相同（${quote}），疑为以元填入万元栏，应为 ${formatNumber(amount)} 万元`,
        en: `The fee ${t} (万元) has the same digits as the ${formatNumber(first.value)} 元 stated in ${where.en} (${quote}); it looks entered in 元, which is ${formatNumber(amount)} 万元`,
      },
    };
  }
  if (Math.max(amount, table) / Math.min(amount, table) < rule.ratioLimit) return null;
  return {
    expected: amount,
    message: {
      zh: `收费金额 ${t} 万元与${where.zh}所写的 ${formatNumber(amount)} 万元（${quote}）相差 ${rule.ratioLimit} 倍以上，疑为单位错误`,
      en: `The fee ${t} (万元) differs from the ${formatNumber(amount)} 万元 stated in ${where.en} (${quote}) by a factor of ${rule.ratioLimit} or more: a unit slip is likely`,
    },
  };
}

function compareWithLimit(rule: UnitPlausibleRule, input: RuleInput, table: number): Finding | null {
  const level = input.agency === null ? "unknown" : classifyIssuer(input.agency, rule.issuerLevels);
  const limit = rule.maxWan[level] ?? rule.maxWan.default;
  if (table <= limit) return null;
  const t = formatNumber(table);
  const l = formatNumber(limit);
  return {
    expected: null,
    message: {
      zh: `收费金额 ${t} 万元超出${input.agency ?? "该机关"}可能的上限 ${l} 万元，疑为以元填入万元栏`,
      en: `The fee ${t} (万元) exceeds the plausible ${l} 万元 for ${input.agency ?? "this agency"}: it may be entered in 元`,
    },
  };
}

/** The `unit_plausible` rule kind (registered in rule-kinds.ts). */
export const unitPlausibleKind: RuleKindDef<UnitPlausibleRule> = {
  kind: "unit_plausible",
  recheckable: false,
  check: (rule, input, narrative) => checkUnitPlausible(rule, input, narrative),
};
