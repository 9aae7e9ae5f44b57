import { describe, expect, it } from "vitest";
import { checkSumEquals } from "../../../src/stages/rules/check-sum-equals.js";
import { buildRuleInput, CELL_PAGE, CLEAN_VALUES, findRule, summarize } from "./rule-input-builder.js";

const balance = findRule("s3.balance", "sum_equals");
const rowTotal = findRule("s3.row_total", "sum_equals");
const resultsTotal = findRule("s3.results_total", "sum_equals");
const groupTotal = findRule("s4.group_total", "sum_equals");

describe("checkSumEquals", () => {
  it.each([balance, rowTotal, resultsTotal, groupTotal])("$id: no flag on a consistent report", (rule) => {
    expect(checkSumEquals(rule, buildRuleInput({ values: CLEAN_VALUES }))).toEqual([]);
  });

  it.each([
    {
      name: "s3.balance on the natural column",
      rule: balance,
      values: { "s3.new_received.natural": 10, "s3.carried_over.natural": 2, "s3.total_processed.natural": 11 },
      flags: [{ rule: "s3.balance", path: "s3.natural", expected: 12, actual: 11 }],
    },
    {
      name: "s3.balance on the total column",
      rule: balance,
      values: { "s3.new_received.total": 5, "s3.carried_forward.total": 4 },
      flags: [{ rule: "s3.balance", path: "s3.total", expected: 5, actual: 4 }],
    },
    {
      name: "s3.row_total on one row",
      rule: rowTotal,
      values: { "s3.granted.natural": 3, "s3.granted.legal": 1, "s3.granted.total": 5 },
      flags: [{ rule: "s3.row_total", path: "s3.granted", expected: 4, actual: 5 }],
    },
    {
      name: "s3.results_total with a 总计 of 0 beside non-zero results",
      rule: resultsTotal,
      values: { "s3.reject_repeat.social": 2, "s3.other_other.social": 1 },
      flags: [{ rule: "s3.results_total", path: "s3.total_processed.social", expected: 3, actual: 0 }],
    },
    {
      name: "s4.group_total on suits after review",
      rule: groupTotal,
      values: { "s4.suit_after_review.upheld": 2, "s4.suit_after_review.pending": 1, "s4.suit_after_review.total": 2 },
      flags: [{ rule: "s4.group_total", path: "s4.suit_after_review", expected: 3, actual: 2 }],
    },
  ])("$name", ({ rule, values, flags }) => {
    expect(summarize(checkSumEquals(rule, buildRuleInput({ values })))).toEqual(flags);
  });

  it("cites every operand cell with its value and location, expected side first", () => {
    const [flag] = checkSumEquals(
      balance,
      buildRuleInput({ values: { "s3.new_received.natural": 12, "s3.total_processed.natural": 11 } }),
    );
    expect(flag?.cells.map((c) => [c.path, c.value, c.page])).toEqual([
      ["s3.new_received.natural", 12, CELL_PAGE],
      ["s3.carried_over.natural", 0, CELL_PAGE],
      ["s3.total_processed.natural", 11, CELL_PAGE],
      ["s3.carried_forward.natural", 0, CELL_PAGE],
    ]);
    expect(flag?.cells.every((c) => c.bbox !== null)).toBe(true);
    expect(flag?.severity).toBe("error");
    expect(flag?.message.zh).toBe("自然人列：本年新收 + 上年结转 = 12，但（七）总计 + 结转下年度 = 11");
    expect(flag?.message.en).toBe(
      "Column natural: new received + carried over = 12, but total processed + carried forward = 11",
    );
  });

  it("counts all 21 result rows", () => {
    const values: Record<string, number> = { "s3.total_processed.natural": 21 };
    for (const path of resultsTotal.expected.paths) values[path.replace("{column}", "natural")] = 1;
    expect(resultsTotal.expected.paths).toHaveLength(21);
    // The row totals are off (natural only), but the results rule holds for every column.
    expect(checkSumEquals(resultsTotal, buildRuleInput({ values }))).toEqual([]);
  });

  it.each([
    { rule: balance, values: { "s3.new_received.natural": 10, "s3.carried_over.natural": null } },
    { rule: rowTotal, values: { "s3.granted.natural": 3, "s3.granted.research": null } },
    { rule: resultsTotal, values: { "s3.granted.total": 3, "s3.deny_admin_query.total": null } },
    { rule: groupTotal, values: { "s4.review.upheld": 3, "s4.review.total": null } },
  ])("$id: skips a sum with a null operand", ({ rule, values }) => {
    expect(checkSumEquals(rule, buildRuleInput({ values }))).toEqual([]);
  });
});
