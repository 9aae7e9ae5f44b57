import { describe, expect, it } from "vitest";
import { checkCells } from "../../../src/stages/rules/check-cells.js";
import { buildRuleInput, CELL_PAGE, CLEAN_VALUES, findRule, summarize } from "./rule-input-builder.js";

const integer = findRule("cell.integer", "cell_check");
const missing = findRule("cell.missing", "cell_check");
const blank = findRule("cell.blank", "cell_check");

describe("checkCells", () => {
  it.each([integer, missing, blank])("$id: no flag on a clean report", (rule) => {
    expect(checkCells(rule, buildRuleInput({ values: CLEAN_VALUES }))).toEqual([]);
  });

  it.each([
    { path: "s3.granted.natural", value: 2.5, flagged: true },
    { path: "s3.granted.natural", value: -1, flagged: true },
    { path: "s4.review.total", value: 1e6, flagged: false },
    { path: "s2.admin_penalty.decisions", value: 2_345_678, flagged: false },
    { path: "s2.admin_fees.amount_wan", value: 12.35, flagged: false },
    { path: "s2.admin_fees.amount_wan", value: -0.5, flagged: true },
  ])("cell.integer: $path = $value flagged: $flagged", ({ path, value, flagged }) => {
    const flags = checkCells(integer, buildRuleInput({ values: { [path]: value } }));
    expect(summarize(flags)).toEqual(flagged ? [{ rule: "cell.integer", path, expected: null, actual: value }] : []);
  });

  it("cell.missing: one warning per null cell, at the cell's path", () => {
    const flags = checkCells(
      missing,
      buildRuleInput({ values: { "s3.granted.natural": null, "s4.review.total": null } }),
    );
    expect(flags.map((f) => [f.path, f.severity, f.actual])).toEqual([
      ["s3.granted.natural", "warning", null],
      ["s4.review.total", "warning", null],
    ]);
    expect(flags[0]?.cells).toEqual([
      { path: "s3.granted.natural", value: null, page: CELL_PAGE, bbox: expect.any(Array) as unknown },
    ]);
  });

  it("cell.missing: a template path absent from the input counts as missing", () => {
    const input = buildRuleInput();
    const cells = new Map(input.cells);
    cells.delete("s2.rules.made");
    const flags = checkCells(missing, { ...input, cells });
    expect(flags.map((f) => f.path)).toEqual(["s2.rules.made"]);
    expect(flags[0]?.cells[0]).toEqual({ path: "s2.rules.made", value: null, page: null, bbox: null });
  });

  it("cell.blank: one info flag per blank cell, value 0", () => {
    const flags = checkCells(blank, buildRuleInput({ blank: ["s3.partial.legal", "s4.review.pending"] }));
    expect(flags.map((f) => [f.path, f.severity, f.actual])).toEqual([
      ["s3.partial.legal", "info", 0],
      ["s4.review.pending", "info", 0],
    ]);
    expect(flags[0]?.message.zh).toContain("按 0 计");
  });
});
