import { describe, expect, it } from "vitest";
import type { TextItem } from "../../../src/model/page-content.js";
import { mapTables } from "../../../src/stages/mapping/map-tables.js";
import type { RowRecord } from "../../../src/stages/mapping/row-record.js";
import { v2021 } from "../../../src/templates/index.js";
import { textItem } from "./record-builder.js";

// An unruled section 三 split over two tables: the header and the first rows on page 1, the rest on page 2 laid out
// afresh (as LibreOffice sizes each table by its own content), its value columns narrower and further right than
// the header's. Rows printing every column show where the columns stand on page 2; the others print only some
// columns (their blanks unprinted). Before text rows on a continuation page were tracked, those were placed by the
// header's columns: values in the wrong columns.
const COLUMNS = v2021.s3Columns.map((c) => c.key);
const HEADER_X = (i: number) => 300 + 40 * i;
const PAGE2_X = (i: number) => 420 + 22 * i;
/** Template rows on page 1. */
const CUT = 10;

function line(page: number, y: number, label: string, values: readonly [number, string][], items: TextItem[] = []) {
  const slots = values.map(([x, raw]) => ({
    raw,
    box: [x - 5, y, x + 5, y + 10] as [number, number, number, number],
    page,
  }));
  const record: RowRecord = {
    page,
    box: [50, y, 600, y + 10],
    label,
    labelBox: label === "" ? null : [50, y, 200, y + 10],
    slots,
    ruled: false,
    gridId: -1,
    firstOfGrid: false,
    lastOfGrid: false,
    text: [label, ...values.map(([, raw]) => raw)].join(" "),
    items: items.length > 0 ? items : [textItem(label, 50, y, 200)],
  };
  return record;
}

/** Row i prints every column when i % 3 === 0, else only columns 0, 3 and 6 (the others blank). */
const prints = (i: number, c: number) => i % 3 === 0 || c % 3 === 0;
const value = (i: number, c: number) => String(i * 10 + c + 1);

function records(): RowRecord[] {
  const out: RowRecord[] = [line(1, 40, "三、收到和处理政府信息公开申请情况", [])];
  const words = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];
  out.push(line(1, 60, "申请人情况", [], [textItem("申请人情况", 380, 60, 430)]));
  out.push(
    line(
      1,
      80,
      "",
      [],
      words.map((w, i) => textItem(w, HEADER_X(i) - 15, 80, HEADER_X(i) + 15)),
    ),
  );
  v2021.s3Rows.forEach((def, i) => {
    const page = i < CUT ? 1 : 2;
    const y = page === 1 ? 100 + 20 * i : 40 + 20 * (i - CUT);
    const x = page === 1 ? HEADER_X : PAGE2_X;
    const values = COLUMNS.flatMap((_, c) => (prints(i, c) ? [[x(c), value(i, c)] as [number, string]] : []));
    out.push(line(page, y, def.label, values));
  });
  out.push(line(2, 400, "四、政府信息公开行政复议、行政诉讼情况", []));
  return out;
}

describe("an unruled section 三 continued on a page of its own columns", () => {
  it("places the continuation's rows by the columns its full rows print, not by the header's", () => {
    const { cells } = mapTables(records(), v2021);
    const wrong = v2021.s3Rows.flatMap((def, i) =>
      COLUMNS.flatMap((column, c) => {
        const expected = prints(i, c) ? Number(value(i, c)) : 0;
        const got = cells.get(`s3.${def.key}.${column}`)?.value ?? null;
        return got === expected ? [] : [`${def.key}.${column}: ${got} ≠ ${expected}`];
      }),
    );
    expect(wrong).toEqual([]);
  });

  it("doubts a ragged continuation row that prints a value outside its page's columns (its blanks unknown)", () => {
    const all = records();
    // 8.属于行政查询事项 (a row printing only columns 0, 3, 6) shifted left by a dropped cell: its first value
    // under the label column, far left of the page's columns.
    const index = all.findIndex((r) => r.label === "8.属于行政查询事项");
    const row = all[index] as RowRecord;
    const moved = row.slots.map((slot, i) =>
      i === 0 ? { ...slot, box: [300, slot.box[1], 310, slot.box[3]] as typeof slot.box } : slot,
    );
    all[index] = { ...row, slots: moved };
    const { cells } = mapTables(all, v2021);
    const confidences = COLUMNS.map((column) => cells.get(`s3.deny_admin_query.${column}`)?.confidence ?? 0);
    expect(Math.max(...confidences)).toBeLessThan(0.9);
    // Its neighbours stay sure.
    expect(cells.get("s3.deny_enforcement_file.natural")?.confidence).toBe(1);
  });
});
