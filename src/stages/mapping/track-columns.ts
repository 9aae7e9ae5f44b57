import type { Anchor } from "./find-anchors.js";
import type { RowRecord, ValueSlot } from "./row-record.js";

/**
 * Where the columns of an unruled table read from a page image stand at a row's height, from the rows around it
 * that print every column. The header words place the columns at the top of the table; on a page photographed
 * at an angle, or on the next page of a table split over two, the columns stand elsewhere further down, and a
 * number near a column's edge crosses into its neighbour's. A row printing all `count` values shows each column's
 * place at its height: a row between two such rows takes their places interpolated, a row beyond them the
 * nearest's. Null for a row of a text layer, a ruled row, or when no row of its page prints every column
 * consistently with the header.
 *
 * A text-layer row is tracked too when it stands on another page than the header (`headerPage`): an unruled table
 * split over two tables is laid out afresh on the next page (LibreOffice sizes each table's columns by its own
 * content), its columns nowhere near the header's. There a row printing `count` values left to right shows the
 * columns, whatever their distance from the header words (a text layer's tokens are what was printed).
 */
export function trackColumns(
  record: RowRecord,
  rows: readonly RowRecord[],
  anchors: readonly Anchor[],
  headerPage: number | null = null,
): Anchor[] | null {
  if (record.ruled) return null;
  const ocr = record.slots.some((s) => s.ocr !== undefined);
  if (!ocr && (headerPage === null || record.page === headerPage)) return null;
  const count = anchors.length;
  const full = rows
    .filter((r) => r.page === record.page && !r.ruled && r !== record)
    .filter((r) => ocr || r.slots.every((s) => s.ocr === undefined))
    .map((r) => ({ y: middle(r.box[1], r.box[3]), centres: fullCentres(r.slots, anchors, ocr) }))
    .filter((r): r is { y: number; centres: number[] } => r.centres !== null)
    .sort((a, b) => a.y - b.y);
  if (full.length === 0) return null;
  const y = middle(record.box[1], record.box[3]);
  const above = full.filter((r) => r.y <= y).at(-1);
  const below = full.find((r) => r.y > y);
  const centres = Array.from({ length: count }, (_, i) => {
    if (above && below) {
      const t = (y - above.y) / (below.y - above.y);
      return (above.centres[i] as number) + t * ((below.centres[i] as number) - (above.centres[i] as number));
    }
    return ((above ?? below) as { centres: number[] }).centres[i] as number;
  });
  return centres.map((x, i) => ({
    x,
    left: i === 0 ? x - ((centres[1] ?? x + 20) - x) / 2 : middle(centres[i - 1] as number, x),
    right: i === count - 1 ? x + (x - (centres[i - 1] ?? x - 20)) / 2 : middle(x, centres[i + 1] as number),
  }));
}

/**
 * The centres of a row's printed values when it prints exactly one per column, left to right, and (for an OCR row,
 * whose tokens may be specks or split numbers) each as far from its header word as the others are (within half a
 * column's width: no column skipped or doubled): else null.
 */
function fullCentres(slots: readonly ValueSlot[], anchors: readonly Anchor[], ocr: boolean): number[] | null {
  const printed = slots.filter((s) => s.raw.trim() !== "");
  if (printed.length !== anchors.length || anchors.length < 2) return null;
  const centres = printed.map((s) => middle(s.box[0], s.box[2]));
  if (!ocr) return centres.every((x, i) => i === 0 || x > (centres[i - 1] as number)) ? centres : null;
  const offsets = centres.map((x, i) => x - (anchors[i] as Anchor).x);
  const width = ((anchors.at(-1) as Anchor).x - (anchors[0] as Anchor).x) / (anchors.length - 1);
  return Math.max(...offsets) - Math.min(...offsets) <= width / 2 ? centres : null;
}

function middle(a: number, b: number): number {
  return (a + b) / 2;
}
