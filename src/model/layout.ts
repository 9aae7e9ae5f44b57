import type { Box } from "./geometry.js";
import type { TextItem } from "./page-content.js";

/** A cell of a ruled table: its slot range in the grid and the text items whose centres fall in it. */
export interface GridCell {
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly box: Box;
  readonly items: TextItem[];
}

/** A ruled table on one page: grid line positions (top-left coordinates) and its cells, row-major. */
export interface Grid {
  readonly page: number;
  readonly box: Box;
  /** Horizontal rule positions, top to bottom (rows = ys.length - 1). */
  readonly ys: readonly number[];
  /** Vertical rule positions, left to right (columns = xs.length - 1). */
  readonly xs: readonly number[];
  readonly cells: readonly GridCell[];
}

/** A line of text outside any ruled table, items left to right. */
export interface TextLine {
  readonly page: number;
  readonly box: Box;
  readonly items: readonly TextItem[];
  readonly text: string;
}

/** Page content in reading order: ruled tables and free lines (page numbers and running heads removed). */
export type LayoutBlock =
  | { readonly kind: "grid"; readonly grid: Grid }
  | { readonly kind: "line"; readonly line: TextLine };
