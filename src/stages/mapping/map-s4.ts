import { completeAnchors, findAnchors } from "./find-anchors.js";
import { makeCell } from "./make-cell.js";
import { detectAlignment, placeValues } from "./place-values.js";
import { isDataRow, type RowRecord } from "./row-record.js";
import { notFound, PLACED_BY_HEADER, type TableContext } from "./table-context.js";

const HEADER = /结果维持|尚未审结|行政复议\s*行政诉讼|复议后起诉|未经复议/;

/** Section 四: the first row with values after the header, 15 numbers by position or header column. */
export function mapSection4(records: readonly RowRecord[], context: TableContext): void {
  const { template, cells, tableRecords } = context;
  const headerAt = records.findIndex((r) => r.ruled || HEADER.test(r.text.replace(/\s+/g, " ")));
  const count = template.s4Groups.reduce((n, g) => n + g.fields.length, 0);
  // After a recognised header any row with values is the data row (an all-zero 四 may print one value);
  // without one, only a row with most of its values counts.
  const dataRow =
    headerAt >= 0
      ? records.slice(headerAt + 1).find(isDataRow)
      : records.find((r) => isDataRow(r) && r.slots.length >= Math.ceil(count / 3));
  if (!dataRow) {
    context.issues.push(notFound("s4", "the section 四 row (行政复议/行政诉讼)"));
    return;
  }
  const dataAt = records.indexOf(dataRow);
  // Running text between the 四 heading and the table (行政复议 N 件…) stays narrative.
  for (const record of records.slice(Math.max(0, headerAt), dataAt + 1)) tableRecords.add(record);
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
