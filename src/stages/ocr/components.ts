import type { PixelBox } from "./raster.js";

/** An 8-connected component: its bounding box (inclusive pixels), its pixel count and the sum of `weight` over it. */
export interface Component {
  readonly box: PixelBox;
  readonly area: number;
  readonly weight: number;
}

/**
 * The 8-connected components of the pixels where `on(i)` holds (i = y·width + x), in scan order, each with the
 * sum of `weight(i)` over its pixels. Iterative (an explicit stack), so a page-sized component cannot overflow.
 */
export function findComponents(
  width: number,
  height: number,
  on: (i: number) => boolean,
  weight: (i: number) => number = () => 0,
): Component[] {
  const seen = new Uint8Array(width * height);
  const stack = new Int32Array(width * height);
  const out: Component[] = [];
  for (let start = 0; start < width * height; start++) {
    if (seen[start] || !on(start)) continue;
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
      const x = i % width;
      const y = (i / width) | 0;
      area++;
      sum += weight(i);
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const j = ny * width + nx;
          if (seen[j] || !on(j)) continue;
          seen[j] = 1;
          stack[top++] = j;
        }
      }
    }
    out.push({ box: [x0, y0, x1, y1], area, weight: sum });
  }
  return out;
}
