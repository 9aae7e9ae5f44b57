import { describe, expect, it } from "vitest";
import { assignRows, type RowAssignment } from "../../../src/stages/mapping/assign-rows.js";
import type { RowRecord } from "../../../src/stages/mapping/row-record.js";
import { s2Items } from "../../../src/templates/v2021/s2-items.js";
import { s3Rows } from "../../../src/templates/v2021/s3-rows.js";
import { lineRecord, ruledRecord, sevenValues, textItem } from "./record-builder.js";

const BLANKS = ["", "", "", "", "", "", ""];

/** Assignments as "key:by:index of the record", in key order of the template, for compact comparison. */
function summarize(assignments: readonly RowAssignment[], records: readonly RowRecord[]): string[] {
  const order = s3Rows.map((r) => r.key);
  return [...assignments]
    .sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key))
    .map((a) => `${a.key}:${a.by}:${records.indexOf(a.record)}`);
}

describe("assignRows", () => {
  it("matches every row of a clean free-text table by its own label, each key once", () => {
    const records = s3Rows.map((row, i) => lineRecord(row.label, sevenValues(i), { y: 100 + 12 * i }));
    const result = assignRows(records, s3Rows);
    expect(result).toHaveLength(25);
    expect(result.every((a) => a.by === "label")).toBe(true);
    expect(result.map((a) => a.key)).toEqual(s3Rows.map((r) => r.key));
    expect(result.map((a) => records.indexOf(a.record))).toEqual(s3Rows.map((_, i) => i));
  });

  it.each([
    [
      "label wrapped above the numbers",
      [
        lineRecord("4.无正当理由大量反复申请", sevenValues(1)),
        lineRecord("5.要求行政机关确认或重新出具已获取信息"),
        lineRecord("", sevenValues(2)),
        lineRecord("（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", sevenValues(3)),
      ],
      ["reject_massive:label:0", "reject_confirm:neighbour:2", "other_no_supplement:label:3"],
    ],
    [
      "label wrapped below the numbers",
      [
        lineRecord("1.申请人无正当理由逾期不补正", sevenValues(1)),
        lineRecord("", sevenValues(2)),
        lineRecord("2.申请人逾期未按收费通知要求缴纳费用"),
        lineRecord("3.其他", sevenValues(3)),
      ],
      ["other_no_supplement:label:0", "other_fee_unpaid:neighbour:1", "other_other:label:3"],
    ],
    [
      "label over three lines with the numbers on the middle line, which matches nothing itself",
      [
        lineRecord("1.申请人无正当理由逾期不补正、"),
        lineRecord("行政机关不再处理其政府", sevenValues(1)),
        lineRecord("信息公开申请"),
        lineRecord("2.申请人逾期未按收费通知要求缴纳费用", sevenValues(2)),
      ],
      ["other_no_supplement:neighbour:1", "other_fee_unpaid:label:3"],
    ],
    [
      "label on one page, numbers at the top of the next",
      [
        lineRecord("1.申请人无正当理由逾期不补正", sevenValues(1), { page: 3, y: 760 }),
        lineRecord("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", [], { page: 3, y: 780 }),
        lineRecord("", sevenValues(2), { page: 4, y: 60 }),
        lineRecord("3.其他", sevenValues(3), { page: 4, y: 75 }),
      ],
      ["other_no_supplement:label:0", "other_fee_unpaid:neighbour:2", "other_other:label:3"],
    ],
    [
      "3.其他 with a mangled label, identified by its place",
      [
        lineRecord("2.申请人逾期未按收费通知要求缴纳费用", sevenValues(2)),
        lineRecord("3.具仙", sevenValues(3)),
        lineRecord("（七）总计", sevenValues(4)),
      ],
      ["other_fee_unpaid:label:0", "other_other:sequence:1", "total_processed:label:2"],
    ],
    [
      "a first row with no label at all, before the first matched row",
      [lineRecord("", sevenValues(0)), lineRecord("二、上年结转政府信息公开申请数量", sevenValues(1))],
      ["new_received:sequence:0", "carried_over:label:1"],
    ],
    [
      "an unruled row printed all blank (label alone on its line)",
      [
        lineRecord("2.申请人逾期未按收费通知要求缴纳费用", sevenValues(2)),
        lineRecord("3.其他"),
        lineRecord("（七）总计", sevenValues(4)),
        lineRecord("四、结转下年度继续办理", sevenValues(5)),
      ],
      ["other_fee_unpaid:label:0", "other_other:blank_row:1", "total_processed:label:2", "carried_forward:label:3"],
    ],
    [
      "a ruled row whose cells are all empty is a data row, matched by its label",
      [ruledRecord("2.重复申请", BLANKS), ruledRecord("3.要求提供公开出版物", sevenValues(1))],
      ["reject_repeat:label:0", "reject_publication:label:1"],
    ],
  ])("%s", (_name, records, expected) => {
    expect(summarize(assignRows(records, s3Rows), records)).toEqual(expected);
  });

  it("leaves two unlabelled rows between matched neighbours unassigned (the order is ambiguous)", () => {
    const records = [
      lineRecord("1.申请人无正当理由逾期不补正", sevenValues(1)),
      lineRecord("??", sevenValues(2)),
      lineRecord("??", sevenValues(3)),
      lineRecord("（七）总计", sevenValues(4)),
    ];
    expect(summarize(assignRows(records, s3Rows), records)).toEqual([
      "other_no_supplement:label:0",
      "total_processed:label:3",
    ]);
  });

  it("assigns a key at most once when a label is printed twice", () => {
    const records = [lineRecord("2.重复申请", sevenValues(1)), lineRecord("2.重复申请", sevenValues(2))];
    expect(summarize(assignRows(records, s3Rows), records)).toEqual(["reject_repeat:label:0"]);
  });

  it.each([
    ["a group label", "（三）不予公开"],
    ["the header", "申请人情况"],
    ["another group label", "（五）不予处理"],
  ])("does not read %s without values as a blank row", (_name, label) => {
    const records = [lineRecord(label), ruledRecord("3.要求提供公开出版物", sevenValues(1))];
    expect(assignRows(records, s3Rows).map((a) => a.key)).toEqual(["reject_publication"]);
  });

  it("does not read a ruled label-only row as a blank row", () => {
    const records = [ruledRecord("3.其他", [])];
    expect(assignRows(records, s3Rows)).toEqual([]);
  });

  it("hands back the record objects it was given", () => {
    const records = [lineRecord("行政许可", ["12"]), lineRecord("行政处罚", ["3"])];
    const result = assignRows(records, s2Items);
    expect(result.map((a) => a.key)).toEqual(["admin_license", "admin_penalty"]);
    expect(result[0]?.record).toBe(records[0]);
    expect(result[1]?.record).toBe(records[1]);
  });

  it("keeps 规章 and 行政规范性文件 apart in section 二", () => {
    const records = [
      lineRecord("行政规范性文件", ["5", "1", "40"]),
      lineRecord("规章", ["0", "0", "3"]),
      lineRecord("行政事业性收费", ["12.35"]),
    ];
    expect(assignRows(records, s2Items).map((a) => [a.key, records.indexOf(a.record)])).toEqual([
      ["normative_docs", 0],
      ["rules", 1],
      ["admin_fees", 2],
    ]);
  });

  it("names an OCR row by the printed label it spells with characters misread, among stray rows", () => {
    const ocr = (record: RowRecord): RowRecord => ({
      ...record,
      items: [{ ...textItem(record.label, 50, record.box[1], 240), source: "ocr", confidence: 0.9 }],
    });
    const records = [
      ocr(lineRecord("", ["-"], { y: 90 })),
      ocr(lineRecord("企业机构组织机构", ["", ""], { y: 100 })),
      ocr(lineRecord("二、本年新以息公开申请数量1", sevenValues(1), { y: 112 })),
      ocr(lineRecord("二、上年结转政府体卓公开申请数量", sevenValues(2), { y: 124 })),
      ocr(lineRecord("（一）予以公开", sevenValues(3), { y: 136 })),
    ];
    const result = summarize(assignRows(records, s3Rows), records);
    expect(result).toEqual(["new_received:neighbour:2", "carried_over:label:3", "granted:label:4"]);
    // The same misread label from a text layer is not guessed at: a text layer's words are as printed.
    const text = records.map((r) => ({ ...r, items: [] }));
    expect(summarize(assignRows(text, s3Rows), text)).not.toContain("new_received:neighbour:2");
  });

  it("names an OCR row printed all blank by the label it spells with characters misread", () => {
    const ocr = (record: RowRecord): RowRecord => ({
      ...record,
      items: [{ ...textItem(record.label, 50, record.box[1], 240), source: "ocr", confidence: 0.7 }],
    });
    const records = [
      ocr(lineRecord("1.属于国家秘密", ["1", "1"], { y: 100, columns: [0, 6] })),
      ocr(lineRecord("2.其他法律行平年域止公", [], { y: 112 })),
      ocr(lineRecord("开", [], { y: 124 })),
      ocr(lineRecord("3.危及“三安全一稳定”", ["2", "2"], { y: 136, columns: [0, 6] })),
    ];
    expect(summarize(assignRows(records, s3Rows), records)).toEqual([
      "deny_state_secret:label:0",
      "deny_law_forbidden:blank_row:1",
      "deny_three_security:label:3",
    ]);
  });

  it("does not name an OCR row whose label looks like no printed label", () => {
    const record: RowRecord = {
      ...lineRecord("本年度收到申请情况", sevenValues(1)),
      items: [{ ...textItem("本年度收到申请情况", 50, 100, 240), source: "ocr", confidence: 0.9 }],
    };
    expect(assignRows([record], s3Rows)).toEqual([]);
  });

  it("returns nothing for no records", () => {
    expect(assignRows([], s3Rows)).toEqual([]);
  });
});
