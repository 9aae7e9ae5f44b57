import type { Cell } from "../../model/cell.js";
import { readCompoundFile, readWebArchive } from "../../stages/ingest/index.js";
import {
  type DocBlock,
  type DocTable,
  decodeHtml,
  docxBlocks,
  htmlBlocks,
  readDocumentXml,
  wordBinaryBlocks,
} from "../../stages/markup/index.js";
import { cellLabel } from "./cell-label.js";
import { escapeHtml } from "./html.js";
import { renderNarrativeParagraphs } from "./narrative-clause.js";
import type { ReviewFlag } from "./review-model.js";

/** Sources shown as their tables: HTML, .docx, Word 97–2003 (.doc/.wps, kind `cfb`) and web archives (`mht`). */
export type MarkupKind = "html" | "docx" | "cfb" | "mht";

/**
 * The tables of an HTML page, a Word file or a web archive as they are written in the source (spans kept), in place of page
 * images: every table holding an extracted cell, each such cell marked with its path so a click or a flag
 * highlights it. Read with the markup stage's own readers, so the locators are the ones the cells carry. Only
 * text is copied: no markup, script or style of the source reaches the review page.
 */
export function renderSourceTables(
  bytes: Uint8Array,
  kind: MarkupKind,
  cells: Readonly<Record<string, Cell>>,
  flags: readonly ReviewFlag[],
  flagged: ReadonlyMap<string, string>,
): string | null {
  const blocks = readBlocks(bytes, kind);
  if (blocks === null) return null;
  // The sentences narrative flags quote, marked, before the tables.
  const narrative = renderNarrativeParagraphs(blocks, flags);
  const byLocator = new Map<string, string>();
  for (const [path, cell] of Object.entries(cells)) if (cell.locator) byLocator.set(cell.locator, path);
  const tables = blocks.filter(
    (b): b is DocTable => b.kind === "table" && b.rows.some((row) => row.some((c) => byLocator.has(c.locator))),
  );
  if (tables.length === 0 && narrative === "") return null;
  return [narrative, ...tables.map((table) => renderTable(table, byLocator, flagged))].filter(Boolean).join("\n");
}

function readBlocks(bytes: Uint8Array, kind: MarkupKind): DocBlock[] | null {
  try {
    if (kind === "html") return htmlBlocks(decodeHtml(bytes).text);
    if (kind === "mht") {
      const page = readWebArchive(bytes).html;
      return htmlBlocks(decodeHtml(page.body(), { charset: page.charset }).text);
    }
    if (kind === "cfb") {
      const container = readCompoundFile(bytes);
      const wordDocument = container.stream("WordDocument");
      return wordDocument === null ? null : wordBinaryBlocks({ wordDocument, stream: container.stream });
    }
    const xml = readDocumentXml(bytes);
    return xml === null ? null : docxBlocks(xml);
  } catch {
    return null;
  }
}

function renderTable(
  table: DocTable,
  byLocator: ReadonlyMap<string, string>,
  flagged: ReadonlyMap<string, string>,
): string {
  const rows = table.rows.map((row) => {
    const cells = row.map((cell) => {
      const path = byLocator.get(cell.locator);
      const spans = `${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ""}${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ""}`;
      const text = cell.lines.map(escapeHtml).join("<br>");
      if (path === undefined) return `<td${spans}>${text}</td>`;
      const severity = flagged.get(path);
      const classes = ["src-cell", ...(severity === undefined ? [] : [`flag-${severity}`])];
      return `<td${spans} class="${classes.join(" ")}" data-path="${escapeHtml(path)}" data-locator="${escapeHtml(cell.locator)}" title="${escapeHtml(`${cellLabel(path)} · ${cell.locator}`)}" tabindex="0">${text}</td>`;
    });
    return `<tr>${cells.join("")}</tr>`;
  });
  return `<table class="source-table" data-locator="${escapeHtml(table.locator)}"><tbody>\n${rows.join("\n")}\n</tbody></table>`;
}
