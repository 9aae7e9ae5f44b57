import type { Issue } from "../model/issue.js";
import type { PageRead } from "../model/page-content.js";
import type { Done } from "../model/result.js";
import type { OcrEngine } from "../stages/ocr/index.js";
import { analysePages } from "./analyse-pages.js";
import type { DocumentSource, FrontEndResult } from "./document-result.js";
import { dropNeedsOcr } from "./ocr-pages.js";

/**
 * Sends pages of a document through OCR: those marked `needsOcr` and the `extra` ones. The value is the pages
 * with their readings in place and the pages read; the issues are one `page.ocr` or `page.unreadable` per page
 * tried (see `ocrPdfPages`).
 */
export type OcrSomePages = (
  engine: OcrEngine,
  pages: readonly PageRead[],
  extra: ReadonlySet<number>,
) => Promise<Done<{ readonly pages: PageRead[]; readonly read: Set<number> }>>;

/**
 * Layout → mapping → rules over a paged document (a PDF, an OFD) whose text was read page by page: first the
 * pages that need OCR are read by it; then, where the analysis finds a table pasted as a picture on a text page
 * (a `page.needs_ocr` issue), that page is read by OCR too and the document analysed again.
 */
export async function analyseWithOcr(
  source: DocumentSource,
  numPages: number,
  text: Done<PageRead[]>,
  engine: () => Promise<OcrEngine>,
  ocrSome: OcrSomePages,
): Promise<FrontEndResult> {
  let pages = text.value;
  let issues: Issue[] = [...text.issues];
  let ocred = new Set<number>();
  if (pages.some((p) => p.needsOcr)) {
    const ocr = await ocrSome(await engine(), pages, new Set());
    ({ pages, read: ocred } = ocr.value);
    issues = [...dropNeedsOcr(issues, ocred), ...ocr.issues];
  }
  let result = analysePages(source, pages, numPages, issues, ocred);
  // A table pasted as a picture on a text page: OCR that page too, and read the document again.
  const pictured = new Set(
    (result.ok ? result.value.issues : result.issues)
      .filter((i) => i.code === "page.needs_ocr" && i.page !== undefined)
      .map((i) => i.page as number),
  );
  for (const page of ocred) pictured.delete(page);
  if (pictured.size > 0) {
    const retryIssues = issues.filter((i) => !(i.code === "page.needs_ocr" && pictured.has(i.page ?? 0)));
    const more = await ocrSome(await engine(), pages, pictured);
    const read = more.value.read;
    if (read.size > 0) {
      const moreIssues = [...dropNeedsOcr(retryIssues, read), ...more.issues];
      result = analysePages(source, more.value.pages, numPages, moreIssues, new Set([...ocred, ...read]));
    }
  }
  return result;
}
