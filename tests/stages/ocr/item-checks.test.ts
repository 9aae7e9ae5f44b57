import { describe, expect, it } from "vitest";
import { type TextItem, UNREADABLE } from "../../../src/model/page-content.js";
import { settleItems } from "../../../src/stages/ocr/item-checks.js";
import type { BinaryImage } from "../../../src/stages/ocr/raster.js";
import { clearSpecks } from "../../../src/stages/ocr/reread-words.js";

/** A page 200 × 100 pt at 2 px/pt; ink drawn in points. */
const SCALE = 2;
function page(): { binary: BinaryImage; ink: (x0: number, y0: number, x1: number, y1: number) => void } {
  const width = 400;
  const height = 200;
  const binary = { width, height, data: new Uint8Array(width * height) };
  const ink = (x0: number, y0: number, x1: number, y1: number) => {
    for (let y = y0 * SCALE; y < y1 * SCALE; y++)
      for (let x = x0 * SCALE; x < x1 * SCALE; x++) binary.data[y * width + x] = 1;
  };
  return { binary, ink };
}
const item = (text: string, box: [number, number, number, number], confidence: number): TextItem => ({
  text,
  box,
  fontSize: 10,
  fontName: "ocr",
  source: "ocr",
  confidence,
});
/** Surely read numbers 8 pt tall: the page's digit height. */
const sure = [
  item("12", [10, 10, 20, 18], 0.99),
  item("3", [30, 10, 35, 18], 0.99),
  item("45", [40, 10, 50, 18], 0.98),
];

describe("settling a page's items against their ink", () => {
  it("drops a dash read from ink inside a number's box (a 7's bar cut off in a region of its own)", () => {
    const { binary } = page();
    const out = settleItems(
      [...sure, item("73", [60, 10, 70, 18], 1), item("-", [60, 10, 62, 11], 0.92)],
      binary,
      SCALE,
      10,
    );
    expect(out.map((i) => i.text)).toEqual(["12", "3", "45", "73"]);
  });
  it("drops a dash narrower than a quarter of a digit's height (a speck), and keeps a hyphen's width", () => {
    const { binary } = page();
    const out = settleItems(
      [...sure, item("-", [60, 30, 61, 31], 0.92), item("-", [80, 30, 84, 31], 0.92)],
      binary,
      SCALE,
      10,
    );
    expect(out.filter((i) => i.text === "-").map((i) => i.box[0])).toEqual([80]);
  });
  it("keeps a number whose ink looks like what was read", () => {
    const { binary, ink } = page();
    ink(60, 10, 65, 18);
    const out = settleItems([...sure, item("0", [60, 10, 65, 18], 0.99)], binary, SCALE, 10);
    expect(out.find((i) => i.text === "0")?.confidence).toBe(0.99);
  });
  it("keeps below the threshold a number read from ink half a digit tall (part of a glyph)", () => {
    const { binary, ink } = page();
    ink(60, 14, 65, 18);
    const out = settleItems([...sure, item("5", [60, 14, 65, 18], 0.957)], binary, SCALE, 10);
    expect(out.find((i) => i.text === "5")?.confidence).toBe(0.5);
  });
  it("keeps below the threshold a 1 whose box holds the three digits of 110", () => {
    const { binary, ink } = page();
    ink(60, 10, 61, 18); // 1
    ink(65, 10, 66, 18); // 1
    ink(69, 10, 74, 11); // 0: a ring
    ink(69, 17, 74, 18);
    ink(69, 10, 70, 18);
    ink(73, 10, 74, 18);
    const out = settleItems([...sure, item("1", [60, 10, 74, 18], 0.998)], binary, SCALE, 10);
    expect(out.find((i) => i.text === "1")?.confidence).toBe(0.5);
  });
  it("keeps a lone digit read unsurely from ink over twice a digit's height as unreadable ink, never dropped", () => {
    // A seal's ring across two rows, or a digit blurred together with specks above and below it: dropped, its
    // slot would read as a sure blank.
    const { binary, ink } = page();
    ink(60, 10, 62, 34);
    const out = settleItems([...sure, item("9", [60, 10, 62, 34], 0.613)], binary, SCALE, 10);
    expect(out.some((i) => i.text === "9")).toBe(false);
    expect(out.find((i) => i.box[0] === 60)).toMatchObject({ text: UNREADABLE, confidence: 0 });
  });
  it("drops specks read as digits, unsurely, and keeps a tall number read surely", () => {
    const { binary, ink } = page();
    ink(60, 10, 62, 12);
    ink(80, 10, 90, 30);
    const out = settleItems(
      [...sure, item("7", [60, 10, 62, 12], 0.43), item("8", [80, 10, 90, 30], 0.97)],
      binary,
      SCALE,
      10,
    );
    expect(out.map((i) => i.text)).toEqual(["12", "3", "45", "8"]);
  });
});

describe("clearing specks from a number's crop before it is read again", () => {
  it("takes each speck's gray fringe with it, and keeps the digit and a decimal point between digits", () => {
    const width = 80;
    const height = 40;
    const data = new Uint8Array(width * height).fill(255);
    const fill = (x0: number, y0: number, x1: number, y1: number, v: number) => {
      for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) data[y * width + x] = v;
    };
    fill(10, 10, 19, 29, 0); // a digit
    fill(21, 27, 22, 28, 0); // a decimal point, low between two digits
    fill(24, 10, 33, 29, 0); // a digit
    fill(39, 9, 42, 12, 200); // a speck: dark core, lighter ring
    fill(40, 10, 41, 11, 0);
    const out = clearSpecks({ width, height, data }, 128, 20);
    expect([out.data[9 * width + 39], out.data[10 * width + 40], out.data[12 * width + 42]]).toEqual([255, 255, 255]);
    expect(out.data[20 * width + 15]).toBe(0);
    expect(out.data[27 * width + 21]).toBe(0);
  });
});
