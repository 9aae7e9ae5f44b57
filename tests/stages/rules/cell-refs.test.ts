import { describe, expect, it } from "vitest";
import { formatNumber, readCellRef, roundSum, sumCellRefs } from "../../../src/stages/rules/cell-refs.js";
import { buildRuleInput, CELL_PAGE } from "./rule-input-builder.js";

describe("cell refs", () => {
  it("reads a cell's value and location, and a missing path as null", () => {
    const input = buildRuleInput({ values: { "s3.granted.natural": 7 } });
    expect(readCellRef(input, "s3.granted.natural")).toMatchObject({ value: 7, page: CELL_PAGE });
    expect(readCellRef(input, "s9.nothing.here")).toEqual({
      path: "s9.nothing.here",
      value: null,
      page: null,
      bbox: null,
    });
  });

  it.each([
    { values: [1, 2, 3], sum: 6 },
    { values: [0.1, 0.2], sum: 0.3 },
    { values: [1, null], sum: null },
    { values: [], sum: 0 },
  ])("sums $values to $sum", ({ values, sum }) => {
    const refs = values.map((value, i) => ({ path: `p${i}`, value, page: null, bbox: null }));
    expect(sumCellRefs(refs)).toBe(sum);
  });

  it.each([
    [12, "12"],
    [0.1 + 0.2, "0.3"],
    [null, "—"],
  ])("formats %s as %s", (value, text) => {
    expect(formatNumber(value)).toBe(text);
    expect(roundSum(1.0000001)).toBe(1);
  });
});
