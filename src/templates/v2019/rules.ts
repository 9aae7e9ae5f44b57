import type { RuleDef } from "../rule-def.js";
import { cellRules, makeSumRules, resultRows, rulesIssuerRule, templateYearRule } from "../v2021/rules.js";
import { narrativeRules } from "../v2021/rules-narrative.js";

const OTHER_2021 = new Set<string>(["other_no_supplement", "other_fee_unpaid", "other_other"]);

/** The 2019 layout's result rows: the 18 rows of （一）–（五） and the single （六）其他处理. */
export const resultRows2019: readonly string[] = [...resultRows.filter((r) => !OTHER_2021.has(r)), "other_processing"];

/**
 * Every single-report rule of a v2019 report: the 2021 rules with （七）总计 over the 2019 rows, 规章 made
 * counted by 本年新制作数量, and no fee-unit check (the 2019 table has no 收费金额 column).
 */
export const rules: readonly RuleDef[] = [
  ...cellRules,
  ...makeSumRules(resultRows2019, "the sum of the 18 result rows and other_processing"),
  rulesIssuerRule("s2v19.rules.new_made"),
  templateYearRule,
  ...narrativeRules,
];
