import { describe, expect, it } from "vitest";
import { checkIssuerScope } from "../../../src/stages/rules/check-issuer-scope.js";
import { buildRuleInput, findRule, summarize } from "./rule-input-builder.js";

const rule = findRule("s2.rules_issuer", "issuer_scope");

describe("checkIssuerScope", () => {
  it.each([
    { agency: "海原县工业信息化和商务局", flagged: true },
    { agency: "北京市朝阳区人民政府", flagged: true },
    { agency: "广州市交通运输局", flagged: true },
    { agency: "广东省人民政府", flagged: false },
    { agency: "广州市人民政府", flagged: false },
    { agency: "宁夏回族自治区人民政府", flagged: false },
    { agency: "交通运输部", flagged: false },
    { agency: "某单位", flagged: false },
  ])("$agency with 规章 made = 3 flagged: $flagged", ({ agency, flagged }) => {
    const flags = checkIssuerScope(rule, buildRuleInput({ agency, values: { "s2.rules.made": 3 } }));
    expect(summarize(flags)).toEqual(
      flagged ? [{ rule: "s2.rules_issuer", path: "s2.rules.made", expected: 0, actual: 3 }] : [],
    );
  });

  it.each([
    { name: "made = 0", agency: "海原县工业信息化和商务局", made: 0 },
    { name: "made unread", agency: "海原县工业信息化和商务局", made: null },
    { name: "agency unknown", agency: null, made: 3 },
  ])("no flag when $name", ({ agency, made }) => {
    expect(checkIssuerScope(rule, buildRuleInput({ agency, values: { "s2.rules.made": made } }))).toEqual([]);
  });

  it("names the agency and the reason, citing the cell", () => {
    const [flag] = checkIssuerScope(
      rule,
      buildRuleInput({ agency: "广州市交通运输局", values: { "s2.rules.made": 1 } }),
    );
    expect(flag?.severity).toBe("warning");
    expect(flag?.cells.map((c) => [c.path, c.value])).toEqual([["s2.rules.made", 1]]);
    expect(flag?.message.zh).toContain("广州市交通运输局");
    expect(flag?.message.zh).toContain("工作部门");
  });
});
