import type { Document } from "domhandler";
import { InputError } from "../../errors.js";
import type { DocBlock } from "./doc-blocks.js";

/**
 * Elements nested deeper than this make a page gongkai does not read. Real report pages and Word files nest a
 * few dozen deep (a portal's layout tables included); the walks over the tree recurse once per level, so
 * a hostile file (100,000 nested divs, 5,000 nested Word tables) would overflow the stack.
 */
export const MAX_NESTING = 256;

/** Throws `unsupported` when the tree is deeper than `MAX_NESTING`; an iterative walk, safe at any depth. */
export function checkNesting(document: Document): void {
  const stack: { node: { children?: unknown[] }; depth: number }[] = [{ node: document, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as (typeof stack)[number];
    if (depth > MAX_NESTING) {
      throw new InputError(
        "unsupported",
        `The document nests elements more than ${MAX_NESTING} deep: not a layout gongkai reads`,
      );
    }
    for (const child of node.children ?? []) stack.push({ node: child as { children?: unknown[] }, depth: depth + 1 });
  }
}

/**
 * Table cells (rows counted as cells too) a document may hold. A report's tables have a few hundred cells, a
 * portal page a few thousand; a page past this is no report and is refused before it is mapped. The mapping
 * is linear in a table's cells (40,000 rows in 2 s: scripts/bench-markup-rows.ts), so this bounds memory and
 * time per document, not a quadratic walk.
 */
export const MAX_TABLE_CELLS = 20_000;

/** Grid slots the tables may cover once their spans are expanded (a 1,000-column span over 1,000 rows …). */
const MAX_TABLE_SLOTS = 2_000_000;

/**
 * Throws `too_large` when the tables of `blocks` hold more than `MAX_TABLE_CELLS` cells (rows count as cells
 * too: a page of empty rows) or cover more than `MAX_TABLE_SLOTS` grid slots together.
 */
export function checkTableSize(blocks: readonly DocBlock[]): void {
  let cells = 0;
  let slots = 0;
  for (const block of blocks) {
    if (block.kind !== "table") continue;
    block.rows.forEach((row, r) => {
      cells += row.length + 1;
      for (const cell of row) slots += cell.colSpan * Math.max(1, Math.min(cell.rowSpan, block.rows.length - r));
    });
  }
  if (slots > MAX_TABLE_SLOTS) {
    throw new InputError("too_large", `The document's tables span ${slots} grid slots, more than gongkai reads`);
  }
  if (cells > MAX_TABLE_CELLS) {
    throw new InputError(
      "too_large",
      `The document's tables hold ${cells} cells, more than the ${MAX_TABLE_CELLS} gongkai reads (a report has hundreds)`,
    );
  }
}
