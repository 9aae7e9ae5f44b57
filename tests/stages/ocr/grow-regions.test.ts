import { describe, expect, it } from "vitest";
import { growToGlyphs } from "../../../src/stages/ocr/grow-regions.js";

function image(w: number, h: number) {
  const binary = { width: w, height: h, data: new Uint8Array(w * h) };
  const ink = (x0: number, y0: number, x1: number, y1: number) => {
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) binary.data[y * w + x] = 1;
  };
  return { binary, ink };
}
const LINE = 20;

describe("a narrow region grown over the glyph it cut", () => {
  it("takes in a 1's flag above the detector's box and its foot below", () => {
    const { binary, ink } = image(60, 60);
    ink(30, 18, 31, 38); // the stem
    ink(27, 18, 29, 20); // the flag
    ink(27, 38, 34, 39); // the foot
    const out = growToGlyphs(binary, { box: [24, 24, 36, 36], score: 0.8 }, LINE);
    expect(out.box).toEqual([24, 18, 36, 39]);
  });
  it("grows by at most half a line; leaves a rule crossing the box, and a long line, as found", () => {
    const { binary, ink } = image(200, 80);
    ink(30, 0, 31, 40); // a stem running far up out of the box, ending in it
    ink(60, 0, 61, 79); // a rule through the box
    expect(growToGlyphs(binary, { box: [24, 30, 36, 40], score: 0.8 }, LINE).box).toEqual([24, 20, 36, 40]);
    expect(growToGlyphs(binary, { box: [54, 30, 66, 40], score: 0.8 }, LINE).box).toEqual([54, 30, 66, 40]);
    expect(growToGlyphs(binary, { box: [10, 30, 150, 40], score: 0.8 }, LINE).box).toEqual([10, 30, 150, 40]);
  });
  it("leaves a region whose ink stops inside it", () => {
    const { binary, ink } = image(60, 60);
    ink(30, 26, 31, 34);
    ink(30, 20, 31, 22); // apart, above: not touching
    expect(growToGlyphs(binary, { box: [24, 24, 36, 36], score: 0.8 }, LINE).box).toEqual([24, 24, 36, 36]);
  });
});
