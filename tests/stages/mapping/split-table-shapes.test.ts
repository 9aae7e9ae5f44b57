import { describe, expect, it } from "vitest";
import { buildRecords } from "../../../src/stages/mapping/build-records.js";
import { mapTables } from "../../../src/stages/mapping/map-tables.js";
import type { DocBlock, DocCell } from "../../../src/stages/markup/doc-blocks.js";
import { docxBlocks } from "../../../src/stages/markup/docx-blocks.js";
import { toLayout } from "../../../src/stages/markup/to-layout.js";
import { v2021 } from "../../../src/templates/index.js";

// Section 三 split into two tables after its 10th body row (inside （三）不予公开), the continuation written in the
// shapes Word's Split Table, copy-paste and converters leave: every cell must land in its own column.
// (The padded shapes were read with values in the wrong columns while padded rows were placed by the header.)

/** The group of each result row (its merged label cell), by the row's index in the template. */
const GROUPS: readonly [string, number, number][] = [
  ["（三）不予公开", 4, 12],
  ["（四）无法提供", 12, 15],
  ["（五）不予处理", 15, 20],
  ["（六）其他处理", 20, 23],
];
const COLUMNS = v2021.s3Columns.map((c) => c.key);
/** Body rows (template rows) in the first table. */
const CUT = 10;

/** A distinct count per cell (so a shifted value shows), blank ("") in a few trailing columns. */
function printed(row: number, column: number): string {
  if (row % 4 === 3 && column >= 5) return "";
  return String(row * 10 + column + 1);
}

type CellSpec = readonly [string, { rowSpan?: number; colSpan?: number }?];
const cell = (text: string, spans: { rowSpan?: number; colSpan?: number } = {}, at = ""): DocCell => ({
  lines: text === "" ? [] : [text],
  rowSpan: spans.rowSpan ?? 1,
  colSpan: spans.colSpan ?? 1,
  locator: at,
});

type Group = (typeof GROUPS)[number];
/** How a continuation row (template row `i`) writes its label cells, given its group (if any). */
type Continuation = (label: string, group: Group | undefined, i: number) => CellSpec[];
/** Cells added after the seven values of a continuation row of `width` cells so far. */
type Padding = (width: number) => CellSpec[];

const TABLE_WIDTH = 10;

function s3Blocks(continuation: Continuation, padding: Padding = () => []): DocBlock[] {
  const defs = v2021.s3Rows;
  const values = (i: number): CellSpec[] => COLUMNS.map((_, c) => [printed(i, c)]);
  const header: CellSpec[][] = [
    [
      ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", { rowSpan: 3, colSpan: 3 }],
      ["申请人情况", { colSpan: 7 }],
    ],
    [
      ["自然人", { rowSpan: 2 }],
      ["法人或其他组织", { colSpan: 5 }],
      ["总计", { rowSpan: 2 }],
    ],
    [["商业企业"], ["科研机构"], ["社会公益组织"], ["法律服务机构"], ["其他"]],
  ];
  const first: CellSpec[][] = [...header];
  const second: CellSpec[][] = [];
  defs.forEach((def, i) => {
    const group = GROUPS.find(([, from, to]) => i >= from && i < to);
    let labels: CellSpec[];
    if (i < 2 || i >= 23) labels = [[def.label, { colSpan: i === 23 ? 2 : 3 }]];
    else if (i < CUT) {
      labels = [];
      if (i === 2) labels.push(["三、本年度办理结果", { rowSpan: CUT - 2 }]);
      if (!group) labels.push([def.label, { colSpan: 2 }]);
      else {
        if (i === group[1]) labels.push([group[0], { rowSpan: Math.min(group[2], CUT) - i }]);
        labels.push([def.label]);
      }
    } else labels = continuation(def.label, group, i);
    const row = [...labels, ...values(i)];
    if (i < CUT) first.push(row);
    else second.push([...row, ...padding(row.reduce((n, [, s]) => n + (s?.colSpan ?? 1), 0))]);
  });
  const table = (rows: CellSpec[][], n: number): DocBlock => ({
    kind: "table",
    locator: `table[${n}]`,
    rows: rows.map((r, y) => r.map(([text, spans], x) => cell(text, spans, `table[${n}]/tr[${y + 1}]/td[${x + 1}]`))),
  });
  const p = (text: string, n: number): DocBlock => ({ kind: "paragraph", text, locator: `p[${n}]` });
  return [
    p("三、收到和处理政府信息公开申请情况", 1),
    table(first, 1),
    p("- 3 -", 2),
    table(second, 2),
    p("四、政府信息公开行政复议、行政诉讼情况", 3),
  ];
}

function mapped(blocks: readonly DocBlock[]): Record<string, number | null> {
  const { cells } = mapTables(buildRecords([toLayout(blocks).blocks]), v2021);
  const out: Record<string, number | null> = {};
  for (const def of v2021.s3Rows)
    for (const column of COLUMNS) out[`${def.key}.${column}`] = cells.get(`s3.${def.key}.${column}`)?.value ?? null;
  return out;
}

const expected: Record<string, number> = {};
for (const [i, def] of v2021.s3Rows.entries())
  for (const [c, column] of COLUMNS.entries()) expected[`${def.key}.${column}`] = Number(printed(i, c));

