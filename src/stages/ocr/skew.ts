import type { BinaryImage, GrayImage } from "./raster.js";

/** Rotates about the centre by `degrees` (counter-clockwise positive), bilinear, paper-white outside. */
export function rotate(image: GrayImage, degrees: number): GrayImage {
  if (degrees === 0) return image;
  const { width, height, data } = image;
  const rad = (degrees * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const cx = width / 2;
  const cy = height / 2;
  const out = new Uint8Array(width * height);
  // The products along x are the same on every row.
  const cosX = new Float64Array(width);
  const sinX = new Float64Array(width);
  for (let x = 0; x < width; x++) {
    cosX[x] = cos * (x - cx);
    sinX[x] = sin * (x - cx);
  }
  for (let y = 0; y < height; y++) {
    const dy = y - cy;
    const sinY = sin * dy;
    const cosY = cos * dy;
    for (let x = 0; x < width; x++) {
      // Inverse mapping: where in the source this output pixel comes from.
      const sx = (cosX[x] as number) - sinY + cx;
      const sy = (sinX[x] as number) + cosY + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) {
        out[y * width + x] = 255;
        continue;
      }
      const tx = sx - x0;
      const ty = sy - y0;
      const i = y0 * width + x0;
      out[y * width + x] = Math.round(
        (data[i] as number) * (1 - tx) * (1 - ty) +
          (data[i + 1] as number) * tx * (1 - ty) +
          (data[i + width] as number) * (1 - tx) * ty +
          (data[i + width + 1] as number) * tx * ty,
      );
    }
  }
  return { width, height, data: out };
}

/**
 * The skew of the page's text lines and rules within ±`range` degrees: the angle whose row projection of
 * the ink is sharpest (largest sum of squared row counts).
 * Returns the angle to rotate by to straighten the page.
 */
export function estimateSkew(binary: BinaryImage, range = 3, step = 0.1): number {
  // Sample ink points: every row (a row lattice would itself make a sharp profile at 0°), every other column.
  const xs: number[] = [];
  const ys: number[] = [];
  const { width, height, data } = binary;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x += 2) {
      if (data[y * width + x]) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  if (xs.length < 100) return 0;
  const bins = new Float64Array(height + width);
  let bestAngle = 0;
  let bestScore = -1;
  const score = (deg: number): number => {
    const t = Math.tan((deg * Math.PI) / 180);
    bins.fill(0);
    for (let i = 0; i < xs.length; i++) {
      const b = Math.round((ys[i] as number) + (xs[i] as number) * t + width / 2);
      if (b >= 0 && b < bins.length) bins[b] = (bins[b] as number) + 1;
    }
    // Sharp profile = ink concentrated in few rows (lines and rules straight): sum of squared row counts.
    let s = 0;
    for (let i = 0; i < bins.length; i++) s += (bins[i] as number) ** 2;
    return s;
  };
  for (let deg = -range; deg <= range + 1e-9; deg += step) {
    const s = score(deg);
    if (s > bestScore) {
      bestScore = s;
      bestAngle = deg;
    }
  }
  // Refine around the best coarse angle.
  for (let deg = bestAngle - step; deg <= bestAngle + step + 1e-9; deg += step / 5) {
    const s = score(deg);
    if (s > bestScore) {
      bestScore = s;
      bestAngle = deg;
    }
  }
  // y' = y + x·tan(a) straightens rows that fall by tan(a) per pixel: rotate the image by -a... in image
  // coordinates (y down) a counter-clockwise turn of the paper shows as rows rising to the right.
  return Math.round(bestAngle * 100) / 100;
}
