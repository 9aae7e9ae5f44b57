import { describe, expect, it } from "vitest";
import { inkRunsThrough, isSlash, showsMoreDigits, withoutSpecks } from "../../../src/stages/ocr/mark-shapes.js";
import type { BinaryImage, PixelBox } from "../../../src/stages/ocr/raster.js";

/** A bilevel image `w`×`h` with ink where `ink(x, y)` says. */
function draw(w: number, h: number, ink: (x: number, y: number) => boolean): BinaryImage {
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[y * w + x] = ink(x, y) ? 1 : 0;
  return { width: w, height: h, data };
}

const TEXT = 20;
const box = (image: BinaryImage): PixelBox => {
  let [x0, y0, x1, y1] = [image.width, image.height, -1, -1];
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++)
      if (image.data[y * image.width + x] === 1)
        [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
  return [x0, y0, x1, y1];
};
const inside = (x: number, y: number, [x0, y0, x1, y1]: readonly [number, number, number, number]) =>
  x >= x0 && x <= x1 && y >= y0 && y <= y1;

describe("withoutSpecks", () => {
  it("finds a dash's flat stroke under the specks around it and one touching it (a speckled scan)", () => {
    // A 20×2 px dash at y 13–14; a 2×2 speck above and one below it, apart; a 2×3 speck standing on its end.
    const image = draw(
      40,
      24,
      (x, y) =>
        inside(x, y, [10, 13, 29, 14]) ||
        inside(x, y, [4, 4, 5, 5]) ||
        inside(x, y, [2, 19, 3, 20]) ||
        inside(x, y, [22, 10, 23, 12]),
    );
    const all = box(image);
    expect(all[3] - all[1] + 1).toBe(17); // the ink's box is as tall as a digit
    expect(withoutSpecks(image, all, TEXT)).toEqual([10, 13, 29, 14]);
  });
  it("leaves a 7 whole: its stem runs on far beyond a speck's height", () => {
    const seven = draw(
      30,
      30,
      (x, y) =>
        inside(x, y, [8, 4, 20, 6]) ||
        (inside(x, y, [18 - Math.floor((y - 7) / 4), y, 19 - Math.floor((y - 7) / 4), y]) && y >= 7 && y <= 22),
    );
    const all = box(seven);
    expect(withoutSpecks(seven, all, TEXT)).toEqual(all);
  });
  it("leaves a 1 with a speck beside it as the 1 (tall, never a flat stroke)", () => {
    const one = draw(30, 30, (x, y) => inside(x, y, [12, 5, 13, 20]) || inside(x, y, [20, 2, 21, 3]));
    const [x0, y0, x1, y1] = withoutSpecks(one, box(one), TEXT);
    expect([x0, x1]).toEqual([12, 13]);
    expect(y1 - y0 + 1).toBe(16);
  });
  it("keeps the box of a mark made of several sizeable strokes (二, 0.5)", () => {
    const two = draw(30, 30, (x, y) => inside(x, y, [6, 8, 22, 9]) || inside(x, y, [4, 18, 24, 19]));
    expect(withoutSpecks(two, box(two), TEXT)).toEqual(box(two));
  });
  it("a slash is still told from a 1 (unchanged by the speck rule)", () => {
    const slash = draw(
      20,
      24,
      (x, y) => x >= 14 - Math.floor(y / 2) && x <= 15 - Math.floor(y / 2) && y >= 2 && y <= 21,
    );
    expect(isSlash(slash, box(slash), 2)).toBe(true);
  });
  it("a slash with fax dots in its box (beside it, below it) is still a slash; a 7 is not", () => {
    // x10 of an independent set: a 204 dpi fax's "/" read as "1" at 0.98 because a 1 px dot shared its box.
    const stroke = (x: number, y: number) =>
      x >= 14 - Math.floor(y / 2) && x <= 15 - Math.floor(y / 2) && y >= 2 && y <= 21;
    const dotted = draw(22, 28, (x, y) => stroke(x, y) || (x === 12 && y === 18) || (x === 19 && y === 26));
    expect(isSlash(dotted, box(dotted), 2)).toBe(true);
    const seven = draw(
      22,
      28,
      (x, y) => stroke(x, y) || (y >= 2 && y <= 3 && x >= 4 && x <= 15) || (x === 19 && y === 26),
    );
    expect(isSlash(seven, box(seven), 2)).toBe(false);
  });
});

