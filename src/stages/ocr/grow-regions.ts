import type { TextRegion } from "./detect-text.js";
import type { BinaryImage, PixelBox } from "./raster.js";

/**
 * A narrow region (a lone number, at most twice a line's height wide) grown up and down over the ink that runs
 * on out of it, by at most half a line (`lineHeight`, pixels) each way: the detector's coarse box can cut a lone
 * glyph across (a "1" boxed without its flag reads as a dash, and its flag as another), and the recogniser must
 * see the glyph whole. Ink counts as running on where a pixel in the row beyond touches ink in the box's edge row.
 * A long line is left as found: the line above or below may touch it.
 */
export function growToGlyphs(binary: BinaryImage, region: TextRegion, lineHeight: number): TextRegion {
  const [x0, y0, x1, y1] = region.box;
  if (lineHeight <= 0 || x1 - x0 + 1 > 2 * lineHeight) return region;
  const reach = Math.max(1, Math.round(0.5 * lineHeight));
  const { width, height, data } = binary;
  const inked = (x: number, y: number) => x >= 0 && x < width && data[y * width + x] === 1;
  // Whether row `next` has ink touching ink in row `edge`, within the region's columns.
  const runsOn = (edge: number, next: number) => {
    if (next < 0 || next >= height) return false;
    for (let x = x0; x <= x1; x++) {
      if (!inked(x, next)) continue;
      if (inked(x - 1, edge) || inked(x, edge) || inked(x + 1, edge)) return true;
    }
    return false;
  };
  let top = y0;
  while (y0 - top < reach && runsOn(top, top - 1)) top--;
  let bottom = y1;
  while (bottom - y1 < reach && runsOn(bottom, bottom + 1)) bottom++;
  if (top === y0 && bottom === y1) return region;
  const box: PixelBox = [x0, top, x1, bottom];
  return { ...region, box };
}
