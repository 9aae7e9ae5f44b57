import type { TextRegion } from "./detect-text.js";
import type { BinaryImage, PixelBox } from "./raster.js";

/**
 * A narrow region (a lone number, at most twice a line's height wide) whose box cut a glyph's stem: a column
 * inked over the whole box that runs on out of one edge (not both: a rule) is followed up or down, by at most half a line
 * (`lineHeight`, pixels), and the box grown over it. The detector's coarse box can cut a lone "1" below its flag:
 * the stem alone reads as a dash and the flag as another. Only a stem is followed: ink merely touching the box's
 * edge (a speck, a rule's remnant beside a digit, the row above) leaves it as found, and so does a long line.
 */
export function growToGlyphs(binary: BinaryImage, region: TextRegion, lineHeight: number): TextRegion {
  const [x0, y0, x1, y1] = region.box;
  if (lineHeight <= 0 || x1 - x0 + 1 > 2 * lineHeight) return region;
  const reach = Math.max(1, Math.round(0.5 * lineHeight));
  const { width, height, data } = binary;
  const inked = (x: number, y: number) => x >= 0 && x < width && data[y * width + x] === 1;
  // Stems: columns inked (at or beside them) in every row of the box.
  const stems: number[] = [];
  for (let x = x0; x <= x1; x++) {
    let rows = 0;
    for (let y = y0; y <= y1; y++) if (inked(x - 1, y) || inked(x, y) || inked(x + 1, y)) rows++;
    if (rows === y1 - y0 + 1) stems.push(x);
  }
  if (stems.length === 0) return region;
  // Whether a stem runs on into row `next`.
  const runsOn = (next: number) =>
    next >= 0 && next < height && stems.some((x) => inked(x - 1, next) || inked(x, next) || inked(x + 1, next));
  let top = y0;
  while (y0 - top < reach && runsOn(top - 1)) top--;
  let bottom = y1;
  while (bottom - y1 < reach && runsOn(bottom + 1)) bottom++;
  // A stem that runs on out of both edges is a rule crossing the box (painted out later), not a cut glyph; a
  // glyph's foot or serif may reach a pixel or two past the other edge.
  const slight = Math.max(2, Math.round(0.15 * lineHeight));
  const up = y0 - top;
  const down = bottom - y1;
  if ((up > slight && down > slight) || (up === 0 && down === 0)) return region;
  const box: PixelBox = [x0, top, x1, bottom];
  return { ...region, box };
}
