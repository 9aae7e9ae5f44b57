/**
 * A decoded picture as pdf.js gives it (and as utif2's RGBA is wrapped): `kind` 1 = 1 bit per pixel gray in
 * packed rows (a set bit is white), 2 = RGB, 3 = RGBA; rows top to bottom.
 */
export interface Picture {
  readonly width: number;
  readonly height: number;
  readonly kind: 1 | 2 | 3;
  readonly data: Uint8Array | Uint8ClampedArray;
}

/**
 * Draws `picture` into the rectangle `to` (pixels, origin top-left, may be fractional and overhang) of the
 * RGBA buffer `out` (`width` × `height`), each output pixel the mean of the picture pixels it covers (a box
 * filter), alpha composited over what `out` holds. Reads the picture where it is: the only memory it takes
 * is one output row's sums.
 */
export function shrinkPicture(
  picture: Picture,
  out: Uint8ClampedArray,
  width: number,
  height: number,
  to: { readonly x: number; readonly y: number; readonly width: number; readonly height: number },
): void {
  const x0 = Math.max(0, Math.floor(to.x));
  const x1 = Math.min(width, Math.ceil(to.x + to.width));
  const y0 = Math.max(0, Math.floor(to.y));
  const y1 = Math.min(height, Math.ceil(to.y + to.height));
  if (x1 <= x0 || y1 <= y0) return;
  const columns = x1 - x0;
  // The output column (from x0) each picture column falls in; -1 outside the output.
  const columnOf = new Int32Array(picture.width);
  for (let sx = 0; sx < picture.width; sx++) {
    const x = Math.floor(to.x + ((sx + 0.5) / picture.width) * to.width);
    columnOf[sx] = x >= x0 && x < x1 ? x - x0 : -1;
  }
  const sums = new Float64Array(columns * 4);
  const counts = new Float64Array(columns);
  let sy = 0;
  for (let y = y0; y < y1; y++) {
    sums.fill(0);
    counts.fill(0);
    // Every picture row whose centre falls in output row y (rows above y0 are skipped on the way).
    for (; sy < picture.height; sy++) {
      const row = Math.floor(to.y + ((sy + 0.5) / picture.height) * to.height);
      if (row > y) break;
      if (row === y) addRow(picture, sy, columnOf, sums, counts);
    }
    for (let i = 0; i < columns; i++) {
      const n = counts[i] as number;
      if (n === 0) continue;
      const alpha = sums[i * 4 + 3] as number;
      const covered = alpha / (255 * n);
      const p = (y * width + x0 + i) * 4;
      for (let c = 0; c < 3; c++) {
        const value = alpha > 0 ? (sums[i * 4 + c] as number) / alpha : 0;
        out[p + c] = value * covered + (out[p + c] as number) * (1 - covered);
      }
      out[p + 3] = 255;
    }
  }
}

/** Adds picture row `sy` to the sums of the output columns its pixels fall in (colour weighted by alpha). */
function addRow(picture: Picture, sy: number, columnOf: Int32Array, sums: Float64Array, counts: Float64Array): void {
  const { data, width, kind } = picture;
  if (kind === 1) {
    const offset = sy * Math.ceil(width / 8);
    for (let sx = 0; sx < width; sx++) {
      const i = columnOf[sx] as number;
      if (i < 0) continue;
      const v = ((data[offset + (sx >> 3)] as number) >> (7 - (sx & 7))) & 1 ? 255 * 255 : 0;
      sums[i * 4] = (sums[i * 4] as number) + v;
      sums[i * 4 + 1] = (sums[i * 4 + 1] as number) + v;
      sums[i * 4 + 2] = (sums[i * 4 + 2] as number) + v;
      sums[i * 4 + 3] = (sums[i * 4 + 3] as number) + 255;
      counts[i] = (counts[i] as number) + 1;
    }
    return;
  }
  const channels = kind === 2 ? 3 : 4;
  for (let sx = 0, p = sy * width * channels; sx < width; sx++, p += channels) {
    const i = columnOf[sx] as number;
    if (i < 0) continue;
    const alpha = channels === 4 ? (data[p + 3] as number) : 255;
    sums[i * 4] = (sums[i * 4] as number) + (data[p] as number) * alpha;
    sums[i * 4 + 1] = (sums[i * 4 + 1] as number) + (data[p + 1] as number) * alpha;
    sums[i * 4 + 2] = (sums[i * 4 + 2] as number) + (data[p + 2] as number) * alpha;
    sums[i * 4 + 3] = (sums[i * 4 + 3] as number) + alpha;
    counts[i] = (counts[i] as number) + 1;
  }
}
