import { describe, expect, it } from "vitest";
import { assignRows } from "../../../src/stages/mapping/assign-rows.js";
import { mergeSplitRows } from "../../../src/stages/mapping/merge-split-rows.js";
import type { RowRecord } from "../../../src/stages/mapping/row-record.js";
import { s3Rows } from "../../../src/templates/v2021/s3-rows.js";
import { lineRecord, ruledRecord, sevenValues } from "./record-builder.js";

const BLANKS = ["", "", "", "", "", "", ""];
const FEE_LABEL = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请";

/** The last grid row of page 3 and the first of page 4's grid. */
const bottom = (label: string, values: readonly string[]) =>
  ruledRecord(label, values, { page: 3, y: 760, gridId: 0, last: true });
const top = (label: string, values: readonly string[]) =>
  ruledRecord(label, values, { page: 4, y: 60, gridId: 1, first: true });

const shape = (records: readonly RowRecord[]) =>
  records.map((r) => ({ page: r.page, label: r.label, values: r.slots.map((s) => `${s.raw}@${s.page}`) }));
const at = (values: readonly string[], page: number) => values.map((v) => `${v}@${page}`);

describe("mergeSplitRows", () => {
  it("joins a row whose label is at the foot of one page and whose numbers head the next", () => {
    const records = [
      ruledRecord("1.申请人无正当理由逾期不补正", sevenValues(1), { page: 3, y: 740 }),
      bottom(FEE_LABEL, BLANKS),
      top("", sevenValues(2)),
      ruledRecord("3.其他", sevenValues(3), { page: 4, y: 80, gridId: 1 }),
    ];
    expect(shape(mergeSplitRows(records, s3Rows))).toEqual([
      { page: 3, label: "1.申请人无正当理由逾期不补正", values: at(sevenValues(1), 3) },
      { page: 3, label: FEE_LABEL, values: at(sevenValues(2), 4) },
      { page: 4, label: "3.其他", values: at(sevenValues(3), 4) },
    ]);
  });

  it("joins the two halves of a label cut by the page break, the tail matching no row", () => {
    const records = [
      bottom("1.申请人无正当理由逾期不补正、", BLANKS),
      top("行政机关不再处理其政府信息公开申请", sevenValues(1)),
    ];
    expect(shape(mergeSplitRows(records, s3Rows))).toEqual([
      {
        page: 3,
        label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        values: at(sevenValues(1), 4),
      },
    ]);
  });

  it("joins a continuation that printed no cells", () => {
    const records = [bottom("3.其他", sevenValues(3)), top("（续）", [])];
    expect(shape(mergeSplitRows(records, s3Rows))).toEqual([
      { page: 3, label: "3.其他（续）", values: at(sevenValues(3), 3) },
    ]);
  });

  it("takes each value from whichever part printed it", () => {
    const records = [bottom("3.其他", ["1", "", "", "", "", "", ""]), top("", ["", "2", "", "", "", "", "3"])];
    expect(mergeSplitRows(records, s3Rows)[0]?.slots.map((s) => s.raw)).toEqual(["1", "2", "", "", "", "", "3"]);
  });

  it.each([
    ["the next row has a label of its own", [bottom(FEE_LABEL, sevenValues(2)), top("3.其他", sevenValues(3))]],
    ["the next grid repeats the table header", [bottom("3.其他", sevenValues(3)), top("申请人情况 自然人", [])]],
    [
      "both rows are on the same page",
      [bottom(FEE_LABEL, BLANKS), ruledRecord("", sevenValues(2), { page: 3, y: 790, gridId: 1, first: true })],
    ],
    ["the cell counts differ", [bottom(FEE_LABEL, BLANKS), top("", ["1", "2", "3"])]],
    [
      "the first row is not the last of its grid",
      [ruledRecord(FEE_LABEL, BLANKS, { page: 3, gridId: 0 }), top("", sevenValues(2))],
    ],
    [
      "the second row is not the first of its grid",
      [bottom(FEE_LABEL, BLANKS), ruledRecord("", sevenValues(2), { page: 4, gridId: 1 })],
    ],
    ["the rows are free lines", [lineRecord(FEE_LABEL, [], { page: 3 }), lineRecord("", sevenValues(2), { page: 4 })]],
  ])("keeps two rows apart when %s", (_name, records) => {
    expect(mergeSplitRows(records, s3Rows)).toHaveLength(2);
  });

  it("does not change the records it was given", () => {
    const records = [bottom(FEE_LABEL, BLANKS), top("", sevenValues(2))];
    mergeSplitRows(records, s3Rows);
    expect(records[0]?.label).toBe(FEE_LABEL);
    expect(records[0]?.slots.map((s) => s.raw)).toEqual(BLANKS);
  });

  // Was a bug: the tail of the cut label ("缴纳费用…") matches other_fee_unpaid itself, so the continuation is not
  // merged; assignRows then gives other_fee_unpaid to the page-3 half with its seven empty cells (read as seven
  // blank zeros) and drops the numbers printed on page 4. A continuation whose label matches only the key of
  // the row it continues should still be merged.
  it("joins a cut label when both halves carry a keyword of the same row", () => {
    const records = [
      bottom("2.申请人逾期未按收费通知要求", BLANKS),
      top("缴纳费用、行政机关不再处理其政府信息公开申请", sevenValues(2)),
      ruledRecord("3.其他", sevenValues(3), { page: 4, y: 80, gridId: 1 }),
    ];
    const fee = assignRows(mergeSplitRows(records, s3Rows), s3Rows).find((a) => a.key === "other_fee_unpaid");
    expect(fee?.record.slots.map((s) => s.raw)).toEqual(sevenValues(2));
  });

  it("does not merge a next-page row whose label starts with its own numbering into a blank row", () => {
    const records = [bottom("5.要求行政机关确认或重新出具已获取信息", BLANKS), top("（六）其他处理", sevenValues(2))];
    expect(mergeSplitRows(records, s3Rows)).toHaveLength(2);
  });
});
