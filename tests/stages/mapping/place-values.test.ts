import { describe, expect, it } from "vitest";
import { type Anchor, alignAnchors, findAnchors, placeValues } from "../../../src/stages/mapping/place-values.js";
import type { ValueSlot } from "../../../src/stages/mapping/row-record.js";
import { columnX, lineRecord, ruledRecord, sevenValues, textItem } from "./record-builder.js";

/** Header words of the seven section 三 columns, as the mapper asks for them. */
const S3_WORDS = [
  ["自然人", "自然"],
  ["商业企业", "商业"],
  ["科研机构", "科研"],
  ["社会公益组织", "社会"],
  ["法律服务机构", "法律服务"],
  ["=其他"],
  ["总计", "合计"],
];

/** Anchors of the hand-made columns: header words 20 pt wide starting at each column's left edge. */
const ANCHORS: Anchor[] = Array.from({ length: 7 }, (_, i) => ({ x: columnX(i) + 10, left: columnX(i) }));

const raws = (placed: readonly (ValueSlot | null)[]) => placed.map((slot) => (slot === null ? null : slot.raw));

describe("placeValues", () => {
  it("maps a ruled row with exactly `count` cells by position, blanks included", () => {
    const record = ruledRecord("2.重复申请", ["1", "", "3", "", "", "", "4"]);
    const placed = placeValues(record, 7, null);
    expect(raws(placed)).toEqual(["1", "", "3", "", "", "", "4"]);
    expect(placed[2]).toBe(record.slots[2]);
  });

  it("keeps a ruled row's last `count` cells when it has extra cells (a label split into two cells)", () => {
    const record = ruledRecord("x", ["（三）不予公开", ...sevenValues(1)]);
    expect(raws(placeValues(record, 7, null))).toEqual(sevenValues(1));
  });

  it("maps a free line with exactly `count` tokens by position when there are no anchors", () => {
    expect(raws(placeValues(lineRecord("行政许可", ["1", "2", "3"]), 3, null))).toEqual(["1", "2", "3"]);
  });

  it.each([
    ["a ruled row with too few cells", ruledRecord("x", ["1", "2", "3"])],
    ["a free line with too few tokens", lineRecord("x", ["1", "2", "3"])],
  ])("cannot place %s without anchors: all null", (_name, record) => {
    expect(placeValues(record, 7, null)).toEqual([null, null, null, null, null, null, null]);
  });

  it("cannot place tokens when the anchors are not one per column", () => {
    expect(placeValues(lineRecord("x", ["1", "2"]), 7, ANCHORS.slice(0, 3))).toEqual(Array(7).fill(null));
  });

  it("places tokens under their anchors and reads the columns with no token as printed blanks", () => {
    const record = lineRecord("3.要求提供公开出版物", ["5", "—", "7"], { columns: [0, 3, 6] });
    const placed = placeValues(record, 7, ANCHORS);
    expect(raws(placed)).toEqual(["5", "", "", "—", "", "", "7"]);
    expect(placed[0]?.box).toEqual(record.slots[0]?.box);
    // A blank spans its column: from its header's left edge to the next column's.
    expect(placed[1]?.box).toEqual([columnX(1), record.box[1], columnX(2), record.box[3]]);
    expect(placed[1]?.page).toBe(record.page);
  });

  it("joins tokens that share a column (a thousands group printed with a space)", () => {
    const record = lineRecord("一、本年新收政府信息公开申请数量", ["3", "119", "12"], { columns: [0, 0, 1] });
    const placed = placeValues(record, 7, ANCHORS);
    expect(raws(placed).slice(0, 3)).toEqual(["3 119", "12", ""]);
    expect(placed[0]?.box).toEqual([columnX(0), 100, columnX(0) + 20, 110]);
  });

  it("puts a right-aligned number in the column whose header's left edge it passed, not the nearest centre", () => {
    // "5" ends at the right edge of column 1: nearer column 2's header centre, but short of its left edge.
    const record = lineRecord("x");
    record.slots = [
      { raw: "1234", box: [columnX(0) + 10, 100, columnX(0) + 38, 110], page: 1 },
      { raw: "5", box: [columnX(1) + 34, 100, columnX(1) + 38, 110], page: 1 },
    ];
    expect(raws(placeValues(record, 7, ANCHORS))).toEqual(["1234", "5", "", "", "", "", ""]);
  });

  it("reads an unruled row that printed nothing after its label as all blank, placed after the label", () => {
    const record = lineRecord("3.其他");
    const placed = placeValues(record, 7, null);
    expect(raws(placed)).toEqual(["", "", "", "", "", "", ""]);
    expect(placed.every((slot) => slot?.box[0] === 240 && slot.page === 1)).toBe(true);
  });

  it("reads an unruled label-only row as blanks under the anchors when there are anchors", () => {
    const placed = placeValues(lineRecord("3.其他"), 7, ANCHORS);
    expect(raws(placed)).toEqual(["", "", "", "", "", "", ""]);
    expect(placed.map((slot) => slot?.box[0])).toEqual(ANCHORS.map((a) => a.left));
  });
});

