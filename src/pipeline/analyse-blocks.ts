import { checkTableSize, type DocBlock, toLayout } from "../stages/markup/index.js";
import { type DocumentSource, type FrontEndResult, failedDocument, NO_TABLES_MESSAGE } from "./document-result.js";
import { finishDocument, mapAndLocate } from "./finish-document.js";
import { pathLocator } from "./locators.js";

/**
 * A document without pages (an HTML page, a .docx, a .doc) as blocks — paragraphs and tables, each part with its
 * own path — through the same mapping and rules as a PDF, its cells located by path (`pathLocator`). The
 * output's `source.pages` is null and `pages` empty; each cell's `page` and `bbox` are null and its `locator`
 * names where it was read (a DOM path or a paragraph/table index). Throws `InputError` for a document too large
 * to read.
 */
export function analyseBlocks(blocks: readonly DocBlock[], source: DocumentSource): FrontEndResult {
  // Bounded work: nesting (checked while reading the blocks) and table size limit what a hostile file costs.
  checkTableSize(blocks);
  const layout = toLayout(blocks);
  const report = mapAndLocate([layout.blocks], pathLocator(layout));
  const anyTable = [...report.cells.values()].some((c) => c.value !== null && c.source !== "derived");
  if (!anyTable && report.mapped.title === null) {
    return failedDocument("not_a_report", "No report title and none of the template's tables were found");
  }
  if (!anyTable) return failedDocument("no_tables", NO_TABLES_MESSAGE);
  return finishDocument(report, { source, pageCount: null, pages: [], issues: report.issues, ocr: false });
}
