import { findComponents } from "./components.js";
import type { BinaryImage, PixelBox } from "./raster.js";

/**
 * Whether the ink in `box` is a slash (a printed blank, "/"): one thin stroke from top right to bottom left,
 * cut by every row narrowly, its centre moving left row by row. A "1" (an upright stem, a flag, a foot) and a
 * "7" (a bar across its top) are not.
 */
export function isSlash(binary: BinaryImage, box: PixelBox, scale: number): boolean {
  const ink = withoutDots(binary, box, Math.max(2, Math.round(0.1 * scale)));
  if (!ink) return false;
  const [x0, y0, x1, y1] = ink.box;
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  if (h < 5 * scale || w < 0.25 * h || w > 0.9 * h) return false;
  const centres: number[] = [];
  for (let y = y0; y <= y1; y++) {
    let lo = -1;
    let hi = -1;
    for (let x = x0; x <= x1; x++) {
      if (ink.data[(y - box[1]) * ink.width + x - box[0]] !== 1) continue;
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

/**
 * The ink in `box` (as a mask of the box) without its dots — pieces of ink apart from the rest and no more than
 * `dot` pixels either way (fax and scanner noise) — and the box of what is left; null when nothing is.
 */
function withoutDots(
  binary: BinaryImage,
  box: PixelBox,
  dot: number,
): { data: Uint8Array; width: number; box: PixelBox } | null {
  const x0 = Math.max(0, box[0]);
  const y0 = Math.max(0, box[1]);
  const width = box[2] - box[0] + 1;
  const height = box[3] - box[1] + 1;
  if (width <= 0 || height <= 0) return null;
  const data = new Uint8Array(width * height);
  for (let y = y0; y <= Math.min(binary.height - 1, box[3]); y++)
    for (let x = x0; x <= Math.min(binary.width - 1, box[2]); x++)
      data[(y - box[1]) * width + x - box[0]] = binary.data[y * binary.width + x] === 1 ? 1 : 0;
  let [a0, b0, a1, b1] = [width, height, -1, -1];
  for (const {
    box: [c0, d0, c1, d1],
  } of findComponents(width, height, data)) {
    if (c1 - c0 + 1 <= dot && d1 - d0 + 1 <= dot) {
      // Alone in its box: any other ink there would touch it and be part of it.
      for (let y = d0; y <= d1; y++) data.fill(0, y * width + c0, y * width + c1 + 1);
      continue;
    }
    [a0, b0, a1, b1] = [Math.min(a0, c0), Math.min(b0, d0), Math.max(a1, c1), Math.max(b1, d1)];
  }
  if (a1 < 0) return null;
  return { data, width, box: [box[0] + a0, box[1] + b0, box[0] + a1, box[1] + b1] };
}

/** Ink no larger than this both ways (in text heights) beside a mark is speckle, not part of a glyph. */
const SPECK = 0.25;

/**
 * The mark in `box` without the dust around it: the box of its one sizeable blob of ink when everything else in
 * the box is speck-sized, else the box itself. On a speckled scan the specks above and below a printed dash make
 * its ink box as tall as a digit's (and the recogniser reads the whole as a "1"); the stroke itself is still flat.
 */
export function withoutSpecks(binary: BinaryImage, box: PixelBox, textHeight: number): PixelBox {
  const [x0, y0, x1, y1] = box;
  const bw = x1 - x0 + 1;
  const bh = y1 - y0 + 1;
  if (bw <= 0 || bh <= 0) return box;
  const speck = Math.max(1, Math.floor(SPECK * textHeight));
  if (bw <= speck && bh <= speck) return box;
  const blobs = findComponents(bw, bh, (i) => binary.data[(y0 + ((i / bw) | 0)) * binary.width + x0 + (i % bw)] === 1);
  const large = blobs.filter(({ box: b }) => b[2] - b[0] + 1 > speck || b[3] - b[1] + 1 > speck);
  if (large.length !== 1) return box;
  const [a0, b0, a1, b1] = (large[0] as (typeof large)[number]).box;
  // A speck touching the mark joins its blob: rows at its top or bottom inked no wider than a speck, over no more
  // than a speck's height, are that speck (a "7"'s stem or a "1" runs on much further).
  const thin = (y: number) => {
    let n = 0;
    for (let x = x0 + a0; x <= x0 + a1; x++) n += binary.data[(y0 + y) * binary.width + x] === 1 ? 1 : 0;
    return n <= speck;
  };
  let top = b0;
  while (top < b1 && thin(top)) top++;
  if (top - b0 > speck) top = b0;
  let bottom = b1;
  while (bottom > top && thin(bottom)) bottom--;
  if (b1 - bottom > speck) bottom = b1;
  return [x0 + a0, y0 + top, x0 + a1, y0 + bottom];
}

/**
 * Whether the ink in `box` shows more digits than `digits`: more blobs as tall as a digit (0.6–1.5 of
 * `digitHeight`, pixels, and no wider than one) than that, spread wider than that many digits and most of one more
 * would print. A digit broken in two (a faint 0's two arcs) stays one digit wide; flat rule remnants and specks
 * are not digit-tall. "110" read as "1" beside a rule left in its box dropped two.
 */
export function showsMoreDigits(binary: BinaryImage, box: PixelBox, digitHeight: number, digits: number): boolean {
  const x0 = Math.max(0, box[0]);
  const y0 = Math.max(0, box[1]);
  const x1 = Math.min(binary.width - 1, box[2]);
  const y1 = Math.min(binary.height - 1, box[3]);
  const bw = x1 - x0 + 1;
  const bh = y1 - y0 + 1;
  if (bw <= 0 || bh <= 0 || digitHeight <= 0) return false;
  const blobs = findComponents(bw, bh, (i) => binary.data[(y0 + ((i / bw) | 0)) * binary.width + x0 + (i % bw)] === 1);
  const tall = blobs.filter(({ box: [a0, b0, a1, b1] }) => {
    const h = b1 - b0 + 1;
    return h >= 0.6 * digitHeight && h <= 1.5 * digitHeight && a1 - a0 + 1 <= 1.3 * digitHeight;
  });
  if (tall.length <= digits) return false;
  const span = Math.max(...tall.map((b) => b.box[2])) - Math.min(...tall.map((b) => b.box[0])) + 1;
  return span > (digits + 0.8) * DIGIT_WIDTH * digitHeight;
}

/** A digit's advance (its ink and the gap after it) in digit heights. */
const DIGIT_WIDTH = 0.6;

/**
 * How far (in digit heights) ink must run on from a number's box, above it and below it, to be a longer line; or
 * on one side only (a scanner's streak begins where the glass was dirty).
 */
const RUN_ON = 0.5;
const RUN_ON_ONE_SIDE = 1;

/**
 * Whether ink runs on out of a number's box, row after row from its edges, above and below it or a digit's height
 * on one side: the number was read from part of a longer line (a seal's ring, a pen stroke, a feeder's streak, a
 * rule the finder missed) — printed digits have paper above and below them within half a digit's height.
 */
export function inkRunsThrough(binary: BinaryImage, box: PixelBox, digitHeight: number): boolean {
  const reach = Math.max(2, Math.round(RUN_ON * digitHeight));
  const far = Math.max(3, Math.round(RUN_ON_ONE_SIDE * digitHeight));
  const x0 = Math.max(0, box[0]);
  const x1 = Math.min(binary.width - 1, box[2]);
  if (x1 < x0) return false;
  const inked = (y: number) => {
    if (y < 0 || y >= binary.height) return false;
    const row = y * binary.width;
    for (let x = x0; x <= x1; x++) if (binary.data[row + x] === 1) return true;
    return false;
  };
  const run = (from: number, step: number) => {
    let d = 0;
    while (d < far && inked(from + step * (d + 1))) d++;
    return d;
  };
  const above = run(box[1], -1);
  const below = run(box[3], 1);
  return (above >= reach && below >= reach) || above >= far || below >= far;
}
