import type { BinaryImage, GrayImage, PixelBox } from "./raster.js";

/** The image turned by a quarter turn counter-clockwise (`quarters` = 1), a half turn (2) or three quarters (3). */
export function turnQuarters(image: GrayImage, quarters: number): GrayImage {
  const q = ((quarters % 4) + 4) % 4;
  if (q === 0) return image;
  const { width, height, data } = image;
  const w = q === 2 ? width : height;
  const h = q === 2 ? height : width;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = data[y * width + x] as number;
      // Counter-clockwise: (x, y) → (y, W−1−x); half: (W−1−x, H−1−y); three quarters: (H−1−y, x).
      if (q === 1) out[(width - 1 - x) * w + y] = v;
      else if (q === 2) out[(height - 1 - y) * w + (width - 1 - x)] = v;
      else out[x * w + (height - 1 - y)] = v;
    }
  }
  return { width: w, height: h, data: out };
}

/**
 * Whether the lines of text run up and down the image (a page turned a quarter turn): the ink's column profile
 * is more sharply banded than its row profile. Counted on every fourth pixel of a binarised page.
 */
export function runsSideways(binary: BinaryImage): boolean {
  const { width, height, data } = binary;
  const step = 4;
  const rows = new Float64Array(Math.ceil(height / step));
  const cols = new Float64Array(Math.ceil(width / step));
  for (let y = 0; y < height; y += step) {
    for (let x = 0; x < width; x += step) {
      if (data[y * width + x] !== 1) continue;
      rows[y / step] = (rows[y / step] as number) + 1;
      cols[x / step] = (cols[x / step] as number) + 1;
    }
  }
  // Banding: the mean squared difference between neighbouring profile values, per unit of ink.
  const banding = (p: Float64Array) => {
    let sum = 0;
    let ink = 0;
    for (let i = 1; i < p.length; i++) {
      const d = (p[i] as number) - (p[i - 1] as number);
      sum += d * d;
      ink += p[i] as number;
    }
    return ink > 0 ? sum / ink : 0;
  };
  return banding(cols) > 1.5 * banding(rows);
}

/**
 * Which way the lines of text run, from the detector's regions: a line is a long thin box (at least twice as
 * long as it is thick); "across" or "up-down" when one way holds clearly more line length than the other (three
 * times), "unsure" when too few lines are long enough to tell (tables of short numbers, a page of stamps).
 */
export function lineDirection(boxes: readonly PixelBox[]): "across" | "up-down" | "unsure" {
  let across = 0;
  let upDown = 0;
  let lines = 0;
  for (const [x0, y0, x1, y1] of boxes) {
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    if (w >= 2 * h) across += w;
    else if (h >= 2 * w) upDown += h;
    else continue;
    lines++;
  }
  if (lines < 6) return "unsure";
  if (across >= 3 * upDown) return "across";
  if (upDown >= 3 * across) return "up-down";
  return "unsure";
}
