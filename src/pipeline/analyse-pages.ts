import { describeError, InputError } from "../errors.js";
import { type ErrorClass, errorClassSchema, type Issue } from "../model/issue.js";
import type { PageRead } from "../model/page-content.js";
import { flagImageTables, layoutDocument } from "../stages/layout/index.js";
import { type FrontEndResult, failedDocument, NO_TABLES_MESSAGE } from "./document-result.js";
import { finishDocument, mapAndLocate } from "./finish-document.js";
import { pageLocator } from "./locators.js";

/** Layout → mapping → rules over pages read from the text layer or by OCR (`ocrPages`). */
export function analysePages(
  source: { file: string; sha256: string; bytes: number },
  pages: readonly PageRead[],
  numPages: number,
  pageIssues: readonly Issue[],
  ocrPages: ReadonlySet<number>,
): FrontEndResult {
  try {
    const layout = layoutDocument(pages.map((p) => p.content));
    const report = mapAndLocate(layout.pages, pageLocator(pages));
    const { mapped, cells } = report;
    // A `facts` template has no table that must be there: only when it gave no fact at all may an image hold it.
    const legacyRead = mapped.template.layout === "facts" && [...cells.values()].some((c) => c.value !== null);
    const issues = [
      ...pageIssues,
      ...layout.issues,
      ...report.issues,
      ...(legacyRead ? [] : flagImageTables(pages, cells)),
    ];
    const anyTable = [...cells.values()].some((c) => c.value !== null);
    const pageInfo = pages.map((p) => ({
      page: p.content.page,
      method: ocrPages.has(p.content.page) ? ("ocr" as const) : ("text" as const),
      text_quality: round3(p.content.textQuality),
    }));
    const counted = { pageCount: numPages, pages: pageInfo };
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
        return failedDocument(
          first.code as ErrorClass,
          `${broken.length} of ${numPages} page(s) could not be decoded and nothing else could be read: ${first.message}`,
          { ...counted, issues: broken },
        );
      }
      if (ocrPages.size > 0 && ocrChars < MIN_OCR_WORDS)
        return failedDocument(
          "unreadable",
          `OCR read ${ocrChars} word(s) from ${ocrPages.size} page image(s): blank, too faint or no text; no report title or table could be read`,
          counted,
        );
      // Nothing readable: either it is no report, or its text must be read from the page images first.
      return ocr.length === 0
        ? failedDocument("not_a_report", "No report title and none of the template's tables were found", counted)
        : failedDocument(
            "unsupported",
            `No usable text layer: ${ocr.length} of ${numPages} page(s) need OCR, and OCR read nothing usable from them`,
            { ...counted, issues: ocr },
          );
    }
    // A report's title over no table (a portal page linking to the report, the tables left out): no data.
    if (!anyTable && !issues.some((i) => i.code === "page.needs_ocr")) {
      return failedDocument("no_tables", NO_TABLES_MESSAGE, counted);
    }
    return finishDocument(report, {
      source,
      pageCount: numPages,
      pages: pageInfo,
      issues,
      ocr: ocrPages.size > 0,
    });
  } catch (error) {
    if (error instanceof InputError) return failedDocument(error.errorClass, error.message);
    return failedDocument("internal", `Internal error: ${describeError(error)}`);
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
