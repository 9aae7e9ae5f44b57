import { completeAnchors, findAnchors } from "./find-anchors.js";
import { makeCell } from "./make-cell.js";
import { detectAlignment, placeValues } from "./place-values.js";
import { isDataRow, type RowRecord } from "./row-record.js";
import { notFound, PLACED_BY_HEADER, type TableContext } from "./table-context.js";

const LITIGATION_HEADER = /行政诉讼|起诉/;
const HEADER = /结果维持|尚未审结|行政复议\s*行政诉讼|复议后起诉|未经复议/;
/**
 * Words of the header's lower lines: a ruled row holding them is the header broken over a page ("结果" at the foot
 * of one page, "维持 纠正 结果 审结" at the top of the next), never the data row.
 */
const HEADER_WORDS = /维持|纠正|审结/;

/** Section 四: the first row with values after the header, 15 numbers by position or header column. */
export function mapSection4(records: readonly RowRecord[], context: TableContext): void {
  const { template, cells, tableRecords } = context;
  const headerAt = records.findIndex((r) => r.ruled || HEADER.test(r.text.replace(/\s+/g, " ")));
  const count = template.s4Groups.reduce((n, g) => n + g.fields.length, 0);
  // After a recognised header any row with values is the data row (an all-zero 四 may print one value);
  // without one, only a row with most of its values counts.
  const firstRow =
    headerAt >= 0
      ? records.slice(headerAt + 1).find((r) => isDataRow(r) && !HEADER_WORDS.test(r.text))
      : records.find((r) => isDataRow(r) && r.slots.length >= Math.ceil(count / 3));
  if (!firstRow) {
    context.issues.push(notFound("s4", "the section 四 row (行政复议/行政诉讼)"));
    return;
  }
  const groupSize = template.s4Groups[0]?.fields.length ?? count;
  const parts = splitTableRows(records, firstRow, count, groupSize);
  const dataRow: RowRecord = parts.length > 1 ? { ...firstRow, slots: parts.flatMap((r) => r.slots) } : firstRow;
  const lastPart = parts.at(-1) ?? firstRow;
  for (const part of parts.slice(1)) tableRecords.add(part);
  const dataAt = records.indexOf(firstRow);
  // Running text between the 四 heading and the table (行政复议 N 件…) stays narrative.
  for (const record of records.slice(Math.max(0, headerAt), records.indexOf(lastPart) + 1)) tableRecords.add(record);
  // Header words break over lines ("结果/维持", "总/计"): shorter spellings are the fallbacks.
  const words = template.s4Groups.flatMap((g) =>
    g.fields.map((f) => [f.label, f.label.slice(0, 2), `=${f.label.slice(0, 1)}`]),
  );
  const anchors = completeAnchors(
    findAnchors(
      records.slice(0, dataAt).flatMap((r) => r.items),
      words,
    ),
    dataRow.slots.filter((s) => s.raw.trim() !== ""),
  );
  const byPosition =
    dataRow.slots.length === count && (dataRow.ruled || dataRow.slots.every((s) => s.raw.trim() !== ""));
  const alignment = detectAlignment([dataRow]) ?? context.alignment;
  const placed = placeValues(dataRow, count, byPosition ? null : anchors, alignment);
  const confidence = byPosition || !dataRow.ruled ? 1 : PLACED_BY_HEADER;
  let i = 0;
  for (const group of template.s4Groups) {
    for (const field of group.fields)
      cells.set(`s4.${group.key}.${field.key}`, makeCell(placed[i++] ?? null, confidence));
  }
}

/**
 * 四 printed as separate ruled tables (行政复议 with its 5 numbers, then 行政诉讼 with 10): the data rows of
 * the following tables (or of the same grid, when the tables touch), each under its own 行政诉讼 header and a
 * whole number of groups, until the 15 numbers are complete. Just the first row
 * when it already holds them (or when the tables are not ruled: an unruled row may omit blanks).
 */
function splitTableRows(
  records: readonly RowRecord[],
  first: RowRecord,
  count: number,
  groupSize: number,
): RowRecord[] {
  if (!first.ruled || first.slots.length >= count || first.slots.length % groupSize !== 0) return [first];
  const parts = [first];
  let have = first.slots.length;
  let headed = false;
  for (const record of records.slice(records.indexOf(first) + 1)) {
    if (have >= count) break;
    if (!isDataRow(record)) {
      headed ||= LITIGATION_HEADER.test(record.text);
      continue;
    }
    if (!record.ruled || !headed || record.slots.length % groupSize !== 0) break;
    headed = false;
    if (have + record.slots.length > count) break;
    parts.push(record);
    have += record.slots.length;
  }
  return have === count ? parts : [first];
}
