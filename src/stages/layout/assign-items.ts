import type { Box } from "../../model/geometry.js";
import { estimateGlyphBoxes } from "../../model/glyph-boxes.js";
import type { Grid, GridCell } from "../../model/layout.js";
import type { TextItem } from "../../model/page-content.js";

/**
 * Puts each text item into the grid cell holding its centre and returns the items outside every grid.
 * An item whose box crosses cell borders (some producers write a whole row as one run) is cut into
 * characters, each placed by its estimated position: full-width characters advance 1 em, others ½ em.
 */
export function assignItems(grids: readonly Grid[], items: readonly TextItem[]): TextItem[] {
  const free: TextItem[] = [];
  const lookups = new Map(grids.map((g) => [g, slotLookup(g)]));
  for (const item of items) {
    // The innermost grid holding the item: a frame or an enclosing table must not swallow a nested one.
    const grid = grids
      .filter((g) => inside(g.box, centre(item.box)))
      .reduce<Grid | undefined>((best, g) => (best && area(best.box) <= area(g.box) ? best : g), undefined);
    if (!grid) {
      free.push(item);
      continue;
    }
    const findCell = lookups.get(grid) as (point: { x: number; y: number }) => GridCell | undefined;
    const home = findCell(centre(item.box));
    // The run stays whole unless its ends fall in other cells than its centre.
    const y = centre(item.box).y;
    const ends = [findCell({ x: item.box[0] + 0.5, y }), findCell({ x: item.box[2] - 0.5, y })];
    if (home && ends.every((cell) => cell === undefined || cell === home)) home.items.push(item);
    else for (const piece of splitItem(item)) findCell(centre(piece.box))?.items.push(piece);
  }
  return free;
}

/** The cell at a point, by binary search over the grid lines (grids of thousands of cells stay fast). */
function slotLookup(grid: Grid): (point: { x: number; y: number }) => GridCell | undefined {
  const cols = grid.xs.length - 1;
  const bySlot = new Map<number, GridCell>();
  for (const cell of grid.cells) {
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
      for (let c = cell.col; c < cell.col + cell.colSpan; c++) bySlot.set(r * cols + c, cell);
    }
  }
  return (point) => {
    const r = interval(grid.ys, point.y);
    const c = interval(grid.xs, point.x);
    return r < 0 || c < 0 ? undefined : bySlot.get(r * cols + c);
  };
}

/** Index i with lines[i] ≤ v ≤ lines[i + 1], or -1 outside. */
function interval(lines: readonly number[], v: number): number {
  if (lines.length < 2 || v < (lines[0] as number) || v > (lines.at(-1) as number)) return -1;
  let lo = 0;
  let hi = lines.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lines[mid] as number) <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function splitItem(item: TextItem): TextItem[] {
  return estimateGlyphBoxes(item.text, item.box)
    .filter((glyph) => glyph.char.trim() !== "")
    .map((glyph) => ({ ...item, text: glyph.char, box: glyph.box }));
}

function area(box: Box): number {
  return (box[2] - box[0]) * (box[3] - box[1]);
}

function centre(box: Box): { x: number; y: number } {
  return { x: (box[0] + box[2]) / 2, y: (box[1] + box[3]) / 2 };
}

function inside(box: Box, p: { x: number; y: number }): boolean {
  return p.x >= box[0] && p.x <= box[2] && p.y >= box[1] && p.y <= box[3];
}
