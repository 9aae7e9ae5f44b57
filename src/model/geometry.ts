import { z } from "zod";

/**
 * A box on a page in PDF points (1/72 in), origin at the top-left corner of the page (y grows downward):
 * `[x0, y0, x1, y1]` with x0 ≤ x1 and y0 ≤ y1. Rounded to 0.01 pt in outputs.
 */
export const boxSchema = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export type Box = z.infer<typeof boxSchema>;

export function roundBox(box: Box): Box {
  return [round2(box[0]), round2(box[1]), round2(box[2]), round2(box[3])];
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The smallest box holding all of `boxes` (at least one). */
/**
 * The largest and smallest of numbers, as `Math.max(...values)` / `Math.min(...values)` give them (-Infinity /
 * Infinity when empty, NaN when one is) without spreading them as arguments: a spread of more than ~100,000
 * values overflows the stack (a page of hostile paths or a document of hundreds of pages).
 */
export function maxOf(values: readonly number[]): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const value of values) max = Math.max(max, value);
  return max;
}

export function minOf(values: readonly number[]): number {
  let min = Number.POSITIVE_INFINITY;
  for (const value of values) min = Math.min(min, value);
  return min;
}

export function unionBoxes(boxes: readonly Box[]): Box {
  // A loop rather than `reduce(unionBox)`: one box allocated instead of one per box (a hot path of mapping).
  const first = boxes[0];
  if (first === undefined) throw new TypeError("Expected at least one box, got none");
  let [x0, y0, x1, y1] = first;
  for (let i = 1; i < boxes.length; i++) {
    const box = boxes[i] as Box;
    x0 = Math.min(x0, box[0]);
    y0 = Math.min(y0, box[1]);
    x1 = Math.max(x1, box[2]);
    y1 = Math.max(y1, box[3]);
  }
  return [x0, y0, x1, y1];
}

export function unionBox(a: Box, b: Box): Box {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

/** Length of the overlap of [a0, a1] and [b0, b1]; 0 when they do not overlap. */
export function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

/** Sorted cluster means of values, a new cluster starting where the gap exceeds `tolerance`. */
export function clusterValues(values: readonly number[], tolerance: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const clusters: number[][] = [];
  for (const value of sorted) {
    const cluster = clusters.at(-1);
    if (cluster && value - (cluster.at(-1) as number) <= tolerance) cluster.push(value);
    else clusters.push([value]);
  }
  return clusters.map((c) => c.reduce((sum, v) => sum + v, 0) / c.length);
}

/**
 * The box, given in a copy of the page turned by `degrees` (counter-clockwise, about the page centre `cx`, `cy`,
 * as `stages/ocr/raster.ts` `rotate` turns an image), as the bounding box of its corners on the page itself.
 * OCR reads a straightened copy of a scan; the user sees the page as stored.
 */
export function unturnBox(box: Box, degrees: number, cx: number, cy: number): Box {
  if (degrees === 0) return box;
  const rad = (degrees * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [x, y] of [
    [box[0], box[1]],
    [box[2], box[1]],
    [box[0], box[3]],
    [box[2], box[3]],
  ] as const) {
    const dx = x - cx;
    const dy = y - cy;
    xs.push(cos * dx - sin * dy + cx);
    ys.push(sin * dx + cos * dy + cy);
  }
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/**
 * The box, given on a copy of a `width` × `height` page turned counter-clockwise by `quarters` quarter turns
 * (as `stages/ocr/raster.ts` `turnQuarters` turns an image), on the page itself.
 */
export function unturnQuarters(box: Box, quarters: number, width: number, height: number): Box {
  const q = ((quarters % 4) + 4) % 4;
  const [x0, y0, x1, y1] = box;
  if (q === 1) return [width - y1, x0, width - y0, x1];
  if (q === 2) return [width - x1, height - y1, width - x0, height - y0];
  if (q === 3) return [y0, height - x1, y1, height - x0];
  return box;
}
