import type { Box } from "../../model/geometry.js";
import type { GridCell, LayoutBlock } from "../../model/layout.js";
import type { TextItem } from "../../model/page-content.js";
import { type DocBlock, expandGrid } from "./doc-blocks.js";

/**
 * Synthetic geometry for a document without pages, so the mapping stage reads its tables and paragraphs
 * exactly as it reads a PDF's (shared row and column matching): everything on "page" 1, each table a grid
 * of equal slots, each paragraph a line, stacked top to bottom. These coordinates never reach the output:
 * `locate` turns a box back into the locator of the part it came from.
 */
export interface MarkupLayout {
  readonly blocks: LayoutBlock[];
  /** The locator of the part holding a box's centre (the innermost one), or null. */
  readonly locate: (box: Box) => string | null;
}

const SLOT_WIDTH = 80;
const LINE_HEIGHT = 14;
const ROW_GAP = 4;
const CHAR_WIDTH = 10;
const FONT_SIZE = 10;

/** `page`: the page number the synthetic geometry is on (a web page read with pictures of tables has several). */
export function toLayout(docBlocks: readonly DocBlock[], page = 1): MarkupLayout {
  const blocks: LayoutBlock[] = [];
  const regions: { box: Box; locator: string }[] = [];
  let y = 0;
  for (const block of docBlocks) {
    // A picture has no text in the markup (read by OCR as a page of its own, if at all).
    if (block.kind === "image") continue;
    if (block.kind === "paragraph") {
      const box: Box = [0, y, Math.max(1, [...block.text].length) * CHAR_WIDTH, y + LINE_HEIGHT];
      const item: TextItem = { text: block.text, box, fontSize: FONT_SIZE, fontName: "markup" };
      blocks.push({ kind: "line", line: { page, box, items: [item], text: block.text } });
      regions.push({ box, locator: block.locator });
      y += LINE_HEIGHT + ROW_GAP;
      continue;
    }
    const { cells, rowCount, colCount } = expandGrid(block.rows);
    if (rowCount === 0 || colCount === 0) continue;
    // Each grid row is as tall as its tallest single-row cell's lines.
    const heights = Array.from({ length: rowCount }, () => 1);
    for (const { row, cell } of cells) {
      if (cell.rowSpan === 1) heights[row] = Math.max(heights[row] ?? 1, cell.lines.length);
    }
    const ys = [y];
    for (const h of heights) ys.push((ys.at(-1) ?? y) + h * LINE_HEIGHT + ROW_GAP);
    const xs = Array.from({ length: colCount + 1 }, (_, i) => i * SLOT_WIDTH);
    const gridCells: GridCell[] = cells.map(({ row, col, cell }) => {
      const box: Box = [
        xs[col] as number,
        ys[row] as number,
        xs[col + cell.colSpan] as number,
        ys[row + cell.rowSpan] as number,
      ];
      regions.push({ box, locator: cell.locator });
      const items: TextItem[] = cell.lines.map((text, i) => ({
        text,
        box: [
          box[0] + 2,
          box[1] + 2 + i * LINE_HEIGHT,
          Math.min(box[2] - 2, box[0] + 2 + [...text].length * CHAR_WIDTH),
          box[1] + 2 + (i + 1) * LINE_HEIGHT - 2,
        ],
        fontSize: FONT_SIZE,
        fontName: "markup",
      }));
      return { row, col, rowSpan: cell.rowSpan, colSpan: cell.colSpan, box, items };
    });
    const bottom = ys.at(-1) ?? y;
    blocks.push({
      kind: "grid",
      grid: { page, box: [0, y, xs.at(-1) ?? 0, bottom], ys, xs, cells: gridCells },
    });
    y = bottom + ROW_GAP;
  }
  const locate = (box: Box): string | null => {
    const cx = (box[0] + box[2]) / 2;
    const cy = (box[1] + box[3]) / 2;
    let best: { area: number; locator: string } | null = null;
    for (const r of regions) {
      if (cx < r.box[0] || cx > r.box[2] || cy < r.box[1] || cy > r.box[3]) continue;
      const area = (r.box[2] - r.box[0]) * (r.box[3] - r.box[1]);
      if (!best || area < best.area) best = { area, locator: r.locator };
    }
    return best?.locator ?? null;
  };
  return { blocks, locate };
}
