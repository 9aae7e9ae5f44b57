import { assignRows } from "./assign-rows.js";
import { type Anchor, completeAnchors, findAnchors } from "./find-anchors.js";
import { makeCell } from "./make-cell.js";
import { mergeSplitRows } from "./merge-split-rows.js";
import { mergeValueLines } from "./merge-value-lines.js";
import { paddedRowValues } from "./padded-row.js";
import { type Alignment, detectAlignment, placeValues } from "./place-values.js";
import { isDataRow, type RowRecord, type ValueSlot } from "./row-record.js";
import { notFound, PLACED_BY_HEADER, rowConfidence, type TableContext } from "./table-context.js";
import { trackColumns } from "./track-columns.js";

/**
 * Section 三: 25 rows × 7 columns; rows by label, columns by ruled cell (a padded row's by counting from its
 * label) or header position.
 */
export function mapSection3(records: readonly RowRecord[], context: TableContext): void {
  const { template, cells, tableRecords } = context;
  // Lines of section 三 without a single value (its table is a picture, or left out) are no table: a sentence
  // such as "结转下年度继续办理0件" must not become a row of blank cells.
  if (!records.some(isDataRow)) {
    context.issues.push(notFound("s3", "the section 三 table (申请人情况)"));
    return;
  }
  const rows = mergeValueLines(mergeSplitRows(records, template.s3Rows), template.s3Rows);
  const count = template.s3Columns.length;
  // The header ends at the first row that prints a value (a ruled header row may have empty cells).
  const firstValues = rows.findIndex((r) => r.slots.some((s) => s.raw.trim() !== ""));
  const header = firstValues < 0 ? rows : rows.slice(0, firstValues);
  const dataRows = rows.filter(isDataRow);
  // Header words break inside cells ("法律服/务机构", "其/他"): shorter spellings are the fallbacks.
  const words = template.s3Columns.map((c) => [
    ...c.aliases.map((a) => (a === "其他" ? "=其他" : a)),
    ...(c.label === "其他" ? [] : [c.label.slice(0, 2)]),
    ...c.aliases.map((a) => `=${a.slice(0, 1)}`),
  ]);
  const anchors = completeAnchors(
    findAnchors(
      header.flatMap((r) => r.items),
      words,
    ),
    dataRows.flatMap((r) => r.slots.filter((s) => s.raw.trim() !== "")),
  );
  const alignment = detectAlignment(dataRows) ?? context.alignment;
  const headerPage = header[0]?.page ?? null;
  // The table runs from its header to its last row with values; lines after it are running text.
  const last = records.findLastIndex(isDataRow);
  for (const record of records.slice(0, last + 1)) tableRecords.add(record);
  for (const a of assignRows(rows, template.s3Rows)) {
    // A padded row (a split table's continuation that lost its group cells) is placed by counting from its label.
    const padded = paddedRowValues(a.record, count);
    const byPosition = a.record.ruled && (a.record.slots.length === count || padded !== null);
    const row = padded
      ? { slots: padded, sure: 1 }
      : placeRow(a.record, count, byPosition ? null : anchors, alignment, dataRows, headerPage);
    const placed = row.slots;
    const confidence = Math.min(rowConfidence(a), byPosition || !a.record.ruled ? 1 : PLACED_BY_HEADER, row.sure);
    template.s3Columns.forEach((column, i) => {
      cells.set(`s3.${a.key}.${column.key}`, makeCell(placed[i] ?? null, confidence));
    });
  }
}

/** The most a value of an OCR row is trusted when the header and the rows around it put it in different columns. */
const COLUMNS_DISAGREE = 0.8;
/**
 * The most a text row of a continuation page is trusted when it prints a value more than a column's width outside
 * the columns its page's full rows show: a ragged row (one that lost cells), whose unprinted blanks leave its
 * columns unknown.
 */
const OUTSIDE_COLUMNS = 0.6;

/**
 * A row's values in columns (and how far its placing can be trusted): by position or the header words; an
 * unruled row of a page image, or of a text layer on a continuation page, also by where the rows around it print
 * their columns (`trackColumns`). Where the two disagree the columns around it win — they stand at the row's own
 * height — and every value of an OCR row is kept below the flagging threshold.
 */
function placeRow(
  record: RowRecord,
  count: number,
  anchors: readonly Anchor[] | null,
  alignment: Alignment,
  rows: readonly RowRecord[],
  headerPage: number | null,
): { slots: (ValueSlot | null)[]; sure: number } {
  const ocrRow = record.slots.some((s) => s.ocr !== undefined);
  // A text row of a continuation page that prints every column: its tokens are its columns, left to right.
  const printed = record.slots.filter((s) => s.raw.trim() !== "");
  if (!record.ruled && !ocrRow && headerPage !== null && record.page !== headerPage && printed.length === count)
    return { slots: printed, sure: 1 };
  const placed = placeValues(record, count, anchors, alignment);
  const tracked = anchors ? trackColumns(record, rows, anchors, headerPage) : null;
  if (!tracked) return { slots: placed, sure: 1 };
  const local = placeValues(record, count, tracked, "centre");
  const first = tracked[0] as Anchor;
  const last = tracked.at(-1) as Anchor;
  const spacing = (last.x - first.x) / Math.max(1, count - 1);
  const outside = printed.some((s) => {
    const x = (s.box[0] + s.box[2]) / 2;
    return x < first.x - spacing || x > last.x + spacing;
  });
  if (!ocrRow && outside) return { slots: local, sure: OUTSIDE_COLUMNS };
  if (local.every((slot, i) => (slot?.raw ?? null) === (placed[i]?.raw ?? null))) return { slots: placed, sure: 1 };
  // A text row's tokens are what was printed: the columns of its own page's full rows place them.
  if (!ocrRow) return { slots: local, sure: 1 };
  const doubted = local.map((slot) => (slot ? { ...slot, ocr: Math.min(slot.ocr ?? 1, COLUMNS_DISAGREE) } : slot));
  return { slots: doubted, sure: 1 };
}
