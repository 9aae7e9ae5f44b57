import { describe, expect, it } from "vitest";
import { checkUnitPlausible } from "../../../src/stages/rules/check-unit-plausible.js";
import { buildNarrativeText } from "../../../src/stages/rules/narrative-text.js";
import { buildRuleInput, findRule } from "./rule-input-builder.js";

const rule = findRule("s2.fee_unit", "unit_plausible");

function check(fee: number | null, narrative: string[], agency = "广州市人民政府") {
  const input = buildRuleInput({ agency, narrative, values: { "s2.admin_fees.amount_wan": fee } });
  return checkUnitPlausible(rule, input, buildNarrativeText(input.narrative)).map((f) => ({
    path: f.path,
    expected: f.expected,
    actual: f.actual,
  }));
}

describe("checkUnitPlausible", () => {
  it.each([
    { name: "元 amount equal to the table", fee: 125000, text: "本年度收取行政事业性收费125000元。", expected: 12.5 },
    { name: "元 amount a hundredth of the table", fee: 5, text: "行政事业性收费金额为500元。", expected: 0.05 },
    { name: "万元 amount far off", fee: 3000, text: "行政事业性收费金额12万元。", expected: 12 },
  ])("flags $name", ({ fee, text, expected }) => {
    expect(check(fee, [text])).toEqual([{ path: "s2.admin_fees.amount_wan", expected, actual: fee }]);
  });

  it.each([
    { name: "元 amount matching the 万元 table", fee: 12.5, text: "本年度收取行政事业性收费125000元。" },
    { name: "万元 amount matching", fee: 12.5, text: "行政事业性收费金额12.5万元。" },
    { name: "a factor under the limit", fee: 30, text: "行政事业性收费金额12万元。" },
    { name: "a disclosure fee", fee: 3, text: "收取行政事业性收费相关的信息处理费3元。" },
    { name: "no fee sentence", fee: 3, text: "本年度未收取信息处理费。" },
    { name: "a fee of 0", fee: 0, text: "本年度行政事业性收费0元。" },
    { name: "unread table", fee: null, text: "本年度收取行政事业性收费125000元。" },
  ])("no flag for $name", ({ fee, text }) => {
    expect(check(fee, [text])).toEqual([]);
  });

  it.each([
    { agency: "海原县工业信息化和商务局", fee: 2_000_000, flagged: true },
    { agency: "海原县工业信息化和商务局", fee: 500_000, flagged: false },
    { agency: "交通运输部", fee: 2_000_000, flagged: false },
    { agency: "交通运输部", fee: 200_000_000, flagged: true },
  ])("$agency: $fee 万元 with no narrative flagged: $flagged", ({ agency, fee, flagged }) => {
    expect(check(fee, [], agency)).toEqual(
      flagged ? [{ path: "s2.admin_fees.amount_wan", expected: null, actual: fee }] : [],
    );
  });
});
