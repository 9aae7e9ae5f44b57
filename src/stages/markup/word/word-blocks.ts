import { collapseSpace, type DocBlock, type DocCell } from "../doc-blocks.js";
import type { WordCell, WordContent, WordRow, WordTable } from "./word-tables.js";

/**
 * The nested document as the block model the .docx front end gives, with the same locators: `p[12]` for the
 * 12th body paragraph, `tbl[2]/tr[27]/tc[9]` for a cell, `tbl[1]/tr[1]/tc[1]/p[2]` inside a layout table. A
 * table holding tables, or a cell of running text, is layout: its cells are read as running content.
 */
export function toDocBlocks(content: readonly WordContent[]): DocBlock[] {
  const blocks: DocBlock[] = [];
  readContent(content, "", blocks);
  return blocks;
}

function readContent(content: readonly WordContent[], path: string, blocks: DocBlock[]): void {
  let p = 0;
  let tbl = 0;
  for (const part of content) {
    if (part.kind === "p") {
      p += 1;
      for (const line of cleanLines(part.lines))
        blocks.push({ kind: "paragraph", text: line, locator: `${path}p[${p}]` });
      continue;
    }
    tbl += 1;
    const here = `${path}tbl[${tbl}]`;
    if (isLayoutTable(part)) {
      part.rows.forEach((row, r) => {
        row.cells.forEach((cell, c) => {
          readContent(cell.content, `${here}/tr[${r + 1}]/tc[${c + 1}]/`, blocks);
        });
      });
    } else blocks.push({ kind: "table", rows: tableRows(part, here), locator: here });
  }
}

/** Characters of the longest cell text a data table prints (as for HTML and .docx). */
const MAX_DATA_CELL = 120;

function isLayoutTable(table: WordTable): boolean {
  const cells = table.rows.flatMap((row) => row.cells);
  if (cells.some((cell) => cell.content.some((c) => c.kind === "table"))) return true;
  return cells.some((cell) => {
    const lines = cellLines(cell);
    return lines.join("").length > MAX_DATA_CELL && (lines.length >= 2 || cells.length === 1);
  });
}

function cellLines(cell: WordCell): string[] {
  return cleanLines(cell.content.flatMap((c) => (c.kind === "p" ? c.lines : [])));
}

function cleanLines(lines: readonly string[]): string[] {
  return lines.map(collapseSpace).filter((l) => l !== "");
}

/** Cell boundaries closer than this (twips, 1/1440 inch) are one grid line: 15 twips is about a quarter millimetre. */
const SAME_LINE = 15;

/**
 * The table's rows in the HTML model. Column spans come from the cell boundaries each row defines (the table's
 * grid is every boundary any row has, as Word draws it); a cell merged into the one before (horzMerge) widens
 * it; a vertical merge (vertMerge: first, then continued cells) becomes a row span, the continued cells removed.
 * A row starting right of the table's left edge gets an empty cell before it.
 */
function tableRows(table: WordTable, path: string): DocCell[][] {
  const grid = gridLines(table.rows);
  type Open = { lines: string[]; rowSpan: number; colSpan: number; locator: string };
  const openMerges = new Map<number, Open>();
  return table.rows.map((row, r) => {
    const out: Open[] = [];
    const columns = placeCells(row, grid);
    let at = 0;
    // What the last cell went to: a cell of this row, or a vertical merge from above (whose horizontally merged
    // neighbours go there too).
    let last: Open | "above" | null = null;
    row.cells.forEach((cell, c) => {
      const place = columns[c] ?? { start: at, span: 1 };
      const def = row.def?.cells[c];
      const locator = `${path}/tr[${r + 1}]/tc[${c + 1}]`;
      if (place.start > at) {
        out.push({ lines: [], rowSpan: 1, colSpan: place.start - at, locator: `${path}/tr[${r + 1}]` });
        last = null;
      }
      at = Math.max(at, place.start) + place.span;
      if (def && def.horzMerge >= 2 && last !== null) {
        if (last !== "above") {
          last.colSpan += place.span;
          for (const line of cellLines(cell)) last.lines.push(line);
        }
        return;
      }
      const open = openMerges.get(place.start);
      if (def && (def.vertMerge === 1 || def.vertMerge === 2) && open) {
        open.rowSpan += 1;
        last = "above";
        return;
      }
      const made: Open = { lines: cellLines(cell), rowSpan: 1, colSpan: place.span, locator };
      out.push(made);
      last = made;
      if (def?.vertMerge === 3) openMerges.set(place.start, made);
      else openMerges.delete(place.start);
    });
    return out;
  });
}

/** The table's grid lines: every cell boundary of every row, those closer than SAME_LINE taken as one. */
function gridLines(rows: readonly WordRow[]): number[] {
  const all = rows.flatMap((row) => row.def?.centers ?? []).sort((a, b) => a - b);
  const lines: number[] = [];
  for (const x of all) if (lines.length === 0 || x - (lines.at(-1) as number) > SAME_LINE) lines.push(x);
  return lines;
}

/** Each cell's first grid column and span, from its boundaries (none for a row without a definition). */
function placeCells(row: WordRow, grid: readonly number[]): ({ start: number; span: number } | null)[] {
  const centers = row.def?.centers;
  if (!centers || centers.length < 2 || grid.length < 2) return [];
  const column = (x: number) => {
    let best = 0;
    for (let i = 1; i < grid.length; i++)
      if (Math.abs((grid[i] as number) - x) < Math.abs((grid[best] as number) - x)) best = i;
    return best;
  };
  return row.cells.map((_, c) => {
    const left = centers[c];
    const right = centers[c + 1];
    if (left === undefined || right === undefined) return null;
    const start = column(left);
    return { start, span: Math.max(1, column(right) - start) };
  });
}
