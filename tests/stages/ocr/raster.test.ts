import { describe, expect, it } from "vitest";
import {
  binarize,
  crop,
  detectRules,
  estimateSkew,
  flattenBackground,
  type GrayImage,
  otsuThreshold,
  rotate,
} from "../../../src/stages/ocr/index.js";

/** A white page with a ruled 3×2 table (1 px dark lines), `scale` pixels per point. */
function ruledPage(scale: number): GrayImage {
  const width = Math.round(400 * scale);
  const height = Math.round(300 * scale);
  const data = new Uint8Array(width * height).fill(250);
  const hline = (yPt: number) => {
    const y = Math.round(yPt * scale);
    for (let x = Math.round(50 * scale); x <= Math.round(350 * scale); x++) data[y * width + x] = 20;
  };
  const vline = (xPt: number) => {
    const x = Math.round(xPt * scale);
    for (let y = Math.round(50 * scale); y <= Math.round(110 * scale); y++) data[y * width + x] = 20;
  };
  for (const y of [50, 70, 90, 110]) hline(y);
  for (const x of [50, 200, 350]) vline(x);
  // A "glyph" inside a cell: a short vertical stroke that must not become a rule.
  for (let y = Math.round(74 * scale); y <= Math.round(86 * scale); y++) data[y * width + Math.round(120 * scale)] = 20;
  return { width, height, data };
}

describe("raster operations for OCR", () => {
  it("finds a table's rules (in points) and not a glyph stroke inside a cell", () => {
    const page = ruledPage(2);
    const segments = detectRules(binarize(page, 128), 2);
    const hs = segments.filter((s) => s.orientation === "h").map((s) => Math.round(s.at));
    const vs = segments.filter((s) => s.orientation === "v").map((s) => Math.round(s.at));
    expect(hs.sort((a, b) => a - b)).toEqual([50, 70, 90, 110]);
    expect(vs.sort((a, b) => a - b)).toEqual([50, 200, 350]);
  });

  it("measures the skew of a turned page and straightens it", () => {
    const page = ruledPage(2);
    const turned = rotate(page, 1.5);
    const skew = estimateSkew(binarize(turned, 128));
    expect(Math.abs(skew - 1.5)).toBeLessThan(0.15);
    const straight = rotate(turned, -skew);
    const segments = detectRules(binarize(straight, 200), 2);
    expect(segments.filter((s) => s.orientation === "h")).toHaveLength(4);
    expect(estimateSkew(binarize(page, 128))).toBe(0);
  });

  it("evens out a shadow so one threshold separates ink from paper", () => {
    const width = 200;
    const height = 100;
    const data = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = 250 - x / 2; // 250 → 150
    for (let x = 10; x < 190; x++) data[50 * width + x] = Math.round((250 - x / 2) * 0.3); // ink at 30% of paper
    const flat = flattenBackground({ width, height, data });
    const level = otsuThreshold(flat);
    const ink = binarize(flat, level);
    let inkPixels = 0;
    for (const v of ink.data) inkPixels += v;
    expect(inkPixels).toBe(180);
    expect(ink.data[50 * width + 180]).toBe(1);
    expect(ink.data[10 * width + 180]).toBe(0);
  });

  it("crops with white padding", () => {
    const page = ruledPage(1);
    const cell = crop(page, 49, 49, 52, 52, 2);
    expect(cell.width).toBe(3 + 4);
    expect(cell.data[0]).toBe(255);
  });
});
