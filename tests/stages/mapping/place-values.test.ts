import { describe, expect, it } from "vitest";
import type { Box } from "../../../src/model/geometry.js";
import type { Anchor } from "../../../src/stages/mapping/find-anchors.js";
import { type Alignment, detectAlignment, placeValues } from "../../../src/stages/mapping/place-values.js";
import type { ValueSlot } from "../../../src/stages/mapping/row-record.js";
import { columnX, lineRecord, ruledRecord, sevenValues } from "./record-builder.js";

/** Header words 20 pt wide, centred in hand-made columns 40 pt wide that start at columnX(i) - 10. */
const ANCHORS: Anchor[] = Array.from({ length: 7 }, (_, i) => ({
  x: columnX(i) + 10,
  left: columnX(i),
  right: columnX(i) + 20,
}));

const raws = (placed: readonly (ValueSlot | null)[]) => placed.map((slot) => (slot === null ? null : slot.raw));

function withSlots(boxes: readonly [string, Box][]) {
  const record = lineRecord("x");
  record.slots = boxes.map(([raw, box]) => ({ raw, box, page: 1 }));
  return record;
}

describe("placeValues", () => {
  it("maps a ruled row with exactly `count` cells by position, blanks included", () => {
    const record = ruledRecord("2.重复申请", ["1", "", "3", "", "", "", "4"]);
    const placed = placeValues(record, 7, null);
    expect(raws(placed)).toEqual(["1", "", "3", "", "", "", "4"]);
    expect(placed[2]).toBe(record.slots[2]);
  });

  it("maps a free line with exactly `count` tokens by position when there are no anchors", () => {
    expect(raws(placeValues(lineRecord("行政许可", ["1", "2", "3"]), 3, null))).toEqual(["1", "2", "3"]);
  });

  it.each([
    ["a ruled row with too few cells", ruledRecord("x", ["1", "2", "3"])],
    ["a ruled row with an extra cell", ruledRecord("x", ["", ...sevenValues(1)])],
    ["a free line with too few tokens", lineRecord("x", ["1", "2", "3"])],
  ])("cannot place %s without anchors: all null, never a guess", (_name, record) => {
    expect(placeValues(record, 7, null)).toEqual(Array(7).fill(null));
  });

  it("cannot place tokens when the anchors are not one per column", () => {
    expect(placeValues(lineRecord("x", ["1", "2"]), 7, ANCHORS.slice(0, 3))).toEqual(Array(7).fill(null));
  });

  it("places tokens under their anchors and reads the columns with no token as printed blanks", () => {
    const record = lineRecord("3.要求提供公开出版物", ["5", "—", "7"], { columns: [0, 3, 6] });
    const placed = placeValues(record, 7, ANCHORS);
    expect(raws(placed)).toEqual(["5", "", "", "—", "", "", "7"]);
    expect(placed[0]?.box).toEqual(record.slots[0]?.box);
    // A blank sits under its header word, on this row.
    expect(placed[1]?.box).toEqual([columnX(1), record.box[1], columnX(1) + 20, record.box[3]]);
  });

  it("places a ruled row with an extra empty column by the header, its blanks in their own cells", () => {
    const record = ruledRecord("2.重复申请", [...sevenValues(2), ""]);
    record.slots = record.slots.map((slot, i) => ({ ...slot, box: [columnX(i) - 10, 100, columnX(i) + 30, 110] }));
    const placed = placeValues(record, 7, ANCHORS);
    expect(raws(placed)).toEqual(sevenValues(2).map((v) => (v === "" ? "" : v)));
  });

  it("joins tokens that share a column (a thousands group printed with a space)", () => {
    const record = lineRecord("一、本年新收政府信息公开申请数量", ["3", "119", "12"], { columns: [0, 0, 1] });
    expect(raws(placeValues(record, 7, ANCHORS)).slice(0, 3)).toEqual(["3 119", "12", ""]);
  });

  // Column 1 spans 290–330 with its header word at 300–320; each number is printed in column 1.
  it.each<[Alignment, Box]>([
    ["right", [324, 100, 329, 110]],
    ["left", [291, 100, 296, 110]],
    ["centre", [307, 100, 313, 110]],
  ])("puts a %s-aligned number in its column by the matching header edge", (alignment, box) => {
    expect(raws(placeValues(withSlots([["5", box]]), 7, ANCHORS, alignment))).toEqual(["", "5", "", "", "", "", ""]);
  });

  it("reads a right-aligned number by its right edge even when it is nearer the next header's centre", () => {
    // Headers left-aligned in their cells (292–312, 332–352 …), numbers right-aligned: "5" ends at 329.
    const leftHeaders = ANCHORS.map((a) => ({ x: a.x - 8, left: a.left - 8, right: a.right - 8 }));
    const record = withSlots([["5", [324, 100, 329, 110]]]);
    expect(raws(placeValues(record, 7, leftHeaders, "centre"))[2]).toBe("5");
    expect(raws(placeValues(record, 7, leftHeaders, "right"))[1]).toBe("5");
  });

  it("spreads OCR numbers that fell two to a column over the empty neighbour, in order and in doubt", () => {
    // Right-aligned numbers binned by their right edge: "0" of column 3 ends on column 3's header edge, so it
    // falls into column 2 beside the "1" printed there; column 3 reads empty.
    const record = withSlots([
      ["1", [265, 100, 270, 110]],
      ["1", [337, 100, 341, 110]],
      ["0", [375, 100, 380, 110]],
      ["2", [425, 100, 430, 110]],
    ]);
    record.slots = record.slots.map((slot) => ({ ...slot, ocr: 0.99 }));
    const binned = placeValues({ ...record, slots: record.slots.slice(0, 1) }, 7, ANCHORS, "right");
    expect(raws(binned)[0]).toBe("1");
    const placed = placeValues(record, 7, ANCHORS, "right");
    expect(raws(placed).slice(0, 5)).toEqual(["1", "", "1", "0", "2"]);
    expect(placed.every((slot) => (slot?.ocr ?? 1) <= 0.5)).toBe(true);
  });

  it("doubts every place of an OCR row with fewer values than columns when a header word was guessed", () => {
    // Section 四 on a speckled scan: its first value lost, a header word misread and placed by the spacing of the
    // others. Which column the values belong to, and which one they left empty, is then a guess.
    const record = lineRecord("x", ["4", "3", "4"], { columns: [0, 1, 3] });
    record.slots = record.slots.map((slot) => ({ ...slot, ocr: 0.99 }));
    const guessed = ANCHORS.map((a, i) => (i === 2 ? { ...a, guessed: true } : a));
    const placed = placeValues(record, 7, guessed);
    expect(raws(placed).slice(0, 4)).toEqual(["4", "3", "", "4"]);
    expect(placed.every((slot) => (slot?.ocr ?? 1) <= 0.5)).toBe(true);
    // The guessed header's column took a value: the places stand as read.
    const filled = ANCHORS.map((a, i) => (i === 1 ? { ...a, guessed: true } : a));
    expect(placeValues(record, 7, filled).map((slot) => slot?.ocr ?? 1)).toEqual([0.99, 0.99, 1, 0.99, 1, 1, 1]);
    // Every header word read: the places stand as read.
    expect(placeValues(record, 7, ANCHORS).map((slot) => slot?.ocr ?? 1)).toEqual([0.99, 0.99, 1, 0.99, 1, 1, 1]);
    // A text-layer row (no OCR) is placed as before.
    const text = lineRecord("x", ["4", "3", "4"], { columns: [0, 1, 3] });
    expect(placeValues(text, 7, guessed).every((slot) => slot?.ocr === undefined)).toBe(true);
  });

  it("keeps an OCR thousands group together in its column", () => {
    const record = lineRecord("一、本年新收政府信息公开申请数量", ["3", "119", "12"], { columns: [0, 0, 1] });
    record.slots = record.slots.map((slot) => ({ ...slot, ocr: 0.99 }));
    expect(raws(placeValues(record, 7, ANCHORS)).slice(0, 3)).toEqual(["3 119", "12", ""]);
  });

  it("reads an unruled row that printed nothing after its label as all blank, placed after the label", () => {
    const placed = placeValues(lineRecord("3.其他"), 7, null);
    expect(raws(placed)).toEqual(Array(7).fill(""));
    expect(placed.every((slot) => slot?.box[0] === 240 && slot.page === 1)).toBe(true);
  });
});

