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
  // The picture column each output column starts at; the last entry ends the last column.
  const starts = new Int32Array(columns + 1);
  for (let i = 0; i <= columns; i++) starts[i] = sourceIndex(x0 + i, to.x, to.width, picture.width);
  const sums = new Float64Array(columns * 4);
  const counts = new Float64Array(columns);
  const pixel = pixelReader(picture);
  const rgba = [0, 0, 0, 0];
  for (let y = y0; y < y1; y++) {
    const top = sourceIndex(y, to.y, to.height, picture.height);
    const bottom = Math.max(top + 1, sourceIndex(y + 1, to.y, to.height, picture.height));
    sums.fill(0);
    counts.fill(0);
    for (let sy = top; sy < Math.min(bottom, picture.height); sy++) {
      for (let i = 0; i < columns; i++) {
        const end = Math.max((starts[i] as number) + 1, starts[i + 1] as number);
        for (let sx = starts[i] as number; sx < Math.min(end, picture.width); sx++) {
          pixel(sx, sy, rgba);
          const alpha = rgba[3] as number;
          sums[i * 4] = (sums[i * 4] as number) + (rgba[0] as number) * alpha;
          sums[i * 4 + 1] = (sums[i * 4 + 1] as number) + (rgba[1] as number) * alpha;
          sums[i * 4 + 2] = (sums[i * 4 + 2] as number) + (rgba[2] as number) * alpha;
          sums[i * 4 + 3] = (sums[i * 4 + 3] as number) + alpha;
          counts[i] = (counts[i] as number) + 1;
        }
      }
    }
    for (let i = 0; i < columns; i++) {
      const n = counts[i] as number;
      if (n === 0) continue;
      const covered = (sums[i * 4 + 3] as number) / (255 * n);
      const p = (y * width + x0 + i) * 4;
      for (let c = 0; c < 3; c++) {
        const value = covered > 0 ? (sums[i * 4 + c] as number) / (sums[i * 4 + 3] as number) : 0;
        out[p + c] = value * covered + (out[p + c] as number) * (1 - covered);
      }
      out[p + 3] = 255;
    }
  }
}

/** The picture row or column at output coordinate `at` of a span starting at `start`, `span` pixels long. */
function sourceIndex(at: number, start: number, span: number, size: number): number {
  return Math.min(size, Math.max(0, Math.floor(((at - start) / span) * size)));
}

/** Reads pixel (x, y) of `picture` into `rgba` (0–255 each). */
function pixelReader(picture: Picture): (x: number, y: number, rgba: number[]) => void {
  const { data, width, kind } = picture;
  if (kind === 1) {
    const stride = Math.ceil(width / 8);
    return (x, y, rgba) => {
      const v = ((data[y * stride + (x >> 3)] as number) >> (7 - (x & 7))) & 1 ? 255 : 0;
      rgba[0] = v;
      rgba[1] = v;
      rgba[2] = v;
      rgba[3] = 255;
    };
  }
  const channels = kind === 2 ? 3 : 4;
  return (x, y, rgba) => {
    const p = (y * width + x) * channels;
    rgba[0] = data[p] as number;
    rgba[1] = data[p + 1] as number;
    rgba[2] = data[p + 2] as number;
    rgba[3] = channels === 4 ? (data[p + 3] as number) : 255;
  };
}
