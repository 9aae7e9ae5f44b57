import type { GrayImage } from "./raster.js";

/** RGBA (or RGB / gray) pixels → gray by luma. `channels` is the stride per pixel. */
export function toGray(width: number, height: number, pixels: ArrayLike<number>, channels: number): GrayImage {
  const data = new Uint8Array(width * height);
  if (channels === 1) {
    for (let i = 0; i < data.length; i++) data[i] = pixels[i] as number;
    return { width, height, data };
  }
  // A colour scanner whose red and blue sensors are out of line with the green prints every black stroke with a red
  // fringe on one side and a cyan one on the other: taken as they come, the red side counts as paper (a seal's
  // colour) and the strokes are hollowed. The planes are read in register with the green.
  const [rdx, rdy] = planeShift(width, height, pixels, channels, 0);
  const [bdx, bdy] = planeShift(width, height, pixels, channels, 2);
  const rOffset = (rdy * width + rdx) * channels;
  const bOffset = (bdy * width + bdx) * channels;
  const shifted = rOffset !== 0 || bOffset !== 0;
  for (let i = 0, p = 0; i < data.length; i++, p += channels) {
    let r = pixels[p] as number;
    const g = pixels[p + 1] as number;
    let b = pixels[p + 2] as number;
    if (shifted) {
      const x = i % width;
      const y = (i - x) / width;
      if (x + rdx >= 0 && x + rdx < width && y + rdy >= 0 && y + rdy < height) r = pixels[p + rOffset] as number;
      if (x + bdx >= 0 && x + bdx < width && y + bdy >= 0 && y + bdy < height) b = pixels[p + 2 + bOffset] as number;
    }
    // Transparent pixels (alpha 0) are paper.
    const a = channels === 4 ? (pixels[p + 3] as number) : 255;
    // An opaque gray pixel (every gray scan pdf.js hands over as RGB) is its own level.
    if (r === g && g === b && a === 255) {
      data[i] = r;
      continue;
    }
    // A red seal (公章) or red ink over the text is not the print: a strongly red pixel counts by its red
    // channel raised by its redness (paper), so the black digits under a seal stay and the seal goes — its
    // darker strokes too (197,77,89 counted as 197 stayed ink on a light page, and read as a 1 beside a 2).
    const redness = r - Math.max(g, b);
    // Blue ink is a reader's pen (a tick, a circle, a note in the margin) or a blue seal: never the print either.
    // Dark blue (luma under 40: navy, Word's 深蓝, a black stroke tinted by a blue fill's JPEG colour) stays ink.
    const blueness = b - Math.max(r, g);
    const luma = (r * 299 + g * 587 + b * 114) / 1000;
    const y =
      redness > 60 ? Math.min(255, r + redness) : blueness > 40 && luma >= 40 ? Math.min(255, b + blueness) : luma;
    data[i] = Math.round(y * (a / 255) + 255 * (1 - a / 255));
  }
  return { width, height, data };
}

/** Furthest a colour plane is looked for out of register with the green (pixels either way). */
const MAX_PLANE_SHIFT = 3;
/** How much better a shifted plane must match the green's dark strokes than the plane as it is. */
const PLANE_SHIFT_GAIN = 1.15;

/**
 * The shift [dx, dy] at which colour plane `plane` (0 red, 2 blue) lies in register with the green: the one at
 * which its darkness best matches the green's where the green is dark (every 4th row sampled), when it beats the
 * plane as it is by `PLANE_SHIFT_GAIN`; [0, 0] for a gray image or a page in register.
 */
export function planeShift(
  width: number,
  height: number,
  pixels: ArrayLike<number>,
  channels: number,
  plane: number,
): [number, number] {
  if (channels < 3) return [0, 0];
  const m = MAX_PLANE_SHIFT;
  const side = 2 * m + 1;
  let colour = 0;
  let dark = 0;
  for (let y = m; y < height - m; y += 4) {
    for (let x = m; x < width - m; x++) {
      const p = (y * width + x) * channels;
      if ((pixels[p + 1] as number) > 159) continue;
      dark++;
      if (Math.abs((pixels[p + plane] as number) - (pixels[p + 1] as number)) > 48) colour++;
    }
  }
  // A page whose dark strokes show no colour of this plane is in register (or gray): nothing to find.
  if (dark === 0 || colour < 0.2 * dark) return [0, 0];
  const score = new Float64Array(side * side);
  for (let y = m; y < height - m; y += 4) {
    for (let x = m; x < width - m; x++) {
      const p = (y * width + x) * channels;
      const g = 255 - (pixels[p + 1] as number);
      if (g < 96) continue;
      for (let dy = -m; dy <= m; dy++) {
        const row = p + dy * width * channels + plane;
        for (let dx = -m; dx <= m; dx++) {
          const k = (dy + m) * side + dx + m;
          score[k] = (score[k] as number) + g * (255 - (pixels[row + dx * channels] as number));
        }
      }
    }
  }
  let best = (m * side + m) as number;
  // Among equal matches, the smallest shift.
  const size = (k: number) => Math.abs((k % side) - m) + Math.abs(Math.floor(k / side) - m);
  for (let k = 0; k < score.length; k++) {
    const d = (score[k] as number) - (score[best] as number);
    if (d > 0 || (d === 0 && size(k) < size(best))) best = k;
  }
  if ((score[best] as number) < PLANE_SHIFT_GAIN * (score[m * side + m] as number)) return [0, 0];
  return [(best % side) - m, Math.floor(best / side) - m];
}
