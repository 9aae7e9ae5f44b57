import type { Cell } from "../../model/cell.js";
import type { Issue } from "../../model/issue.js";
import type { TemplateDef } from "../../templates/index.js";
import { assignRows, type RowAssignment } from "./assign-rows.js";
import { findSections } from "./find-sections.js";
import { MISSING_CELL, makeCell } from "./make-cell.js";
import { mergeSplitRows } from "./merge-split-rows.js";
import { normalizeLabel } from "./normalize.js";
import { alignAnchors, findAnchors, placeValues } from "./place-values.js";
import { isDataRow, type RowRecord } from "./row-record.js";

export interface MappedTables {
  readonly cells: Map<string, Cell>;
  readonly issues: Issue[];
  /** Records that belong to a table (excluded from the narrative). */
  readonly tableRecords: Set<RowRecord>;
}

const MAX_S2_LABEL = 16;
const CONFIDENCE: Record<RowAssignment["by"], number> = { label: 1, neighbour: 1, sequence: 0.9, blank_row: 0.9 };

/** Maps the records of the three tables onto the template's cells (SPEC §2). */
export function mapTables(records: readonly RowRecord[], template: TemplateDef): MappedTables {
  const cells = new Map<string, Cell>();
  const issues: Issue[] = [];
  const tableRecords = new Set<RowRecord>();
  const spans = findSections(records);
  const slice = (span: readonly [number, number]) => (span[0] < 0 ? [] : records.slice(span[0], span[1]));

  // Section 二: six items, by label; the three document counts by header anchors when unruled.
  // A free line with a long label is running text that happens to end in a number, not a table row.
  const s2 = slice(spans.s2).filter((r) => r.ruled || !isDataRow(r) || normalizeLabel(r.label).length <= MAX_S2_LABEL);
  const docRows = s2.filter((r) => isDataRow(r) && /规章|规范性文件/.test(r.label));
  const docHeader = findAnchors(
    s2.flatMap((r) => r.items),
    [["制发"], ["废止"], ["有效"]],
  );
  const docAnchors = alignAnchors(docHeader, docRows, 3);
  for (const a of assignRows(s2, template.s2Items)) {
    tableRecords.add(a.record);
    const item = template.s2Items.find((it) => it.key === a.key);
    if (!item) continue;
    const anchors = item.fields.length === 3 ? docAnchors : null;
    const placed = placeValues(a.record, item.fields.length, anchors);
    item.fields.forEach((field, i) => {
      cells.set(`s2.${item.key}.${field.key}`, makeCell(placed[i] ?? null, CONFIDENCE[a.by]));
    });
  }
  if (s2.length === 0) issues.push(notFound("s2", "第二十条 tables (section 二)"));

  // Section 三: 25 rows × 7 columns.
  const s3 = mergeSplitRows(slice(spans.s3), template.s3Rows);
  const firstData = s3.findIndex(isDataRow);
  const header = firstData < 0 ? s3 : s3.slice(0, firstData);
  // Header words break inside cells ("法律服/务机构"): the first two characters are the last resort.
  const s3Words = template.s3Columns.map((c) =>
    c.aliases.map((a) => (a === "其他" ? "=其他" : a)).concat(c.label === "其他" ? [] : [c.label.slice(0, 2)]),
  );
  const s3Header = findAnchors(
    header.flatMap((r) => r.items),
    s3Words,
  );
  const s3Anchors = alignAnchors(s3Header, s3.filter(isDataRow), template.s3Columns.length);
  // The table runs from its header to its last row with values; lines after it are running text.
  const s3Original = slice(spans.s3);
  const s3Last = s3Original.findLastIndex(isDataRow);
  for (const record of s3Original.slice(0, s3Last + 1)) tableRecords.add(record);
  for (const a of assignRows(s3, template.s3Rows)) {
    const placed = placeValues(
      a.record,
      template.s3Columns.length,
      a.record.ruled && a.record.slots.length === 7 ? null : s3Anchors,
    );
    template.s3Columns.forEach((column, i) => {
      cells.set(`s3.${a.key}.${column.key}`, makeCell(placed[i] ?? null, CONFIDENCE[a.by]));
    });
  }
  if (s3.length === 0) issues.push(notFound("s3", "the section 三 table (申请人情况)"));

  // Section 四: the first row with values after the header, 15 numbers by position.
  const s4 = slice(spans.s4);
  const dataRow = s4.find((r) => isDataRow(r) && r.slots.length >= 5);
  // Running text between the 四 heading and the table (行政复议 N 件…) stays narrative.
  const s4Header = s4.findIndex(
    (r) => r.ruled || /结果维持|尚未审结|行政复议\s*行政诉讼/.test(r.text.replace(/\s+/g, " ")),
  );
  if (dataRow && s4Header >= 0)
    for (const record of s4.slice(s4Header, s4.indexOf(dataRow) + 1)) tableRecords.add(record);
  if (dataRow) {
    const headerItems = s4.slice(0, s4.indexOf(dataRow)).flatMap((r) => r.items);
    // Header words break over two lines ("结果/维持"): the first two characters are the fallback spelling.
    const words = template.s4Groups.flatMap((g) => g.fields.map((f) => [f.label, f.label.slice(0, 2)]));
    const anchors = findAnchors(headerItems, words);
    const placed = placeValues(
      dataRow,
      words.length,
      dataRow.ruled && dataRow.slots.length === words.length ? null : anchors,
    );
    let i = 0;
    for (const group of template.s4Groups) {
      for (const field of group.fields) cells.set(`s4.${group.key}.${field.key}`, makeCell(placed[i++] ?? null, 1));
    }
  } else issues.push(notFound("s4", "the section 四 row (行政复议/行政诉讼)"));

  fillMissing(cells, template);
  return { cells, issues, tableRecords };
}

function fillMissing(cells: Map<string, Cell>, template: TemplateDef): void {
  const put = (path: string) => {
    if (!cells.has(path)) cells.set(path, MISSING_CELL);
  };
  for (const item of template.s2Items) for (const f of item.fields) put(`s2.${item.key}.${f.key}`);
  for (const row of template.s3Rows) for (const c of template.s3Columns) put(`s3.${row.key}.${c.key}`);
  for (const group of template.s4Groups) for (const f of group.fields) put(`s4.${group.key}.${f.key}`);
}

function notFound(section: string, what: string): Issue {
  return {
    code: "table.not_found",
    severity: "warning",
    stage: "mapping",
    message: `${section}: could not locate ${what}`,
  };
}