describe("detectAlignment", () => {
  const column = (edges: readonly [number, number][]) =>
    edges.map(([x0, x1], i) => withSlots([[String(x1 - x0), [x0, 100 + 12 * i, x1, 110 + 12 * i]]]));

  it.each<[Alignment, [number, number][]]>([
    [
      "right",
      [
        [300, 330],
        [320, 330],
        [310, 330],
      ],
    ],
    [
      "left",
      [
        [300, 330],
        [300, 310],
        [300, 320],
      ],
    ],
    [
      "centre",
      [
        [300, 330],
        [310, 320],
        [305, 325],
      ],
    ],
  ])("tells %s-aligned numbers from the edge that varies least", (alignment, edges) => {
    expect(detectAlignment(column(edges))).toBe(alignment);
  });

  it("reads a column of 300,000 values (a document of hundreds of table pages) without overflowing the stack", () => {
    const edges = Array.from({ length: 300_000 }, (_, i): [number, number] => [330 - 10 * (1 + (i % 3)), 330]);
    expect(detectAlignment(column(edges))).toBe("right");
  });

  it("has no evidence when every value has the same width", () => {
    expect(
      detectAlignment(
        column([
          [300, 310],
          [300, 310],
        ]),
      ),
    ).toBeNull();
  });
});
