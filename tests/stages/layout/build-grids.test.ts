import { describe, expect, it } from "vitest";
import type { RuleSegment } from "../../../src/model/page-content.js";
import { buildGrids } from "../../../src/stages/layout/build-grids.js";
import { cellShapes, fullGrid, h, v, XS, YS } from "./segment-builder.js";

const NINE = ["0,0 1x1", "0,1 1x1", "0,2 1x1", "1,0 1x1", "1,1 1x1", "1,2 1x1", "2,0 1x1", "2,1 1x1", "2,2 1x1"];

/** Each border drawn as one short stroke per cell edge, as Word and LibreOffice do. */
function strokesPerEdge(jitter = 0): RuleSegment[] {
  const out: RuleSegment[] = [];
  for (const y of YS)
    for (let c = 0; c < 3; c++) out.push(h(y + (c % 2) * jitter, XS[c] as number, XS[c + 1] as number));
  for (const x of XS)
    for (let r = 0; r < 3; r++) out.push(v(x + (r % 2) * jitter, YS[r] as number, YS[r + 1] as number));
  return out;
}

describe("buildGrids", () => {
  it("reads a fully ruled 3×3 table", () => {
    const grids = buildGrids(2, fullGrid());
    expect(grids).toHaveLength(1);
    const grid = grids[0];
    expect(grid?.page).toBe(2);
    expect(grid?.xs).toEqual(XS);
    expect(grid?.ys).toEqual(YS);
    expect(grid?.box).toEqual([50, 100, 350, 160]);
    expect(cellShapes(grid)).toEqual(NINE);
    expect(grid?.cells[4]?.box).toEqual([150, 120, 250, 140]);
    expect(grid?.cells.every((c) => c.items.length === 0)).toBe(true);
  });

  it.each([
    ["one short stroke per cell edge", strokesPerEdge()],
    ["strokes per edge off by up to 1 pt", strokesPerEdge(1)],
    ["strokes listed in reverse order", strokesPerEdge().reverse()],
  ])("reads the same 3×3 table from %s", (_name, segments) => {
    const grids = buildGrids(1, segments);
    expect(grids).toHaveLength(1);
    expect(cellShapes(grids[0])).toEqual(NINE);
    expect(grids[0]?.xs.map(Math.round)).toEqual(XS);
    expect(grids[0]?.ys.map(Math.round)).toEqual(YS);
  });

  it("merges two rows of a column into one cell where the rule between them is missing", () => {
    const segments = [
      h(100, 50, 350),
      h(120, 50, 350),
      h(140, 150, 350),
      h(160, 50, 350),
      ...XS.map((x) => v(x, 100, 160)),
    ];
    const grid = buildGrids(1, segments)[0];
    expect(cellShapes(grid)).toEqual([
      "0,0 1x1",
      "0,1 1x1",
      "0,2 1x1",
      "1,0 2x1",
      "1,1 1x1",
      "1,2 1x1",
      "2,1 1x1",
      "2,2 1x1",
    ]);
    expect(grid?.cells.find((c) => c.rowSpan === 2)?.box).toEqual([50, 120, 150, 160]);
  });

  it("reads a group cell spanning a whole column of four rows (三、本年度办理结果 style)", () => {
    const ys = [100, 120, 140, 160, 180];
    const segments = [
      h(100, 50, 350),
      ...ys.slice(1, -1).map((y) => h(y, 150, 350)),
      h(180, 50, 350),
      ...XS.map((x) => v(x, 100, 180)),
    ];
    const grid = buildGrids(1, segments)[0];
    expect(grid?.cells.filter((c) => c.col === 0).map((c) => [c.row, c.rowSpan])).toEqual([[0, 4]]);
    expect(grid?.cells.filter((c) => c.col > 0)).toHaveLength(8);
  });

  it("merges two columns into a header cell where the rule between them is missing", () => {
    const segments = [
      h(100, 50, 350),
      h(120, 150, 350),
      h(140, 50, 350),
      v(50, 100, 140),
      v(150, 100, 140),
      v(250, 120, 140),
      v(350, 100, 140),
    ];
    const grid = buildGrids(1, segments)[0];
    expect(cellShapes(grid)).toEqual(["0,0 2x1", "0,1 1x2", "1,1 1x1", "1,2 1x1"]);
    expect(grid?.cells[1]?.box).toEqual([150, 100, 350, 120]);
  });

  it("takes the ends of the horizontal rules as the outer edges of a table open at the sides", () => {
    const segments = [...YS.map((y) => h(y, 50, 350)), v(150, 100, 160), v(250, 100, 160)];
    const grid = buildGrids(1, segments)[0];
    expect(grid?.xs).toEqual(XS);
    expect(grid?.box).toEqual([50, 100, 350, 160]);
    expect(cellShapes(grid)).toEqual(NINE);
  });

  it("reads two separate tables on one page as two grids, top first", () => {
    const lower = fullGrid([60, 180, 300], [400, 420, 440]);
    const grids = buildGrids(1, [...lower, ...fullGrid()]);
    expect(grids.map((g) => g.box)).toEqual([
      [50, 100, 350, 160],
      [60, 400, 300, 440],
    ]);
    expect(cellShapes(grids[1])).toEqual(["0,0 1x1", "0,1 1x1", "1,0 1x1", "1,1 1x1"]);
  });

  it.each([
    ["no segments", []],
    ["a three-line table (horizontal rules only)", [h(100, 50, 350), h(120, 50, 350), h(200, 50, 350)]],
    ["a lone underline", [h(300, 100, 200)]],
    ["a lone vertical rule", [v(300, 100, 200)]],
  ])("finds no grid in %s", (_name, segments) => {
    expect(buildGrids(1, segments as RuleSegment[])).toEqual([]);
  });

  it("reads a double border (two strokes 3.5 pt apart) as one border, not a frame around the table", () => {
    const outer = [h(96.5, 46.5, 353.5), h(163.5, 46.5, 353.5), v(46.5, 96.5, 163.5), v(353.5, 96.5, 163.5)];
    const grids = buildGrids(1, [...fullGrid(), ...outer]);
    expect(grids).toHaveLength(1);
    expect(cellShapes(grids[0])).toEqual(NINE);
  });

  it("drops a one-cell frame drawn well around a table", () => {
    const frame = [h(80, 30, 370), h(180, 30, 370), v(30, 80, 180), v(370, 80, 180)];
    const grids = buildGrids(1, [...fullGrid(), ...frame]);
    expect(grids).toHaveLength(1);
    expect(cellShapes(grids[0])).toEqual(NINE);
  });

  it("reads a thick border drawn as offset strokes (merged cells) without a sliver row", () => {
    // The label column's border sits 4.5 pt below the number columns' border of the same row edge.
    const segments = [...fullGrid(), h(124.5, 50, 150)];
    const grids = buildGrids(1, segments);
    expect(grids[0]?.ys.map(Math.round)).toEqual(YS);
    expect(cellShapes(grids[0])).toEqual(NINE);
  });
});

describe("buildGrids on a hairline mesh drawn over a table", () => {
  // Issue 13: a 1000 × 1000 mesh of tiny paths over table 三 turned its printed values into blank slivers.
  it.each([1, 3, 6, 12])("finds no table in a mesh of %s-pt steps (its text is read unruled)", (step) => {
    const segments = fullGrid([50, 150, 250, 350, 450, 550], [100, 120, 140, 160, 180, 200]);
    for (let i = 0; i * step <= 520; i++) {
      for (let j = 0; j * step < 520; j++) {
        segments.push(h(90 + i * step, 40 + j * step, 40 + (j + 1) * step));
        segments.push(v(40 + i * step, 90 + j * step, 90 + (j + 1) * step));
      }
    }
    expect(buildGrids(1, segments)).toEqual([]);
  });

  it("still reads a wide table of 30 columns and 60 rows", () => {
    const xs = Array.from({ length: 31 }, (_, i) => 20 + i * 18);
    const ys = Array.from({ length: 61 }, (_, i) => 40 + i * 12);
    const grid = buildGrids(1, fullGrid(xs, ys))[0];
    expect([grid?.xs.length, grid?.ys.length]).toEqual([31, 61]);
  });
});
