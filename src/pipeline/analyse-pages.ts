import { describeError, InputError } from "../errors.js";
import { type ErrorClass, errorClassSchema, type Issue } from "../model/issue.js";
import type { PageRead } from "../model/page-content.js";
import { flagImageTables, layoutDocument, toStoredFrame } from "../stages/layout/index.js";
import { mapDocument } from "../stages/mapping/index.js";
import { buildOutput, decideStatusFor, reportMeta } from "../stages/output/index.js";
import { findSuspectCells, markSuspectFlags, readLegacyFacts } from "../stages/rules/index.js";
import { selectTemplate } from "../templates/index.js";
import { NO_TABLES_MESSAGE } from "./analyse-blocks.js";
import { checkRules } from "./check-rules.js";
import { type DocumentResult, failDocument } from "./document-result.js";

/** Layout → mapping → rules over pages read from the text layer or by OCR (`ocrPages`). */
export function analysePages(
  source: { file: string; sha256: string; bytes: number },
  pages: readonly PageRead[],
  numPages: number,
  pageIssues: readonly Issue[],
  ocrPages: ReadonlySet<number>,
): DocumentResult {
  const doc = { numPages };
  try {
    {
      const issues: Issue[] = [...pageIssues];
      const layout = layoutDocument(pages.map((p) => p.content));
      const mapped = mapDocument(layout.pages, selectTemplate);
      const template = mapped.template;
      issues.push(...layout.issues, ...mapped.issues);
      // A `facts` template's facts the 统计表 lacks come from the narrative (none for a template without them).
      const facts = readLegacyFacts(template, mapped.narrative, mapped.cells);
      issues.push(...facts.issues);
      // Boxes on OCR pages were found on a straightened copy: report them on the page as stored.
      const { cells, narrative } = toStoredFrame(facts.value, mapped.narrative, pages);
      // A `facts` template has no table that must be there: only when it gave no fact at all may an image hold it.
      const legacyRead = template.layout === "facts" && [...cells.values()].some((c) => c.value !== null);
      if (!legacyRead) issues.push(...flagImageTables(pages, cells));
      const anyTable = [...cells.values()].some((c) => c.value !== null);
      const pageInfo = pages.map((p) => ({
        page: p.content.page,
        method: ocrPages.has(p.content.page) ? ("ocr" as const) : ("text" as const),
        text_quality: round3(p.content.textQuality),
      }));
      if (!anyTable && mapped.title === null) {
        const ocr = issues.filter((i) => i.code === "page.needs_ocr");
        // Page images read by OCR that gave (next to) nothing: the scan is unreadable, which says nothing of
        // whether it is a report.
        const ocrChars = pages
          .filter((p) => ocrPages.has(p.content.page))
          .reduce((n, p) => n + p.content.items.filter((i) => (i.confidence ?? 0) >= 0.5).length, 0);
        // Page images that could not even be decoded (damaged JBIG2/JPX/JPEG data, a declared size no decoder
        // allocates): the document takes their class, not that of an empty read.
        const broken = issues.filter((i) => i.page !== undefined && isErrorClass(i.code));
        if (broken.length > 0 && ocrChars < MIN_OCR_WORDS) {
          const first = broken[0] as Issue;
          return failDocument(
            { ...source, pages: doc.numPages },
            first.code as ErrorClass,
            `${broken.length} of ${doc.numPages} page(s) could not be decoded and nothing else could be read: ${first.message}`,
            pageInfo,
            broken,
          );
        }
        if (ocrPages.size > 0 && ocrChars < MIN_OCR_WORDS)
          return failDocument(
            { ...source, pages: doc.numPages },
            "unreadable",
            `OCR read ${ocrChars} word(s) from ${ocrPages.size} page image(s): blank, too faint or no text; no report title or table could be read`,
            pageInfo,
          );
        // Nothing readable: either it is no report, or its text must be read from the page images first.
        return ocr.length === 0
          ? failDocument(
              { ...source, pages: doc.numPages },
              "not_a_report",
              "No report title and none of the template's tables were found",
              pageInfo,
            )
          : failDocument(
              { ...source, pages: doc.numPages },
              "unsupported",
              `No usable text layer: ${ocr.length} of ${doc.numPages} page(s) need OCR, and OCR read nothing usable from them`,
              pageInfo,
              ocr,
            );
      }
      // A report's title over no table (a portal page linking to the report, the tables left out): no data.
      if (!anyTable && !issues.some((i) => i.code === "page.needs_ocr")) {
        return failDocument({ ...source, pages: doc.numPages }, "no_tables", NO_TABLES_MESSAGE, pageInfo);
      }
      const ruleInput = {
        template,
        detectedVersion: mapped.detectedVersion,
        layoutVersions: mapped.layoutVersions,
        agency: mapped.agency,
        year: mapped.year,
        cells,
        narrative,
      };
      // On OCR pages the rules double as a checksum: name the likely misread, keep the printed value.
      const checked = checkRules(ruleInput, (found) => (ocrPages.size > 0 ? findSuspectCells(ruleInput, found) : []));
      issues.push(...checked.issues);
      // A failure that a likely misread explains is an uncertain reading, not a published error.
      const flags = markSuspectFlags(checked.value, issues, template);
      const output = buildOutput(
        {
          ...source,
          pageCount: doc.numPages,
          meta: reportMeta(mapped),
          status: decideStatusFor(template, cells, issues, mapped.title !== null),
          cells,
          flags,
          issues,
          pages: pageInfo,
        },
        template,
      );
      return { output, errorClass: null };
    }
  } catch (error) {
    if (error instanceof InputError) return failDocument(source, error.errorClass, error.message);
    return failDocument(source, "internal", `Internal error: ${describeError(error)}`);
  }
}

/** Whether an issue code is an error class (a page that failed as a whole says which class). */
function isErrorClass(code: string): code is ErrorClass {
  return (errorClassSchema.options as readonly string[]).includes(code);
}

/** Fewer surely read OCR words than this on a document's page images: nothing could be read. */
const MIN_OCR_WORDS = 5;

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
