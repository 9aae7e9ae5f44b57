import type { Grid } from "../../../src/model/layout.js";
import type { RuleSegment, TextItem } from "../../../src/model/page-content.js";

export const h = (at: number, from: number, to: number): RuleSegment => ({ orientation: "h", at, from, to });
export const v = (at: number, from: number, to: number): RuleSegment => ({ orientation: "v", at, from, to });

/** Column and row lines of the 3×3 test table (points, top-left origin). */
export const XS = [50, 150, 250, 350];
export const YS = [100, 120, 140, 160];

/** Every line of a fully ruled table over `xs` × `ys`, each drawn as one long stroke. */
export function fullGrid(xs: readonly number[] = XS, ys: readonly number[] = YS): RuleSegment[] {
  const x0 = xs[0] as number;
  const x1 = xs.at(-1) as number;
  const y0 = ys[0] as number;
  const y1 = ys.at(-1) as number;
  return [...ys.map((y) => h(y, x0, x1)), ...xs.map((x) => v(x, y0, y1))];
}

/** Cells as "row,col rowSpan×colSpan" in grid order. */
export function cellShapes(grid: Grid | undefined): string[] {
  return (grid?.cells ?? []).map((c) => `${c.row},${c.col} ${c.rowSpan}x${c.colSpan}`);
}

export function item(text: string, x0: number, y0: number, x1: number, size = 10): TextItem {
  return { text, box: [x0, y0, x1, y0 + size], fontSize: size, fontName: "NotoSansCJKsc-Regular" };
}
