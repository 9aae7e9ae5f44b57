import { InputError } from "../errors.js";
import type { Cell } from "../model/cell.js";
import type { ErrorClass, Issue } from "../model/issue.js";
import type { ReportOutput } from "../model/report.js";
import type { InputFile } from "../stages/ingest/index.js";
import { mapDocument } from "../stages/mapping/index.js";
import {
  checkTableSize,
  type DocBlock,
  decodeHtml,
  docxBlocks,
  htmlBlocks,
  type MarkupLayout,
  readDocumentXml,
  toLayout,
} from "../stages/markup/index.js";
import { buildOutput, decideStatusFor } from "../stages/output/index.js";
import { readLegacyFacts } from "../stages/rules/index.js";
import { selectTemplate } from "../templates/select-template.js";
import { checkRules } from "./check-rules.js";

/** The failure message of `no_tables` (PDFs and scans too: extract-document.ts). */
export const NO_TABLES_MESSAGE =
  "A report title but none of the template's tables (nor any fact a pre-2019 report states) was found";

/** The part of the output that comes from the file itself. */
export interface MarkupSource {
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
}

export type MarkupResult =
  | { readonly kind: "ok"; readonly output: ReportOutput }
  | { readonly kind: "failed"; readonly errorClass: ErrorClass; readonly message: string };

/**
 * An HTML page or a .docx document through the same mapping and rules as a PDF. It has no pages: the
 * output's `source.pages` is null and `pages` empty; each cell's `page` and `bbox` are null and its
 * `locator` names where it was read (a DOM path or a paragraph/table index).
 */
export function extractMarkup(input: InputFile, source: MarkupSource): MarkupResult {
  let blocks: DocBlock[];
  try {
    if (input.kind === "html") blocks = htmlBlocks(decodeHtml(input.bytes).text);
    else {
      let xml: string | null;
      try {
        xml = readDocumentXml(input.bytes);
      } catch (error) {
        if (error instanceof InputError) throw error;
        return { kind: "failed", errorClass: "corrupt", message: `Cannot unzip the .docx: ${describe(error)}` };
      }
      if (xml === null) return { kind: "failed", errorClass: "corrupt", message: "The ZIP has no word/document.xml" };
      blocks = docxBlocks(xml);
    }
    // Bounded work: nesting (checked while reading the blocks) and table size limit what a hostile file costs.
    checkTableSize(blocks);
  } catch (error) {
    if (error instanceof InputError) return { kind: "failed", errorClass: error.errorClass, message: error.message };
    throw error;
  }
  const layout = toLayout(blocks);
  const mapped = mapDocument([layout.blocks], selectTemplate);
  const template = mapped.template;
  const legacyIssues = readLegacyFacts(template, mapped.narrative, mapped.cells);
  const anyTable = [...mapped.cells.values()].some((c) => c.value !== null && c.source !== "derived");
  if (!anyTable && mapped.title === null) {
    return {
      kind: "failed",
      errorClass: "not_a_report",
      message: "No report title and none of the template's tables were found",
    };
  }
  if (!anyTable) return { kind: "failed", errorClass: "no_tables", message: NO_TABLES_MESSAGE };
  const issues: Issue[] = [...mapped.issues, ...legacyIssues];
  const cells = new Map([...mapped.cells].map(([path, cell]) => [path, locateCell(cell, layout)]));
  const flags = checkRules(
    {
      template,
      detectedVersion: mapped.detectedVersion,
      layoutVersions: mapped.layoutVersions,
      agency: mapped.agency,
      year: mapped.year,
      cells,
      narrative: mapped.narrative,
      pageless: true,
    },
    issues,
  );
  const output = buildOutput(
    {
      ...source,
      pageCount: null,
      meta: {
        agency: mapped.agency,
        year: mapped.year,
        template: mapped.detectedVersion,
        title: mapped.title,
        confidence: mapped.confidence,
      },
      status: decideStatusFor(template, cells, issues, mapped.title !== null),
      cells,
      flags,
      issues,
      pages: [],
    },
    template,
  );
  return { kind: "ok", output };
}

/** A cell with its synthetic page and box replaced by the locator of the part it was read from. */
function locateCell(cell: Cell, layout: MarkupLayout): Cell {
  const locator = cell.bbox ? layout.locate(cell.bbox) : null;
  return { ...cell, page: null, bbox: null, locator };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
