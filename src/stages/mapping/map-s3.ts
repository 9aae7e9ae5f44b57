import { assignRows } from "./assign-rows.js";
import { completeAnchors, findAnchors } from "./find-anchors.js";
import { makeCell } from "./make-cell.js";
import { mergeSplitRows } from "./merge-split-rows.js";
import { mergeValueLines } from "./merge-value-lines.js";
import { detectAlignment, placeValues } from "./place-values.js";
import { isDataRow, type RowRecord } from "./row-record.js";
import { notFound, PLACED_BY_HEADER, rowConfidence, type TableContext } from "./table-context.js";

/** Section 三: 25 rows × 7 columns; rows by label, columns by ruled cell or header position. */
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
  // The table runs from its header to its last row with values; lines after it are running text.
  const last = records.findLastIndex(isDataRow);
  for (const record of records.slice(0, last + 1)) tableRecords.add(record);
  for (const a of assignRows(rows, template.s3Rows)) {
    const byPosition = a.record.ruled && a.record.slots.length === count;
    const placed = placeValues(a.record, count, byPosition ? null : anchors, alignment);
    const confidence = Math.min(rowConfidence(a), byPosition || !a.record.ruled ? 1 : PLACED_BY_HEADER);
    template.s3Columns.forEach((column, i) => {
      cells.set(`s3.${a.key}.${column.key}`, makeCell(placed[i] ?? null, confidence));
    });
  }
}
