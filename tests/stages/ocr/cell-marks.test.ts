import { describe, expect, it } from "vitest";
import { UNREADABLE } from "../../../src/model/page-content.js";
import { isValueToken, parseNumber } from "../../../src/stages/mapping/normalize.js";
import { type BinaryImage, binarize, detectRules, flattenBackground } from "../../../src/stages/ocr/index.js";

/** A bilevel image `w`×`h` with ink where `ink(x, y)` says. */
function draw(w: number, h: number, ink: (x: number, y: number) => boolean): BinaryImage {
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[y * w + x] = ink(x, y) ? 1 : 0;
  return { width: w, height: h, data };
}

describe("marks in table cells", () => {
  it("an unreadable mark is a value slot that holds no number", () => {
    expect(isValueToken(UNREADABLE)).toBe(true);
    expect(parseNumber(UNREADABLE)).toBeNull();
    expect(isValueToken("下")).toBe(false);
  });
});

describe("table rules on scans", () => {
  /** A page with a table whose top border is missing (continued from the previous page), 2 px per point. */
  function continuedTable(thick: number): BinaryImage {
    return draw(800, 600, (x, y) => {
      const h = [100, 140, 180, 220].some((r) => y >= 2 * r && y < 2 * r + thick) && x >= 100 && x <= 700;
      const v = [50, 200, 350].some((c) => x >= 2 * c && x < 2 * c + thick) && y >= 20 && y < 2 * 220 + thick;
      return h || v;
    });
  }
  it("keeps long column rules whose top end is free, crossing several row rules", () => {
    const segments = detectRules(continuedTable(2), 2);
    const vs = segments.filter((s) => s.orientation === "v");
    expect(vs).toHaveLength(3);
    expect(vs.map((v) => Math.round(v.at / 10) * 10)).toEqual([50, 200, 350]);
  });
  it("takes a bold border (3.5 pt) for a rule", () => {
    const segments = detectRules(continuedTable(7), 2);
    expect(segments.filter((s) => s.orientation === "h")).toHaveLength(4);
    expect(segments.filter((s) => s.orientation === "v")).toHaveLength(3);
  });
  it("flattening a page with gray header fills keeps the fills lighter than ink", () => {
    const width = 300;
    const height = 200;
    const data = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const light = 1 - x / 600; // light falls off to the right
        const fill = y % 48 < 24 ? 217 : 255; // gray header rows between white ones
        const noise = (x * 7 + y * 13) % 17 === 0 ? 20 : 0; // sensor noise brighter than the paper
        data[y * width + x] = Math.min(255, Math.round(fill * light) + noise);
      }
    }
    const flat = flattenBackground({ width, height, data });
    const fills = binarize(flat, 185);
    // (The last few columns and rows extrapolate the paper level from inside: only the interior is asserted.)
    let inked = 0;
    for (let y = 0; y < height - 4; y++) for (let x = 0; x < width - 8; x++) inked += fills.data[y * width + x] ?? 0;
    expect(inked).toBe(0);
  });
});
