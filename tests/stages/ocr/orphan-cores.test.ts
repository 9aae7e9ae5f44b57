import { afterAll, describe, expect, it } from "vitest";
import { binarize, type GrayImage, OcrEngine } from "../../../src/stages/ocr/index.js";
import { findOrphanInk } from "../../../src/stages/ocr/orphan-ink.js";

const engine = new OcrEngine();
afterAll(() => engine.terminate());

const LEVEL = 170;
const TEXT = 28;

/**
 * A 200 × 120 px page (2 px/pt): a pale coffee-stain rim (level 150, 4 px wide) running diagonally across it, and
 * `digit` — a 1's stem 3 × 28 px at level 20 whose top touches the rim — or, without it, only a darker stretch of
 * the rim itself (level 20 over 30 px of its length).
 */
function page(digit: boolean): GrayImage {
  const width = 200;
  const height = 120;
  const data = new Uint8Array(width * height).fill(250);
  for (let x = 20; x <= 180; x++) {
    const yc = Math.round(100 - ((x - 20) * 90) / 160);
    const dark = !digit && x >= 90 && x <= 120;
    for (let dy = -2; dy <= 1; dy++) data[(yc + dy) * width + x] = dark ? 20 : 150;
  }
  if (digit) for (let y = 57; y <= 84; y++) for (let x = 98; x <= 100; x++) data[y * width + x] = 20;
  return { width, height, data };
}

async function orphans(gray: GrayImage) {
  const binary = binarize(gray, LEVEL);
  const light = binarize(gray, LEVEL + 15);
  return findOrphanInk(await engine.paddle(), gray, binary, light, [], [], 2, TEXT, LEVEL);
}

describe("glyphs inside ink too large for one", () => {
  it("reads a digit whose top touches a stain's rim from its dark core, below the threshold", async () => {
    // k01: a clear 1 joined to a coffee ring's rim made one blob too large to read; its place read as a sure blank.
    const found = await orphans(page(true));
    const one = found.find((item) => item.text === "1");
    expect(one).toBeDefined();
    expect(one?.confidence).toBeLessThanOrEqual(0.6);
    expect(one?.ceiling).toBe(0.6);
    expect(one?.box[1]).toBeGreaterThanOrEqual(27);
  });

  it("reads nothing from a darker stretch of the rim itself: a slanted stroke is no glyph", async () => {
    expect(await orphans(page(false))).toEqual([]);
  });
});
