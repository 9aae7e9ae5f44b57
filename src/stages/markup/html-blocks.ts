import type { ChildNode, Element } from "domhandler";
import { isTag, isText } from "domhandler";
import { parseDocument } from "htmlparser2";
import { collapseSpace, type DocBlock, type DocCell, type DocParagraph } from "./doc-blocks.js";
import { checkNesting } from "./nesting.js";

/** Elements that end a line of running text. */
const BLOCK = new Set([
  ...["p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "center", "blockquote"],
  ...["h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "pre", "address", "form", "hr"],
  ...["table", "tr", "td", "th", "caption", "tbody", "thead", "tfoot", "body", "html", "figure", "figcaption"],
]);
const SKIP = new Set(["script", "style", "noscript", "template", "head", "iframe", "object", "select", "button"]);

/**
 * Paragraphs and tables of an HTML page from its DOM, in document order. A table whose cells hold other
 * tables or running text is page layout, not data: its cells are read as running content, so a data table nested in a layout
 * table is found at any depth. Data tables keep their rowspan/colspan (expanded later into a grid). The
 * page `<title>` (without a "_portal name" suffix) comes first, so the report title is found even below a
 * portal's navigation.
 */
export function htmlBlocks(html: string): DocBlock[] {
  const document = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  checkNesting(document);
  const body: DocBlock[] = [];
  const walker = new Walker(body);
  walker.walk(document.children, "");
  walker.flush();
  // The report title first: the page <title> when it is one, else the first paragraph that reads as one
  // (a portal's navigation and breadcrumbs can push it far down).
  const title = findTitle(document.children);
  const heading = body.find((b): b is DocParagraph => b.kind === "paragraph" && REPORT_TITLE.test(b.text));
  if (title !== null && REPORT_TITLE.test(title))
    return [{ kind: "paragraph", text: title, locator: "head/title" }, ...body];
  return heading && heading !== body[0] ? [{ ...heading }, ...body] : body;
}

/** A report title: a year and 政府信息公开…报告/年报, not a whole paragraph of running text. */
const REPORT_TITLE =
  /^(?=.{0,80}$)(?=.*(?:19|20)\d\d|.*[〇零二][〇零一二三四五六七八九]{3}年).*政府信息公开.{0,6}(?:报告|年报)/;

function findTitle(nodes: readonly ChildNode[]): string | null {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    if (node.name === "title") {
      const text = collapseSpace(textOf(node));
      // "XX局2023年政府信息公开工作年度报告_XX市人民政府门户网站": the report's own title is before the separator.
      const own = text.split(/\s*[_|｜]\s*|\s+[-–—]\s+/)[0] ?? "";
      return own === "" ? null : own;
    }
    if (node.name === "body") continue;
    const inner = findTitle(node.children);
    if (inner) return inner;
  }
  return null;
}

class Walker {
  private line = "";
  private lineLocator = "";

  constructor(private readonly blocks: DocBlock[]) {}

  walk(nodes: readonly ChildNode[], path: string): void {
    const seen = new Map<string, number>();
    for (const node of nodes) {
      if (isText(node)) {
        if (node.data.trim() !== "" && this.line === "") this.lineLocator = path === "" ? "text()" : path;
        this.line += node.data;
        continue;
      }
      if (!isTag(node) || SKIP.has(node.name)) continue;
      const index = (seen.get(node.name) ?? 0) + 1;
      seen.set(node.name, index);
      const here = `${path === "" ? "" : `${path}/`}${node.name}[${index}]`;
      if (node.name === "br") {
        this.flush();
        continue;
      }
      if (node.name === "img") {
        const src = (node.attribs.src ?? "").trim();
        if (src !== "") {
          this.flush();
          this.blocks.push({
            kind: "image",
            src,
            alt: collapseSpace(node.attribs.alt ?? node.attribs.title ?? ""),
            width: pixels(node.attribs.width),
            height: pixels(node.attribs.height),
            locator: here,
          });
        }
        continue;
      }
      if (node.name === "table") {
        this.flush();
        if (isLayoutTable(node)) this.walk(node.children, here);
        else {
          // A <caption> ("第二十条第（一）项", "政府信息公开情况统计表") is a line above its table.
          const caption = node.children.find((c): c is Element => isTag(c) && c.name === "caption");
          const text = caption ? collapseSpace(textOf(caption)) : "";
          if (text !== "") this.blocks.push({ kind: "paragraph", text, locator: `${here}/caption[1]` });
          this.blocks.push({ kind: "table", rows: tableRows(node, here), locator: here });
        }
        continue;
      }
      const block = BLOCK.has(node.name);
      if (block) this.flush();
      this.walk(node.children, here);
      if (block) this.flush();
    }
  }

  flush(): void {
    const text = collapseSpace(this.line);
    if (text !== "") this.blocks.push({ kind: "paragraph", text, locator: this.lineLocator });
    this.line = "";
  }
}

/**
 * A table used for page layout, not data: it holds other tables, or a cell holds running text — longer than any
 * template label and in several paragraphs, or alone in the table (a narrative framed by a one-cell table). A
 * data table's one-paragraph footnote row ("注：…") does not make it layout.
 */
function isLayoutTable(table: Element): boolean {
  if (containsTable(table)) return true;
  const cells = tableCells(table);
  return cells.some((cell) => {
    const lines = cellLines(cell);
    return lines.join("").length > MAX_DATA_CELL && (lines.length >= 2 || cells.length === 1);
  });
}

/** Characters of running text no data-table cell prints (the 三 header note is 34, labels ≤ 40). */
const MAX_DATA_CELL = 120;

/** The td/th cells of a table, not of tables nested in it. */
function tableCells(table: Element): Element[] {
  const cells: Element[] = [];
  const stack = [...table.children];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || !isTag(node) || node.name === "table") continue;
    if (node.name === "td" || node.name === "th") cells.push(node);
    else for (const child of node.children) stack.push(child);
  }
  return cells;
}

