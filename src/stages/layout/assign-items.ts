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
  for (const item of items) {
    // The innermost grid holding the item: a frame or an enclosing table must not swallow a nested one.
    const grid = grids
      .filter((g) => inside(g.box, centre(item.box)))
      .reduce<Grid | undefined>((best, g) => (best && area(best.box) <= area(g.box) ? best : g), undefined);
    if (!grid) {
      free.push(item);
      continue;
    }
    const cells = grid.cells.filter(
      (cell) => overlapsX(cell.box, item.box) && inside(cell.box, { x: cell.box[0] + 0.1, y: centre(item.box).y }),
    );
    const home = findCell(grid, centre(item.box));
    if (cells.length <= 1 && home) home.items.push(item);
    else for (const piece of splitItem(item)) findCell(grid, centre(piece.box))?.items.push(piece);
  }
  return free;
}

function findCell(grid: Grid, point: { x: number; y: number }): GridCell | undefined {
  return grid.cells.find((cell) => inside(cell.box, point));
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

function overlapsX(a: Box, b: Box): boolean {
  return Math.min(a[2], b[2]) - Math.max(a[0], b[0]) > 1;
}
