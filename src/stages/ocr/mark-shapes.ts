import type { BinaryImage, PixelBox } from "./raster.js";

/**
 * Whether the ink in `box` is a slash (a printed blank, "/"): one thin stroke from top right to bottom left,
 * cut by every row narrowly, its centre moving left row by row. A "1" (an upright stem, a flag, a foot) and a
 * "7" (a bar across its top) are not.
 */
export function isSlash(binary: BinaryImage, box: PixelBox, scale: number): boolean {
  const [x0, y0, x1, y1] = box;
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  if (h < 5 * scale || w < 0.25 * h || w > 0.9 * h) return false;
  const centres: number[] = [];
  for (let y = y0; y <= y1; y++) {
    let lo = -1;
    let hi = -1;
    for (let x = x0; x <= x1; x++) {
      if (binary.data[y * binary.width + x] !== 1) continue;
      if (lo < 0) lo = x;
      hi = x;
    }
    if (lo < 0) continue;
    // A stroke cut by a row is about as wide as the stroke is thick plus its slope: well under the width.
    if (hi - lo + 1 > Math.max(0.55 * w, 3)) return false;
    centres.push((lo + hi) / 2);
  }
  if (centres.length < 0.8 * h) return false;
  const quarter = Math.max(1, Math.floor(centres.length / 4));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const top = mean(centres.slice(0, quarter));
  const bottom = mean(centres.slice(-quarter));
  if (top - bottom < 0.45 * w) return false;
  // Monotonic: no row's centre lies right of a row above it by more than a pixel or two.
  for (let i = 1; i < centres.length; i++) if ((centres[i] as number) > (centres[i - 1] as number) + 2) return false;
  return true;
}
