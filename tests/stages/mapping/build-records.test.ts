import { describe, expect, it } from "vitest";
import type { Box } from "../../../src/model/geometry.js";
import type { GridCell } from "../../../src/model/layout.js";
import type { TextItem } from "../../../src/model/page-content.js";
import { buildRecords } from "../../../src/stages/mapping/build-records.js";
import { emptySlot } from "../../../src/stages/mapping/row-record.js";

/** An OCR word at [x0, y, x1, y + 8]. */
const word = (text: string, x0: number, x1: number, y = 104): TextItem => ({
  text,
  box: [x0, y, x1, y + 8],
  fontSize: 8,
  fontName: "ocr",
  source: "ocr",
  confidence: 0.99,
});

/** One grid row at y 100–116 from cells given as [x0, x1, items]. */
function gridRow(cells: readonly [number, number, TextItem[]][]) {
  const gridCells: GridCell[] = cells.map(([x0, x1, items], col) => ({
    row: 0,
    col,
    rowSpan: 1,
    colSpan: 1,
    box: [x0, 100, x1, 116] as Box,
    items,
  }));
  const xs = [...cells.map(([x0]) => x0), (cells.at(-1) as [number, number, TextItem[]])[1]];
  const grid = { page: 1, box: [xs[0], 100, xs.at(-1), 116] as Box, ys: [100, 116], xs, cells: gridCells };
  const [record] = buildRecords([[{ kind: "grid", grid }]]);
  if (!record) throw new Error("no record");
  return record;
}

describe("OCR grid rows whose column rules were missed", () => {
  it("takes each printed number as a slot when a label cell holds numbers and a cell holds several", () => {
    // The bottom of a photographed table: the rules between the first values were lost.
    const record = gridRow([
      [50, 260, [word("(七)总计", 60, 100), word("22", 230, 240), word("3", 255, 259)]],
      [260, 300, [word("0", 280, 285)]],
      [300, 340, [word("0", 320, 325)]],
      [340, 440, [word("1", 350, 354), word("0", 390, 395), word("26", 425, 435)]],
    ]);
    expect(record.label).toBe("(七)总计");
    expect(record.slots.map((s) => s.raw)).toEqual(["22", "3", "0", "0", "1", "0", "26"]);
    expect(record.slots.every((s) => (s.ocr ?? 1) <= 0.5)).toBe(true);
    expect(record.slots[6]?.box).toEqual([425, 104, 435, 112]);
  });

  it("keeps a well-ruled OCR row's cells as they are", () => {
    const record = gridRow([
      [50, 260, [word("2.重复申请", 60, 110)]],
      [260, 300, [word("1", 280, 285)]],
      [300, 340, []],
      [340, 380, [word("12", 355, 365)]],
    ]);
    expect(record.slots.map((s) => s.raw)).toEqual(["1", "", "12"]);
    expect(record.slots[1]?.box).toEqual([300, 100, 340, 116]);
    expect(record.slots[0]?.ocr).toBe(0.99);
  });

  it("does not take a number left of the label text (a group cell's misread) for a value", () => {
    const record = gridRow([
      [50, 100, [word("7", 70, 74, 110)]],
      [100, 260, [word("1.本机关不掌握相关政府信息", 110, 240)]],
      [260, 300, [word("7", 280, 285)]],
      [300, 340, [word("10", 315, 325)]],
    ]);
    expect(record.slots.map((s) => s.raw)).toEqual(["7", "10"]);
    expect(record.slots[0]?.ocr).toBe(0.99);
  });
});

describe("grid rows", () => {
  /** A text-layer run at [x0, y + 4, x0 + 30, y + 12]. */
  const run = (text: string, x0: number, y: number): TextItem => ({
    text,
    box: [x0, y + 4, x0 + 30, y + 12],
    fontSize: 8,
    fontName: "F1",
  });

  it("gathers each row's cells wherever the grid lists them, left to right as listed", () => {
    const ys = [100, 116, 132, 148];
    const xs = [50, 200, 240, 280];
    const labels = ["2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请"];
    const cells: GridCell[] = [];
    // Column by column, bottom row first: no row's cells are next to each other.
    for (let col = 0; col < 3; col++) {
      for (let row = 2; row >= 0; row--) {
        const text = col === 0 ? (labels[row] as string) : String(row * 10 + col);
        const box: Box = [xs[col] as number, ys[row] as number, xs[col + 1] as number, ys[row + 1] as number];
        cells.push({ row, col, rowSpan: 1, colSpan: 1, box, items: [run(text, box[0] + 2, box[1])] });
      }
    }
    const grid = { page: 1, box: [50, 100, 280, 148] as Box, ys, xs, cells };
    const records = buildRecords([[{ kind: "grid", grid }]]);
    expect(records.map((r) => r.label)).toEqual(labels);
    expect(records.map((r) => r.slots.map((s) => s.raw))).toEqual([
      ["1", "2"],
      ["11", "12"],
      ["21", "22"],
    ]);
    expect(records.map((r) => [r.firstOfGrid, r.lastOfGrid])).toEqual([
      [true, false],
      [false, false],
      [false, true],
    ]);
  });
});

