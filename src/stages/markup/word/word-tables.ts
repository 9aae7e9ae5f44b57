import type { WordParagraph } from "./paragraphs.js";
import type { RowDef } from "./table-def.js";

/**
 * The document as Word nests it: body paragraphs and tables, each table's rows of cells holding paragraphs and
 * tables of their own. Built from the paragraph sequence: a paragraph's depth says which table it is in, a cell
 * mark ends a cell, a row-end (TTP) paragraph ends a row and carries the row's cell layout.
 */
export type WordContent = { readonly kind: "p"; readonly lines: readonly string[] } | WordTable;

export interface WordTable {
  readonly kind: "table";
  readonly rows: WordRow[];
}

export interface WordRow {
  readonly cells: WordCell[];
  readonly def: RowDef | null;
}

export interface WordCell {
  readonly content: WordContent[];
}

interface OpenTable {
  readonly table: WordTable;
  pending: WordCell[];
  current: WordCell;
}

export function nestTables(paragraphs: readonly WordParagraph[]): WordContent[] {
  const body: WordContent[] = [];
  const stack: OpenTable[] = [];
  const close = () => {
    const open = stack.pop() as OpenTable;
    // A row whose row-end paragraph is missing (a file cut short, a writer's slip) still counts.
    if (open.current.content.length > 0) open.pending.push(open.current);
    if (open.pending.length > 0) open.table.rows.push({ cells: open.pending, def: null });
    if (open.table.rows.length === 0) return;
    const parent = stack.at(-1);
    (parent ? parent.current.content : body).push(open.table);
  };
  for (const paragraph of paragraphs) {
    const { depth, rowEnd, cellEnd, row } = paragraph.props;
    while (stack.length > depth) close();
    while (stack.length < depth)
      stack.push({ table: { kind: "table", rows: [] }, pending: [], current: { content: [] } });
    const text: WordContent = { kind: "p", lines: paragraph.lines };
    const open = stack.at(-1);
    if (open === undefined) {
      body.push(text);
    } else if (rowEnd) {
      // The row-end paragraph holds no text of its own; a cell left open before it is kept.
      if (open.current.content.length > 0) open.pending.push(open.current);
      open.table.rows.push({ cells: open.pending, def: row });
      open.pending = [];
      open.current = { content: [] };
    } else {
      open.current.content.push(text);
      if (cellEnd) {
        open.pending.push(open.current);
        open.current = { content: [] };
      }
    }
  }
  while (stack.length > 0) close();
  return body;
}
