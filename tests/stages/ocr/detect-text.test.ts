import { describe, expect, it } from "vitest";
import { joinStacked, type TextRegion } from "../../../src/stages/ocr/detect-text.js";

const region = (x0: number, y0: number, x1: number, y1: number): TextRegion => ({ box: [x0, y0, x1, y1], score: 0.8 });
/** Lines of text 20 px high, for the page's median line. */
const lines = [0, 1, 2, 3, 4].map((k) => region(10, 100 + 30 * k, 400, 119 + 30 * k));

describe("regions the detector made of one glyph", () => {
  it("joins a 1's stem and its foot, boxed one over the other and overlapping", () => {
    const out = joinStacked([...lines, region(300, 300, 306, 312), region(299, 309, 307, 318)]);
    expect(out).toHaveLength(6);
    expect(out.find((r) => r.box[0] >= 299)?.box).toEqual([299, 300, 307, 318]);
  });
  it("keeps apart two lines of text that touch, digits side by side, and digits in rows one under the other", () => {
    const touching = [region(10, 300, 400, 320), region(10, 318, 400, 338)];
    const sideBySide = [region(300, 400, 310, 420), region(305, 402, 318, 418)];
    const rows = [region(300, 500, 308, 515), region(300, 530, 308, 545)];
    expect(joinStacked([...lines, ...touching, ...sideBySide, ...rows])).toHaveLength(11);
  });
  it("does not join stacked fragments taller together than a line", () => {
    expect(joinStacked([...lines, region(300, 300, 306, 316), region(299, 312, 307, 330)])).toHaveLength(7);
  });
});
