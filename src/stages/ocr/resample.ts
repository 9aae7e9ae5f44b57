import type { GrayImage } from "./raster.js";

/** Box-filter downsampling to `sw` × `sh` (an average over each source area: thin strokes stay gray, not lost). */
export function shrinkTo(image: GrayImage, sw: number, sh: number): GrayImage {
  const { width, height, data } = image;
  if (sw >= width && sh >= height) return image;
  const out = new Uint8Array(sw * sh);
  const span = (i: number, n: number, of: number) => Math.floor((i * of) / n);
  const xs = new Int32Array(sw + 1);
  for (let x = 0; x <= sw; x++) xs[x] = Math.min(width, span(x, sw, width));
  const sums = new Float64Array(width);
  for (let y = 0; y < sh; y++) {
    const y0 = span(y, sh, height);
    const y1 = Math.max(y0 + 1, Math.min(height, span(y + 1, sh, height)));
    sums.fill(0);
    for (let yy = y0; yy < y1; yy++) {
      const row = yy * width;
      for (let x = 0; x < width; x++) sums[x] = (sums[x] as number) + (data[row + x] as number);
    }
    for (let x = 0; x < sw; x++) {
      const x0 = xs[x] as number;
      const x1 = Math.max(x0 + 1, xs[x + 1] as number);
      let sum = 0;
      for (let xx = x0; xx < x1; xx++) sum += sums[xx] as number;
      out[y * sw + x] = Math.round(sum / ((y1 - y0) * (x1 - x0)));
    }
  }
  return { width: sw, height: sh, data: out };
}
