import type { RowRecord, ValueSlot } from "./row-record.js";

/**
 * The values of a ruled row of a text layer or markup that has more cells than the table has columns, the extra
 * ones all empty and at its right: a row that lost leading cells and was padded back to the table's width. When
 * section 三 is split into two tables and the continuation's rows drop the merged group cells (三、本年度办理结果,
 * （三）不予公开 …) instead of keeping them empty, each row is its label and its seven values, shorter at the left;
 * a writer that wants rectangular tables (LibreOffice's Word export; Word's own "equal rows") then pads every
 * short row with empty cells at the right, and a PDF of such a table draws them. The row's values are then not
 * under the header's columns (neither the grid's indices nor the header words' places say where they are), but
 * they are its first `count` cells after the label: counted from the label, the padding dropped.
 *
 * Null for any other row: one with `count` cells or fewer, one whose cells past the first `count` print anything
 * (an extra column, a split cell — placed by the header as before), a free line, and an OCR row (a missed or
 * invented column rule also leaves empty cells; those rows are placed by the header and doubted).
 */
export function paddedRowValues(record: RowRecord, count: number): ValueSlot[] | null {
  const slots = record.slots;
  if (!record.ruled || slots.length <= count || record.labelBox === null) return null;
  if (slots.some((slot) => slot.ocr !== undefined)) return null;
  if (slots.slice(count).some((slot) => slot.raw.trim() !== "")) return null;
  return slots.slice(0, count);
}
