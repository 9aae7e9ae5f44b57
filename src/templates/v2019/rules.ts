import type { RuleDef } from "../rule-def.js";
import { makeSumRules, resultRows, rules as rules2021, rulesIssuerRule } from "../v2021/rules.js";

const OTHER_2021 = new Set<string>(["other_no_supplement", "other_fee_unpaid", "other_other"]);

/** The 2019 layout's result rows: the 18 rows of （一）–（五） and the single （六）其他处理. */
export const resultRows2019: readonly string[] = [...resultRows.filter((r) => !OTHER_2021.has(r)), "other_processing"];

/** The rules of v2019 that differ from v2021's, by id; `null`: v2021's rule has no v2019 counterpart. */
const differences: Readonly<Record<string, RuleDef | null>> = {
  // （七）总计 sums the 2019 rows.
  "s3.results_total": makeSumRules(resultRows2019, "the sum of the 18 result rows and other_processing").find(
    (r) => r.id === "s3.results_total",
  ) as RuleDef,
  // 规章 made are counted by 本年新制作数量.
  "s2.rules_issuer": rulesIssuerRule("s2v19.rules.new_made"),
  // The 2019 table has no 收费金额 column.
  "s2.fee_unit": null,
};

/** Every single-report rule of a v2019 report: the v2021 rules, with the differences above. */
export const rules: readonly RuleDef[] = rules2021.flatMap((rule) => {
  const own = differences[rule.id];
  return own === undefined ? [rule] : own === null ? [] : [own];
});
