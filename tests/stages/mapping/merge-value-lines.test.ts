import { describe, expect, it } from "vitest";
import { mergeValueLines } from "../../../src/stages/mapping/merge-value-lines.js";
import { s3Rows } from "../../../src/templates/v2021/s3-rows.js";
import { lineRecord } from "./record-builder.js";

const labels = (records: readonly { label: string }[]) => records.map((r) => r.label);
const values = (record: { slots: readonly { raw: string }[] } | undefined) => record?.slots.map((s) => s.raw);

describe("mergeValueLines", () => {
  it("joins a wrapped row's total (first line) and its other numbers (a later line)", () => {
    const records = [
      lineRecord("（二）部分公开（区分处理的，只计", ["8"], { columns: [6] }),
      lineRecord("这一情形，不计其他情形）", ["6", "2"], { y: 112 }),
    ];
    const merged = mergeValueLines(records, s3Rows);
    expect(labels(merged)).toEqual(["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"]);
    expect(values(merged[0])).toEqual(["6", "2", "8"]);
  });

  it("keeps lines apart when their values sit in the same columns (two rows)", () => {
    const records = [lineRecord("（一）予以公开", ["3", "1"]), lineRecord("其他情形）", ["6", "2"], { y: 112 })];
    expect(mergeValueLines(records, s3Rows)).toHaveLength(2);
  });

  it("keeps lines apart when a label naming a row stands between them", () => {
    const records = [
      lineRecord("（一）予以公开", ["8"], { columns: [6] }),
      lineRecord("（二）部分公开（区分处理的，只计", [], { y: 112 }),
      lineRecord("这一情形，不计其他情形）", ["6", "2"], { y: 124 }),
    ];
    expect(mergeValueLines(records, s3Rows)).toHaveLength(3);
  });

  it("keeps a line whose own label names a row", () => {
    const records = [
      lineRecord("（一）予以公开", ["8"], { columns: [6] }),
      lineRecord("2.重复申请", ["6"], { y: 112 }),
    ];
    expect(mergeValueLines(records, s3Rows)).toHaveLength(2);
  });

  it("keeps lines far apart", () => {
    const records = [lineRecord("（一）予以公开", ["8"], { columns: [6] }), lineRecord("x", ["6"], { y: 200 })];
    expect(mergeValueLines(records, s3Rows)).toHaveLength(2);
  });
});