describe("buildRecords: free lines", () => {
  const text = (t: string, x0: number, x1: number): TextItem => ({
    text: t,
    box: [x0, 646, x1, 658],
    fontSize: 12,
    fontName: "NotoSerifCJKsc-Regular",
  });
  const record = (items: TextItem[]) => {
    const box: Box = [items[0]?.box[0] ?? 0, 646, items.at(-1)?.box[2] ?? 0, 658];
    const [r] = buildRecords([
      [{ kind: "line", line: { page: 1, box, items, text: items.map((i) => i.text).join(" ") } }],
    ]);
    if (!r) throw new Error("no record");
    return r;
  };

  it.each([
    ["an amount printed apart from its unit (LibreOffice: 8228100 元)", "8228100 元", ["28", "8228100元"]],
    ["a count printed apart from its unit", "5 件", ["28", "5件"]],
  ])("joins %s to its number: the line's last values", (_name, last, raws) => {
    const r = record([text("政府集中采购", 110, 182), text("28", 317, 330), text(last, 460, 520)]);
    expect(r.slots.map((s) => s.raw)).toEqual(raws);
    expect(r.label).toBe("政府集中采购");
  });

  it("keeps a unit word after label text as label", () => {
    const r = record([text("单位 元", 110, 182), text("28", 317, 330)]);
    expect(r.label).toBe("单位元");
    expect(r.slots.map((s) => s.raw)).toEqual(["28"]);
  });
});

describe("OCR free lines", () => {
  const line = (items: TextItem[]) => {
    const [record] = buildRecords([
      [{ kind: "line", line: { page: 1, box: [50, 104, 300, 112], items, text: items.map((i) => i.text).join("") } }],
    ]);
    if (!record) throw new Error("no record");
    return record;
  };
  it("doubts dashes run together from separate marks (a rule broken by low toner), not one printed dash", () => {
    const broken = line([word("行政处罚", 50, 90), word("-", 230, 245), { ...word("-", 246, 262), confidence: 0.92 }]);
    expect(broken.slots.map((s) => [s.raw, s.ocr])).toEqual([["--", 0.6]]);
    const twoDashes = line([
      word("行政处罚", 50, 90),
      word("—", 230, 240),
      { ...word("—", 241, 251), confidence: 0.92 },
    ]);
    expect(twoDashes.slots.map((s) => [s.raw, s.ocr])).toEqual([["——", 0.92]]);
    const printed = line([word("行政处罚", 50, 90), { ...word("—", 230, 240), confidence: 0.92 }]);
    expect(printed.slots.map((s) => [s.raw, s.ocr])).toEqual([["—", 0.92]]);
  });
});

describe("OCR free lines with words among their values", () => {
  const line = (items: TextItem[]) => {
    const [record] = buildRecords([
      [{ kind: "line", line: { page: 1, box: [50, 104, 560, 112], items, text: items.map((i) => i.text).join("") } }],
    ]);
    if (!record) throw new Error("no record");
    return record;
  };
  const label = word("本年新收政府信息公开申请数量", 85, 224);

  it("starts the values where they start when a seal's ring is read as characters between them", () => {
    // h18: a blue seal over the row, its ring read "时力" between the numbers; the label ended after it and took
    // 37 and 4 for label text, leaving their places sure blanks.
    const r = line([
      label,
      word("37", 300, 310),
      word("4", 348, 354),
      { ...word("时力", 362, 394), confidence: 0.26 },
      word("2", 464, 469),
      word("47", 529, 540),
    ]);
    expect(r.label).toBe("本年新收政府信息公开申请数量");
    expect(r.slots.map((s) => s.raw)).toEqual(["37", "4", "2", "47"]);
    expect(r.slots.every((s) => s.ocr === 0.5)).toBe(true);
    expect(r.emptyTrust).toBe(0.5);
    expect(emptySlot(r, [400, 104, 420, 112]).ocr).toBe(0.5);
  });

  it("leaves out numbers misread with a stray mark (1-4) too, and doubts every place of the row", () => {
    // x12 (low toner): a broken rule's dashes joined to the numbers. Left out with sure values beside them, the row's
    // 1 moved a column at 1.0; taken as the label's end (as before), they took the numbers before them for label text.
    const r = line([label, word("-", 250, 262), word("1-4", 317, 351), word("0", 385, 389), word("1", 523, 526)]);
    expect(r.slots.map((s) => [s.raw, s.ocr])).toEqual([
      ["-", 0.5],
      ["0", 0.5],
      ["1", 0.5],
    ]);
    expect(r.emptyTrust).toBe(0.5);
  });

  it("leaves a line whose words all come before its values as it was", () => {
    const r = line([label, word("37", 300, 310), word("4", 348, 354), word("47", 529, 540)]);
    expect(r.slots.map((s) => s.raw)).toEqual(["37", "4", "47"]);
    expect(r.emptyTrust).toBeUndefined();
    expect(emptySlot(r, [400, 104, 420, 112]).ocr).toBe(0.92);
  });

  it("does not take a numbered label (序号 before the label) for values", () => {
    const r = line([word("1", 60, 64), word("属于国家秘密", 85, 160), word("0", 300, 305), word("2", 348, 354)]);
    expect(r.label).toBe("1属于国家秘密");
    expect(r.slots.map((s) => s.raw)).toEqual(["0", "2"]);
    expect(r.emptyTrust).toBeUndefined();
  });

  it("keeps numbers inside running text in the text, not as values (no wide gap before them)", () => {
    const r = line([word("本年共收到申请", 85, 150), word("37", 152, 162), word("件，办结", 164, 200)]);
    expect(r.slots).toEqual([]);
    expect(r.emptyTrust).toBeUndefined();
  });
});
