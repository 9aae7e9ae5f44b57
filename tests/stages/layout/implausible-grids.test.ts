import { describe, expect, it } from "vitest";
import type { Box } from "../../../src/model/geometry.js";
import type { PageContent, RuleSegment, TextItem } from "../../../src/model/page-content.js";
import { findGrids } from "../../../src/stages/layout/build-grids.js";
import { dropMeshes } from "../../../src/stages/layout/implausible-grids.js";
import { layoutDocument } from "../../../src/stages/layout/index.js";

const h = (at: number, from: number, to: number): RuleSegment => ({ orientation: "h", at, from, to });
const v = (at: number, from: number, to: number): RuleSegment => ({ orientation: "v", at, from, to });

/** Rules at `ys` across 50–450 and at `xs` down from the first to the last y. */
function ruled(ys: readonly number[], xs: readonly number[]): RuleSegment[] {
  const top = ys[0] as number;
  const bottom = ys.at(-1) as number;
  return [...ys.map((y) => h(y, 50, 450)), ...xs.map((x) => v(x, top, bottom))];
}

/** A text-layer run of 10-pt text with its top at `y`. */
const run = (text: string, x: number, y: number): TextItem => ({
  text,
  box: [x, y, x + 8 * text.length, y + 10] as Box,
  fontSize: 10,
  fontName: "F1",
});

/** A printed table: 10 rows of 20 pt, 3 columns, one label and two numbers in each row, centred. */
const TABLE_YS = Array.from({ length: 11 }, (_, i) => 100 + i * 20);
const TABLE_XS = [50, 250, 350, 450];
const TABLE_TEXT = TABLE_YS.slice(0, -1).flatMap((y, r) => [
  run("本年新收申请", 60, y + 5),
  run(String(r), 290, y + 5),
  run(String(r * 2), 390, y + 5),
]);

function judge(segments: readonly RuleSegment[], items: readonly TextItem[]) {
  const found = findGrids(1, segments);
  return dropMeshes(1, found.grids, found.meshes, items);
}

describe("dropMeshes", () => {
  it("keeps a printed table, its rules between its lines of text", () => {
    const { grids, issues } = judge(ruled(TABLE_YS, TABLE_XS), TABLE_TEXT);
    expect(grids).toHaveLength(1);
    expect(issues).toEqual([]);
  });

  it("drops a mesh finer than the text, whose rules cut through it, with an issue", () => {
    // Rules every 7 pt: most 10-pt lines of text have one through their middle.
    const ys = Array.from({ length: 30 }, (_, i) => 100 + i * 7);
    const { grids, issues } = judge(ruled(ys, TABLE_XS), TABLE_TEXT);
    expect(grids).toEqual([]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "table.implausible_grid", severity: "warning", stage: "layout", page: 1 });
    expect(issues[0]?.message).toMatch(/29 rows × 3 columns: its rules cut through \d+ of the 30 runs of text/);
  });

  it("drops a mesh coarser than a line but mostly empty", () => {
    // 40 rows of 12 pt, text in the first 10 only: its rules miss the text, but 30 rows hold none.
    const ys = Array.from({ length: 41 }, (_, i) => 100 + i * 12);
    const text = ys.slice(0, 10).map((y) => run("1", 300, y + 1));
    const { grids, issues } = judge(ruled(ys, TABLE_XS), text);
    expect(grids).toEqual([]);
    expect(issues[0]?.message).toMatch(/30 of its 40 rows hold no text/);
  });

  it("reports the meshes too large to be built as grids", () => {
    const ys = Array.from({ length: 202 }, (_, i) => 100 + i * 5);
    const { grids, issues } = judge(ruled(ys, TABLE_XS), TABLE_TEXT);
    expect(grids).toEqual([]);
    expect(issues[0]?.message).toMatch(/a grid of 201 rows × 3 columns, more than a printed table has/);
  });

  it("lays the text of a dropped mesh out as free lines and says so", () => {
    const ys = Array.from({ length: 30 }, (_, i) => 100 + i * 7);
    const page: PageContent = {
      page: 1,
      width: 500,
      height: 800,
      items: TABLE_TEXT,
      segments: ruled(ys, TABLE_XS),
      imageBoxes: [],
      textQuality: 1,
      charCount: 60,
    };
    const { pages, issues } = layoutDocument([page]);
    expect(issues.map((i) => i.code)).toEqual(["table.implausible_grid"]);
    expect(pages[0]?.every((b) => b.kind === "line")).toBe(true);
    expect(pages[0]?.map((b) => (b.kind === "line" ? b.line.text : ""))).toContain("本年新收申请 0 0");
  });
});