describe("findAnchors", () => {
  const header = [
    textItem("申请人情况", 300, 50, 350),
    textItem("自然人", 100, 70, 130),
    textItem("法人或其他组织", 200, 70, 270),
    textItem("总计", 420, 70, 440),
    textItem("商业", 150, 90, 170),
    textItem("科研", 200, 90, 220),
    textItem("社会公", 250, 90, 280),
    textItem("法律服务", 300, 90, 340),
    textItem("其他", 360, 90, 380),
    textItem("企业", 150, 102, 170),
    textItem("机构", 200, 102, 220),
    textItem("益组织", 250, 102, 280),
    textItem("机构", 300, 102, 320),
  ];

  it("finds the seven section 三 columns from a header with words broken over lines", () => {
    expect(findAnchors(header, S3_WORDS)).toEqual([
      { x: 115, left: 100 },
      { x: 160, left: 150 },
      { x: 210, left: 200 },
      { x: 260, left: 250 },
      { x: 320, left: 300 },
      { x: 370, left: 360 },
      { x: 430, left: 420 },
    ]);
  });

  it("does not take the 其他 inside 法人或其他组织 for the 其他 column", () => {
    expect(
      findAnchors(
        header.filter((item) => item.text !== "其他"),
        S3_WORDS,
      ),
    ).toBeNull();
  });

  it("reads a word justified into runs with small gaps (法 / 律服 / 务)", () => {
    const runs = [textItem("法", 300, 90, 310), textItem("律服", 312, 90, 332), textItem("务", 334, 90, 344)];
    expect(findAnchors(runs, [["法律服务"]])).toEqual([{ x: 322, left: 300 }]);
  });

  it("does not spell a word from characters far apart", () => {
    const apart = [textItem("法", 300, 90, 310), textItem("律服", 360, 90, 380), textItem("务", 400, 90, 410)];
    expect(findAnchors(apart, [["法律服务"]])).toBeNull();
  });

  it("finds the section 二 columns in one run of header text", () => {
    const anchors = findAnchors(
      [textItem("本年制发件数 本年废止件数 现行有效件数", 100, 50, 400)],
      [["制发"], ["废止"], ["有效"]],
    );
    // Glyph positions inside one run are estimated (spaces take half an em), so centres are approximate.
    const xs = anchors?.map((a) => a.x) ?? [];
    expect(xs).toHaveLength(3);
    [150, 250, 350].forEach((expected, i) => {
      expect(Math.abs((xs[i] ?? 0) - expected)).toBeLessThan(6);
    });
  });

  it("returns null when a column's word is missing", () => {
    expect(findAnchors([textItem("自然人", 100, 70, 130)], S3_WORDS)).toBeNull();
  });
});

describe("alignAnchors", () => {
  it("keeps header anchors when there are some", () => {
    expect(alignAnchors(ANCHORS, [], 7)).toEqual(ANCHORS);
  });

  it("takes the columns from the alignment of the values when there is no header", () => {
    const rows = [lineRecord("a", ["1", "2", "3"]), lineRecord("b", ["4", "5", "6"], { y: 120 })];
    const anchors = alignAnchors(null, rows, 3);
    expect(anchors?.map((a) => a.x)).toEqual([columnX(0) + 10, columnX(1) + 10, columnX(2) + 10]);
    expect(anchors?.[0]?.left).toBe(Number.NEGATIVE_INFINITY);
  });

  it("gives up when the values do not fall into `count` columns", () => {
    expect(alignAnchors(null, [lineRecord("a", ["1", "2"])], 3)).toBeNull();
  });
});
