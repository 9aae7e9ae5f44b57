import type { PixelBox } from "./raster.js";

/** An 8-connected component: its bounding box (inclusive pixels), its pixel count and the sum of `weight` over it. */
export interface Component {
  readonly box: PixelBox;
  readonly area: number;
  readonly weight: number;
}

/**
 * The 8-connected components of the pixels where `on` holds (i = y·width + x; a mask is on where it is not 0), in
 * scan order, each with the sum of `weight(i)` over its pixels. Iterative (an explicit stack), so a page-sized
 * component cannot overflow.
 */
export function findComponents(
  width: number,
  height: number,
  on: Uint8Array | ((i: number) => boolean),
  weight?: (i: number) => number,
): Component[] {
  const mask = typeof on === "function" ? maskOf(width * height, on) : on;
  const seen = new Uint8Array(width * height);
  const stack = new Int32Array(width * height);
  const out: Component[] = [];
  for (let start = 0; start < width * height; start++) {
    if (mask[start] === 0 || seen[start]) continue;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    let x0 = width;
    let y0 = height;
    let x1 = -1;
    let y1 = -1;
    let area = 0;
    let sum = 0;
    while (top > 0) {
      const i = stack[--top] as number;
      const y = (i / width) | 0;
      const x = i - y * width;
      area++;
      if (weight) sum += weight(i);
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      // Neighbours row by row, left to right (the order fixes the order weights are summed in).
      const left = x > 0 ? -1 : 0;
      const right = x < width - 1 ? 1 : 0;
      for (let ny = y > 0 ? y - 1 : y, last = y < height - 1 ? y + 1 : y; ny <= last; ny++) {
        const row = ny * width + x;
        for (let j = row + left; j <= row + right; j++) {
          if (mask[j] === 0 || seen[j]) continue;
          seen[j] = 1;
          stack[top++] = j;
        }
      }
    }
    out.push({ box: [x0, y0, x1, y1], area, weight: sum });
  }
  return out;
}

function maskOf(size: number, on: (i: number) => boolean): Uint8Array {
  const mask = new Uint8Array(size);
  for (let i = 0; i < size; i++) if (on(i)) mask[i] = 1;
  return mask;
}
