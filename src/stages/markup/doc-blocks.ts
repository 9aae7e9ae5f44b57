/**
 * A document without pages (an HTML page, a .docx file) as the mapper needs it: paragraphs and tables in
 * reading order, each part with a locator (a DOM path such as `table[2]/tr[5]/td[3]`, or a paragraph index
 * such as `p[12]` / `tbl[1]/tr[3]/tc[2]`) in place of a page and box.
 */

/** A table cell as written: its lines of text, its spans, and where it is in the source. */
export interface DocCell {
  /** Lines of the cell (<br>, several <p> / w:p), trimmed, whitespace-collapsed. */
  readonly lines: readonly string[];
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly locator: string;
}

export interface DocTable {
  readonly kind: "table";
  /** Rows of cells as written, spans not yet expanded (a cell covered by a span above is absent). */
  readonly rows: readonly (readonly DocCell[])[];
  readonly locator: string;
}

export interface DocParagraph {
  readonly kind: "paragraph";
  readonly text: string;
  readonly locator: string;
}

/**
 * A picture in the running content of a web page (`<img>`): a table pasted as a screenshot or scan is common on
 * portals. Its pixels are not in the markup; the front end finds them (in a web archive, beside a saved page).
 */
export interface DocImage {
  readonly kind: "image";
  /** The `src` attribute as written (relative, absolute, `cid:`, `data:`). */
  readonly src: string;
  readonly alt: string;
  /** Declared `width` / `height` attributes in CSS pixels, when given as numbers. */
  readonly width: number | null;
  readonly height: number | null;
  readonly locator: string;
}

export type DocBlock = DocTable | DocParagraph | DocImage;

/** A cell placed in the expanded grid: top-left slot and spans. */
export interface PlacedCell {
  readonly row: number;
  readonly col: number;
  readonly cell: DocCell;
}

/**
 * The HTML table model (rowspan/colspan) expanded into a grid: each cell goes to the first slot of its row
 * that no earlier row's rowspan still covers. Returns the placed cells row-major and the grid's size.
 */
export function expandGrid(rows: readonly (readonly DocCell[])[]): {
  cells: PlacedCell[];
  rowCount: number;
  colCount: number;
} {
  const taken: boolean[][] = [];
  const cells: PlacedCell[] = [];
  let colCount = 0;
  rows.forEach((row, r) => {
    const line = (taken[r] ??= []);
    let col = 0;
    for (const cell of row) {
      while (line[col]) col++;
      // A rowspan never reaches past the table (HTML clamps it the same way).
      const rowSpan = Math.max(1, Math.min(cell.rowSpan, rows.length - r));
      const colSpan = Math.max(1, cell.colSpan);
      for (let dr = 0; dr < rowSpan; dr++) {
        const covered = (taken[r + dr] ??= []);
        for (let dc = 0; dc < colSpan; dc++) covered[col + dc] = true;
      }
      cells.push({ row: r, col, cell: { ...cell, rowSpan, colSpan } });
      col += colSpan;
      colCount = Math.max(colCount, col);
    }
  });
  return { cells, rowCount: rows.length, colCount };
}

/** Whitespace (incl. &nbsp; and the ideographic space) collapsed to single spaces, trimmed. */
export function collapseSpace(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, " ").trim();
}
