import type { Cell } from "../model/cell.js";
import type { Issue } from "../model/issue.js";
import { mapDocument } from "../stages/mapping/index.js";
import { checkTableSize, type DocBlock, type MarkupLayout, toLayout } from "../stages/markup/index.js";
import { buildOutput, decideStatusFor, reportMeta } from "../stages/output/index.js";
import { readLegacyFacts } from "../stages/rules/index.js";
import { selectTemplate } from "../templates/index.js";
import { checkRules } from "./check-rules.js";
import { type DocumentResult, type DocumentSource, failDocument } from "./document-result.js";

/** The failure message of `no_tables` (PDFs and scans too: extract-document.ts). */
export const NO_TABLES_MESSAGE =
  "A report title but none of the template's tables (nor any fact a pre-2019 report states) was found";

/**
 * A document without pages (an HTML page, a .docx) as blocks — paragraphs and tables, each part with its own
 * locator — through the same mapping and rules as a PDF. The output's `source.pages` is null and `pages` empty;
 * each cell's `page` and `bbox` are null and its `locator` names where it was read (a DOM path or a
 * paragraph/table index). Throws `InputError` for a document too large to read.
 */
export function analyseBlocks(blocks: readonly DocBlock[], source: DocumentSource): DocumentResult {
  // Bounded work: nesting (checked while reading the blocks) and table size limit what a hostile file costs.
  checkTableSize(blocks);
  const layout = toLayout(blocks);
  const mapped = mapDocument([layout.blocks], selectTemplate);
  const template = mapped.template;
  const facts = readLegacyFacts(template, mapped.narrative, mapped.cells);
  const anyTable = [...facts.value.values()].some((c) => c.value !== null && c.source !== "derived");
  if (!anyTable && mapped.title === null) {
    return failDocument(source, "not_a_report", "No report title and none of the template's tables were found");
  }
  if (!anyTable) return failDocument(source, "no_tables", NO_TABLES_MESSAGE);
  const cells = new Map([...facts.value].map(([path, cell]) => [path, locateCell(cell, layout)]));
  const checked = checkRules({
    template,
    detectedVersion: mapped.detectedVersion,
    layoutVersions: mapped.layoutVersions,
    agency: mapped.agency,
    year: mapped.year,
    cells,
    narrative: mapped.narrative,
    pageless: true,
  });
  const issues: Issue[] = [...mapped.issues, ...facts.issues, ...checked.issues];
  const output = buildOutput(
    {
      ...source,
      pageCount: null,
      meta: reportMeta(mapped),
      status: decideStatusFor(template, cells, issues, mapped.title !== null),
      cells,
      flags: checked.value,
      issues,
      pages: [],
    },
    template,
  );
  return { output, errorClass: null };
}

/** A cell with its synthetic page and box replaced by the locator of the part it was read from. */
function locateCell(cell: Cell, layout: MarkupLayout): Cell {
  const locator = cell.bbox ? layout.locate(cell.bbox) : null;
  return { ...cell, page: null, bbox: null, locator };
}
