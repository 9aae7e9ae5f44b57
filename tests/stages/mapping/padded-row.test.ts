import { describe, expect, it } from "vitest";
import { paddedRowValues } from "../../../src/stages/mapping/padded-row.js";
import type { RowRecord } from "../../../src/stages/mapping/row-record.js";
import { lineRecord, ruledRecord, sevenValues } from "./record-builder.js";

const raws = (slots: ReturnType<typeof paddedRowValues>) => slots?.map((s) => s.raw) ?? null;

function ocr(record: RowRecord): RowRecord {
  return { ...record, slots: record.slots.map((s) => ({ ...s, ocr: 0.99 })) };
}

describe("paddedRowValues", () => {
  it.each<[string, RowRecord, string[] | null]>([
    [
      "a row padded with two empty cells: its first seven",
      ruledRecord("4.无正当理由大量反复申请", [...sevenValues(1), "", ""]),
      sevenValues(1),
    ],
    [
      "a padded row with printed blanks among its values",
      ruledRecord("3.其他", ["3", "", "0", "", "", "", "", ""]),
      ["3", "", "0", "", "", "", ""],
    ],
    ["a row of exactly seven cells (placed by position already)", ruledRecord("3.其他", sevenValues(2)), null],
    ["a row of six cells", ruledRecord("3.其他", sevenValues(2).slice(1)), null],
    [
      "a row whose eighth cell prints something (an extra column)",
      ruledRecord("3.其他", [...sevenValues(3), "备注"]),
      null,
    ],
    ["a free line", lineRecord("3.其他", [...sevenValues(3), ""]), null],
    ["an OCR grid row (a rule missed or invented)", ocr(ruledRecord("3.其他", [...sevenValues(3), ""])), null],
    ["a row without a label", { ...ruledRecord("", [...sevenValues(3), ""]), labelBox: null }, null],
  ])("%s", (_name, record, expected) => {
    expect(raws(paddedRowValues(record, 7))).toEqual(expected);
  });
});
