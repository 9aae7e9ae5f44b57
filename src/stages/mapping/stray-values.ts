import type { Cell } from "../../model/cell.js";
import { UNCERTAIN_BELOW } from "../../model/cell.js";
import type { Box } from "../../model/geometry.js";
import { parseNumber } from "./normalize.js";
import type { RowRecord } from "./row-record.js";

/**
 * The most an empty place of a page image's table is trusted when a number read surely beside it went into no
 * cell: the number may be its own, carried off with a line the rows were not told apart by (a wrapped label's
 * second line claiming the row, seal marks joining lines).
 */
export const STRAY_BESIDE = 0.5;

/**
 * Empty OCR cells with a surely read number of the table near them that no cell holds — in the cell's column,
 * or a row's height beside it, within a row's height above or below (a right-aligned number ends past its header
 * word) — kept below the flagging threshold. A page reader that read every mark
 * has no sure blank where a number it read went astray.
 */
export function doubtBesideStrays(cells: Map<string, Cell>, tableRecords: ReadonlySet<RowRecord>): void {
  const placed = [...cells.values()].filter((c) => c.bbox !== null && c.raw !== null && c.raw !== "");
  const strays: { page: number; box: Box }[] = [];
  for (const record of tableRecords) {
    for (const slot of record.slots) {
      if (slot.ocr === undefined || slot.ocr < UNCERTAIN_BELOW || !/\d/.test(slot.raw)) continue;
      if (parseNumber(slot.raw) === null) continue;
      const [cx, cy] = centre(slot.box);
      const held = placed.some((c) => c.page === slot.page && inside(cx, cy, c.bbox as Box));
      if (!held) strays.push({ page: slot.page, box: slot.box });
    }
  }
  if (strays.length === 0) return;
  for (const [path, cell] of cells) {
    if (cell.source !== "ocr" || cell.raw !== "" || cell.bbox === null || cell.confidence < UNCERTAIN_BELOW) continue;
    const [x0, y0, x1, y1] = cell.bbox;
    const h = y1 - y0;
    const near = strays.some(({ page, box }) => {
      const [cx, cy] = centre(box);
      return page === cell.page && cx >= x0 - h && cx <= x1 + h && cy >= y0 - h && cy <= y1 + h;
    });
    if (near) cells.set(path, { ...cell, confidence: Math.min(cell.confidence, STRAY_BESIDE) });
  }
}

function centre(box: Box): [number, number] {
  return [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
}

function inside(x: number, y: number, box: Box): boolean {
  return x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3];
}