/** Without the group cells: the first row of a group prints the group, the others only their own label. */
const dropped: Continuation = (label, group, i) => (group?.[1] === i ? [[group[0]], [label]] : [[label]]);
/** Padded at the right back to the table's width, as LibreOffice's Word export writes short rows. */
const padded: Padding = (width) => Array.from({ length: TABLE_WIDTH - width }, () => [""] as CellSpec);

describe("section 三 split in two tables: the continuation's shapes", () => {
  it.each<[string, Continuation, Padding?]>([
    ["group cells dropped, short rows padded with empty cells at the right", dropped, padded],
    ["group cells dropped, rows left short (ragged)", dropped],
    // Word's Split Table: the merged cells start again, empty, in the continuation's first row.
    [
      "group cells kept empty as new merged cells",
      (label, group, i) => {
        if (i >= 23) return [[label, { colSpan: i === 23 ? 2 : 3 }]];
        const cells: CellSpec[] = i === CUT ? [["", { rowSpan: 23 - i }]] : [];
        if (group && (group[1] === i || i === CUT))
          cells.push([group[1] === i ? group[0] : "", { rowSpan: group[2] - i }]);
        cells.push([label, group ? {} : { colSpan: 2 }]);
        return cells;
      },
    ],
    // An orphaned vMerge continuation or a copy-paste: an empty cell in place of each group cell on every row.
    [
      "an empty cell for each group cell on every row",
      (label, group, i) => (i >= 23 ? [[label, { colSpan: 3 }]] : [[""], [group?.[1] === i ? group[0] : ""], [label]]),
    ],
    // The label cell widened (gridSpan / colspan) over the columns the group cells left.
    [
      "the label cell spanning the dropped group columns",
      (label, group, i) => (group?.[1] === i ? [[""], [group[0]], [label]] : [[label, { colSpan: 3 }]]),
    ],
    // Padding and a dropped group: the widened label's row is then as wide as the table, the others padded.
    [
      "group cells dropped, label widened on some rows, padded",
      (label, group, i) => (i % 2 === 0 ? dropped(label, group, i) : [[label, { colSpan: 2 }]]),
      padded,
    ],
  ])("%s", (_name, continuation, padding) => {
    expect(mapped(s3Blocks(continuation, padding))).toEqual(expected);
  });

  it("reads a .docx continuation whose rows are padded with empty w:tc cells and start with w:gridBefore", () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const p = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const tc = (text: string, props = "") => `<w:tc><w:tcPr>${props}</w:tcPr>${p(text)}</w:tc>`;
    const tr = (cells: string, rowProps = "") => `<w:tr><w:trPr>${rowProps}</w:trPr>${cells}</w:tr>`;
    const blocks = s3Blocks(dropped, padded);
    const [heading, first, , , end] = blocks;
    if (first?.kind !== "table" || heading?.kind !== "paragraph" || end?.kind !== "paragraph")
      throw new Error("Expected the split table's blocks");
    const span = (c: DocCell, at: "restart" | "continue" | null) =>
      `${c.colSpan > 1 ? `<w:gridSpan w:val="${c.colSpan}"/>` : ""}${at ? `<w:vMerge w:val="${at}"/>` : ""}`;
    // The first table as Word writes it: a rowspan is a vMerge run (restart, then continue cells).
    const open = new Map<number, number>();
    const firstXml = first.rows.map((row, y) => {
      let col = 0;
      const cells: string[] = [];
      const next = [...row];
      while (next.length > 0 || (open.get(col) ?? 0) > y) {
        if ((open.get(col) ?? 0) > y) {
          cells.push(tc("", '<w:vMerge w:val="continue"/>'));
          col += 1;
          continue;
        }
        const c = next.shift() as DocCell;
        if (c.rowSpan > 1) for (let k = 0; k < c.colSpan; k++) open.set(col + k, y + c.rowSpan);
        cells.push(tc(c.lines.join(""), span(c, c.rowSpan > 1 ? "restart" : null)));
        col += c.colSpan;
      }
      return tr(cells.join(""));
    });
    // The continuation: each row its label and values; the group cells' grid columns skipped with w:gridBefore on
    // the rows that lost both, and the short rows padded with empty cells at the right.
    const defs = v2021.s3Rows;
    const secondXml = defs.slice(CUT).map((def, k) => {
      const i = CUT + k;
      const values = COLUMNS.map((_, c) => tc(printed(i, c))).join("");
      if (i >= 23) return tr(tc(def.label, `<w:gridSpan w:val="${i === 23 ? 2 : 3}"/>`) + values);
      const group = GROUPS.find(([, from, to]) => i >= from && i < to);
      if (group?.[1] === i) return tr(tc(group[0]) + tc(def.label) + values, '<w:gridBefore w:val="1"/>');
      return tr(tc(def.label) + values + tc("") + tc(""));
    });
    const xml = `<w:document ${W}><w:body>${p(heading.text)}<w:tbl>${firstXml.join("")}</w:tbl>${p("- 3 -")}<w:tbl>${secondXml.join("")}</w:tbl>${p(end.text)}</w:body></w:document>`;
    expect(mapped(docxBlocks(xml))).toEqual(expected);
  });
});