function containsTable(table: Element): boolean {
  const stack = [...table.children];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || !isTag(node)) continue;
    if (node.name === "table") return true;
    for (const child of node.children) stack.push(child);
  }
  return false;
}

/** The rows of a data table (through thead/tbody/tfoot), each with its td/th cells and their locators. */
function tableRows(table: Element, path: string): DocCell[][] {
  const rows: DocCell[][] = [];
  const visit = (nodes: readonly ChildNode[], at: string) => {
    const seen = new Map<string, number>();
    for (const node of nodes) {
      if (!isTag(node)) continue;
      const index = (seen.get(node.name) ?? 0) + 1;
      seen.set(node.name, index);
      const here = `${at}/${node.name}[${index}]`;
      if (node.name === "tr") rows.push(rowCells(node, here));
      else if (node.name === "thead" || node.name === "tbody" || node.name === "tfoot") visit(node.children, here);
    }
  };
  visit(table.children, path);
  return dropTrailingEmptyRows(rows);
}

/** Rows at the end with no text at all (Word's HTML export ends tables with a spacer row of empty cells). */
function dropTrailingEmptyRows(rows: DocCell[][]): DocCell[][] {
  let end = rows.length;
  while (end > 0 && (rows[end - 1] ?? []).every((cell) => cell.lines.length === 0)) end--;
  return rows.slice(0, end);
}

function rowCells(tr: Element, path: string): DocCell[] {
  const cells: DocCell[] = [];
  const seen = new Map<string, number>();
  for (const node of tr.children) {
    if (!isTag(node) || (node.name !== "td" && node.name !== "th")) continue;
    const index = (seen.get(node.name) ?? 0) + 1;
    seen.set(node.name, index);
    cells.push({
      lines: cellLines(node),
      rowSpan: spanOf(node.attribs.rowspan),
      colSpan: spanOf(node.attribs.colspan),
      locator: `${path}/${node.name}[${index}]`,
    });
  }
  return cells;
}

/** A `width`/`height` attribute in CSS pixels ("600", "600px"); null for percentages and anything else. */
function pixels(value: string | undefined): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$/i.exec(value ?? "");
  return match ? Number(match[1]) : null;
}

function spanOf(value: string | undefined): number {
  const n = Number.parseInt(value ?? "", 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

/** A cell's text split at <br> and block elements into lines. */
function cellLines(cell: Element): string[] {
  const lines: string[] = [];
  let line = "";
  const flush = () => {
    const text = collapseSpace(line);
    if (text !== "") lines.push(text);
    line = "";
  };
  const visit = (nodes: readonly ChildNode[]) => {
    for (const node of nodes) {
      if (isText(node)) line += node.data;
      else if (isTag(node) && !SKIP.has(node.name)) {
        if (node.name === "br") flush();
        else {
          const block = BLOCK.has(node.name);
          if (block) flush();
          visit(node.children);
          if (block) flush();
        }
      }
    }
  };
  visit(cell.children);
  flush();
  return lines;
}

function textOf(node: Element): string {
  return node.children.map((child) => (isText(child) ? child.data : isTag(child) ? textOf(child) : "")).join("");
}
