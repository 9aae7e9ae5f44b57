import type { ChildNode, Element } from "domhandler";
import { isTag, isText } from "domhandler";
import { parseDocument } from "htmlparser2";
import { collapseSpace, type DocBlock, type DocCell } from "./doc-blocks.js";
import { checkNesting } from "./nesting.js";

/**
 * Paragraphs and tables of a Word document body (WordprocessingML), in order. Tables keep their merges:
 * `w:gridSpan` becomes a column span and a `w:vMerge` run (restart, then continue cells) a row span, so the
 * grid is the one Word draws. A table holding tables is layout: its cells are read as running content.
 * Locators: `p[12]` for the 12th body paragraph, `tbl[1]/tr[3]/tc[2]` for a cell.
 */
export function docxBlocks(xml: string): DocBlock[] {
  const document = parseDocument(xml, { xmlMode: true, decodeEntities: true });
  checkNesting(document);
  const body = findFirst(document.children, "w:body");
  if (!body) return [];
  const blocks: DocBlock[] = [];
  readContent(body.children, "", blocks, { p: 0, tbl: 0 });
  return blocks;
}

function readContent(
  nodes: readonly ChildNode[],
  path: string,
  blocks: DocBlock[],
  counts: { p: number; tbl: number },
): void {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    if (node.name === "w:p") {
      counts.p += 1;
      const locator = `${path}p[${counts.p}]`;
      for (const line of paragraphLines(node)) blocks.push({ kind: "paragraph", text: line, locator });
    } else if (node.name === "w:tbl") {
      counts.tbl += 1;
      const here = `${path}tbl[${counts.tbl}]`;
      if (isLayoutTable(node)) {
        rowsOf(node).forEach((tr, r) => {
          cellsOf(tr).forEach((tc, c) => {
            readContent(tc.children, `${here}/tr[${r + 1}]/tc[${c + 1}]/`, blocks, { p: 0, tbl: 0 });
          });
        });
      } else blocks.push({ kind: "table", rows: tableRows(node, here), locator: here });
    } else if (node.name === "w:sdt" || node.name === "w:sdtContent" || node.name === "w:customXml") {
      // Content controls and custom XML wrap ordinary paragraphs and tables.
      readContent(node.children, path, blocks, counts);
    }
  }
}

/** Characters of the longest cell text a data table prints (as for HTML, html-blocks.ts). */
const MAX_DATA_CELL = 120;

/**
 * A table used for layout: it holds tables, or a cell holds running text in several paragraphs or alone in the
 * table (a framed narrative); a data table's one-paragraph footnote row does not count.
 */
function isLayoutTable(tbl: Element): boolean {
  const cells = rowsOf(tbl).flatMap(cellsOf);
  if (findFirst(cells, "w:tbl")) return true;
  return cells.some((tc) => {
    const lines = tc.children.filter((n): n is Element => isTag(n) && n.name === "w:p").flatMap(paragraphLines);
    return lines.join("").length > MAX_DATA_CELL && (lines.length >= 2 || cells.length === 1);
  });
}

function rowsOf(tbl: Element): Element[] {
  return tbl.children.filter((n): n is Element => isTag(n) && n.name === "w:tr");
}

function cellsOf(tr: Element): Element[] {
  return tr.children.flatMap((n) => {
    if (!isTag(n)) return [];
    if (n.name === "w:tc") return [n];
    // Cells wrapped in a content control.
    if (n.name === "w:sdt") {
      const content = findFirst(n.children, "w:sdtContent");
      return content ? content.children.filter((c): c is Element => isTag(c) && c.name === "w:tc") : [];
    }
    return [];
  });
}

/** The table's rows in the HTML model: row spans from vMerge runs, continuation cells removed. */
function tableRows(tbl: Element, path: string): DocCell[][] {
  type Open = { cell: { lines: string[]; rowSpan: number; colSpan: number; locator: string } };
  const rows: Open["cell"][][] = [];
  /** The cell that started a vertical merge, by its first grid column. */
  const openMerges = new Map<number, Open["cell"]>();
  rowsOf(tbl).forEach((tr, r) => {
    const row: Open["cell"][] = [];
    let col = 0;
    const before = Number(attr(findFirst(findFirst(tr.children, "w:trPr")?.children ?? [], "w:gridBefore"), "w:val"));
    if (Number.isFinite(before) && before > 0) {
      row.push({ lines: [], rowSpan: 1, colSpan: clampSpan(before), locator: `${path}/tr[${r + 1}]` });
      col += clampSpan(before);
    }
    cellsOf(tr).forEach((tc, c) => {
      const props = findFirst(tc.children, "w:tcPr")?.children ?? [];
      const span = Number(attr(findFirst(props, "w:gridSpan"), "w:val"));
      const colSpan = clampSpan(span);
      const vMerge = findFirst(props, "w:vMerge");
      const mergeValue = vMerge ? (attr(vMerge, "w:val") ?? "continue") : null;
      const open = openMerges.get(col);
      if (mergeValue === "continue" && open) {
        open.rowSpan += 1;
      } else {
        const cell = {
          lines: tc.children.filter((n): n is Element => isTag(n) && n.name === "w:p").flatMap(paragraphLines),
          rowSpan: 1,
          colSpan,
          locator: `${path}/tr[${r + 1}]/tc[${c + 1}]`,
        };
        row.push(cell);
        if (mergeValue === "restart") openMerges.set(col, cell);
        else openMerges.delete(col);
      }
      col += colSpan;
    });
    rows.push(row);
  });
  return rows;
}

/** A paragraph's text as lines (w:br and w:cr break lines; w:tab is a space; deleted and moved-away text is skipped). */
function paragraphLines(p: Element): string[] {
  const lines: string[] = [];
  let line = "";
  const visit = (nodes: readonly ChildNode[]) => {
    for (const node of nodes) {
      if (!isTag(node)) continue;
      switch (node.name) {
        case "w:t":
          line += node.children.map((c) => (isText(c) ? c.data : "")).join("");
          break;
        case "w:tab":
          line += " ";
          break;
        case "w:br":
        case "w:cr":
          lines.push(line);
          line = "";
          break;
        case "w:del":
        case "w:moveFrom":
        case "w:delText":
        case "w:instrText":
        case "w:pPr":
        case "w:rPr":
          break;
        default:
          visit(node.children);
      }
    }
  };
  visit(p.children);
  lines.push(line);
  return lines.map((l) => collapseSpace(l)).filter((l) => l !== "");
}

/** Word tables have at most 63 columns; a larger span (a hostile 1e9) is clamped to that. */
const MAX_WORD_COLUMNS = 63;

function clampSpan(value: number): number {
  return Number.isFinite(value) && value >= 1 ? Math.min(Math.floor(value), MAX_WORD_COLUMNS) : 1;
}

function findFirst(nodes: readonly ChildNode[], name: string): Element | null {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    if (node.name === name) return node;
    const inner = findFirst(node.children, name);
    if (inner) return inner;
  }
  return null;
}

function attr(node: Element | null, name: string): string | undefined {
  return node?.attribs[name];
}