describe("showsMoreDigits", () => {
  // Digits 20 px tall, 12 px wide, 2 px strokes: a "1" is a stem, a "0" a ring.
  const DIGIT = 20;
  const one = (left: number) => (x: number, y: number) => inside(x, y, [left + 5, 5, left + 6, 24]);
  const zero = (left: number) => (x: number, y: number) =>
    inside(x, y, [left, 5, left + 11, 24]) && !inside(x, y, [left + 2, 7, left + 9, 22]);
  it("says a number read with one digit shows three when its box holds 1, 1 and 0 (and a rule's end below)", () => {
    const image = draw(
      60,
      32,
      (x, y) => one(2)(x, y) || one(16)(x, y) || zero(30)(x, y) || inside(x, y, [0, 29, 59, 30]),
    );
    expect(showsMoreDigits(image, [0, 0, 59, 31], DIGIT, 1)).toBe(true);
    expect(showsMoreDigits(image, [0, 0, 59, 31], DIGIT, 3)).toBe(false);
  });
  it("takes a faint 0 broken into its two arcs for one digit", () => {
    const image = draw(
      20,
      30,
      (x, y) => zero(4)(x, y) && !inside(x, y, [4, 5, 15, 6]) && !inside(x, y, [4, 23, 15, 24]),
    );
    expect(showsMoreDigits(image, [0, 0, 19, 29], DIGIT, 1)).toBe(false);
  });
  it("does not count a rule's corner (a stub joined to its line, wider than a digit) or specks beside a digit as digits", () => {
    const image = draw(
      50,
      30,
      (x, y) =>
        zero(4)(x, y) ||
        inside(x, y, [30, 2, 31, 40]) ||
        inside(x, y, [40, 10, 41, 11]) ||
        inside(x, y, [20, 26, 48, 27]),
    );
    expect(showsMoreDigits(image, [0, 0, 49, 29], DIGIT, 1)).toBe(false);
  });
});

describe("inkRunsThrough", () => {
  const DIGIT = 14;
  it("finds a number read from part of a longer line: a seal's ring through the box, above and below", () => {
    // Two arcs of a ring 3 px apart run down the whole image; the "11" read from them spans rows 20–33.
    const image = draw(30, 60, (x, y) => x === 10 + Math.round(y / 20) || x === 14 + Math.round(y / 20));
    expect(inkRunsThrough(image, [10, 20, 16, 33], DIGIT)).toBe(true);
  });
  it("finds a number read with a feeder's streak that begins inside it and runs on down the page", () => {
    // k15: a 1 px streak beside 241's 1, from its middle down, read as a fourth digit (2411 at 0.99).
    const image = draw(30, 80, (x, y) => inside(x, y, [4, 20, 5, 33]) || (x === 9 && y >= 26));
    expect(inkRunsThrough(image, [4, 20, 9, 33], DIGIT)).toBe(true);
  });
  it("passes printed digits: paper above them, a rule under their feet, a neighbour a few pixels below", () => {
    const digit = (x: number, y: number) => inside(x, y, [10, 20, 11, 33]);
    const onRule = draw(30, 60, (x, y) => digit(x, y) || y === 34);
    expect(inkRunsThrough(onRule, [10, 20, 11, 33], DIGIT)).toBe(false);
    const stacked = draw(
      30,
      60,
      (x, y) => digit(x, y) || inside(x, y, [10, 37, 11, 50]) || inside(x, y, [10, 2, 11, 17]),
    );
    expect(inkRunsThrough(stacked, [10, 20, 11, 33], DIGIT)).toBe(false);
  });
});
