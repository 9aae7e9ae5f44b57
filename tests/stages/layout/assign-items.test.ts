import { describe, expect, it } from "vitest";
import type { Grid } from "../../../src/model/layout.js";
import { assignItems } from "../../../src/stages/layout/assign-items.js";
import { buildGrids } from "../../../src/stages/layout/build-grids.js";
import { fullGrid, h, item, v } from "./segment-builder.js";

/** A fresh 3×3 grid over x 50/150/250/350, y 100/120/140/160 (cells collect items, so one per test). */
function grid(): Grid {
  return buildGrids(1, fullGrid())[0] as Grid;
}

/** Texts of the items in cell (row, col), in the order they were put there. */
function texts(g: Grid, row: number, col: number): string[] {
  return g.cells.find((c) => c.row === row && c.col === col)?.items.map((i) => i.text) ?? [];
}

describe("assignItems", () => {
  it("puts each item into the cell holding its centre", () => {
    const g = grid();
    const inCell = [item("自然人", 60, 105, 90), item("总计", 160, 105, 180), item("12", 330, 145, 342)];
    expect(assignItems([g], inCell)).toEqual([]);
    expect(texts(g, 0, 0)).toEqual(["自然人"]);
    expect(texts(g, 0, 1)).toEqual(["总计"]);
    expect(texts(g, 2, 2)).toEqual(["12"]);
    expect(g.cells.find((c) => c.row === 2 && c.col === 2)?.items[0]).toBe(inCell[2]);
  });

  it("returns the items outside every grid, in order", () => {
    const heading = item("五、存在的主要问题及改进情况", 50, 300, 300);
    const pageNumber = item("- 4 -", 280, 800, 310);
    expect(assignItems([grid()], [heading, item("1", 60, 105, 66), pageNumber])).toEqual([heading, pageNumber]);
  });

  it("keeps several lines of a wrapped label in their cell, top to bottom", () => {
    const g = grid();
    assignItems([g], [item("（三）不", 55, 121, 95, 8), item("予公开", 55, 130, 85, 8)]);
    expect(texts(g, 1, 0)).toEqual(["（三）不", "予公开"]);
  });

  it("cuts an item that runs across cell borders into characters, each in its own cell", () => {
    const g = grid();
    // One run for a whole row: six characters 50 pt apart, two per column.
    assignItems([g], [item("一二三四五六", 50, 125, 350)]);
    expect([texts(g, 1, 0), texts(g, 1, 1), texts(g, 1, 2)]).toEqual([
      ["一", "二"],
      ["三", "四"],
      ["五", "六"],
    ]);
    const pieces = g.cells.find((c) => c.row === 1 && c.col === 1)?.items ?? [];
    expect(pieces.map((p) => p.box)).toEqual([
      [150, 125, 200, 135],
      [200, 125, 250, 135],
    ]);
  });

  it("cuts a run of label and numbers printed as one item, dropping the spaces", () => {
    const g = grid();
    // 甲乙 = 2 em, each space and digit ½ em: 4 em over 200 pt.
    assignItems([g], [item("甲乙 1 2", 60, 145, 260)]);
    expect(texts(g, 2, 0)).toEqual(["甲", "乙"]);
    expect(texts(g, 2, 1)).toEqual(["1", "2"]);
  });

  it("puts an item into a cell spanning two rows", () => {
    const g = buildGrids(1, [
      h(100, 50, 350),
      h(120, 50, 350),
      h(140, 150, 350),
      h(160, 50, 350),
      ...[50, 150, 250, 350].map((x) => v(x, 100, 160)),
    ])[0] as Grid;
    assignItems([g], [item("三、本年度办理结果", 55, 135, 145)]);
    expect(g.cells.find((c) => c.rowSpan === 2)?.items.map((i) => i.text)).toEqual(["三、本年度办理结果"]);
  });

  it("puts items of two tables into their own grid", () => {
    const [top, bottom] = buildGrids(1, [...fullGrid(), ...fullGrid([50, 150, 250, 350], [400, 420, 440])]);
    if (!top || !bottom) throw new Error("expected two grids");
    assignItems([top, bottom], [item("上", 60, 105, 70), item("下", 60, 405, 70)]);
    expect(texts(top, 0, 0)).toEqual(["上"]);
    expect(texts(bottom, 0, 0)).toEqual(["下"]);
  });

  it("returns every item when there is no grid", () => {
    const items = [item("正文", 50, 100, 70)];
    expect(assignItems([], items)).toEqual(items);
  });
});
