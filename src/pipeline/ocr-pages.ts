import { describeError, InputError } from "../errors.js";
import type { Issue } from "../model/issue.js";
import type { PageRead } from "../model/page-content.js";
import { type Done, done } from "../model/result.js";
import type { PdfDocument } from "../stages/ingest/index.js";
// The OCR stage (onnxruntime, @napi-rs/canvas, the PP-OCRv4 code) is imported when a page is read by OCR: a
// born-digital document never loads it.
import type { OcrEngine, PageImage } from "../stages/ocr/index.js";

/** Pages read by OCR in a document, with what was done to them. */
export interface OcrPageInfo {
  readonly page: number;
  readonly skew: number;
  readonly confidence: number;
}

/**
 * OCR of page images into `PageRead`s that the layout, mapping and rules stages read as they read a text
 * layer. Each page gets an info issue saying it was read by OCR (its skew and mean confidence).
 */
export async function ocrImages(
  engine: OcrEngine,
  images: readonly { page: number; image: () => Promise<PageImage> }[],
): Promise<Done<Map<number, PageRead>>> {
  const read = new Map<number, PageRead>();
  const issues: Issue[] = [];
  const { ocrPage } = await import("../stages/ocr/index.js");
  for (const { page, image } of images) {
    try {
      const result = await ocrPage(engine, await image(), page);
      read.set(page, { content: result.content, needsOcr: false, skew: result.skew, quarters: result.quarters });
      issues.push({
        code: "page.ocr",
        severity: "info",
        stage: "text-layer",
        message: `Page ${page} was read by OCR (${result.quarters ? `turned ${result.quarters * 90}° upright, ` : ""}straightened by ${result.skew.toFixed(2)}°, mean confidence ${result.confidence.toFixed(2)})`,
        page,
      });
    } catch (error) {
      // A page image that is damaged or too large to decode: the issue names the class (`corrupt`, `too_large`),
      // which the document takes when no page gave anything (analysePages).
      if (error instanceof InputError) {
        issues.push({ code: error.errorClass, severity: "error", stage: "text-layer", message: error.message, page });
        continue;
      }
      issues.push({
        code: "page.unreadable",
        severity: "error",
        stage: "text-layer",
        message: `Page ${page} could not be read by OCR: ${describeError(error)}`,
        page,
      });
    }
  }
  return done(read, issues);
}

/**
 * Sends the PDF pages marked `needsOcr` (and `extra` pages, e.g. a table pasted as a picture) through OCR. The
 * value is the pages with their readings in place (a new array) and the pages read; the issues are one
 * `page.ocr` or `page.unreadable` per page tried. The caller drops the `page.needs_ocr` issues of the pages
 * read (`dropNeedsOcr`): the `page.ocr` issue replaces them; a page OCR could not read keeps its issue.
 */
export async function ocrPdfPages(
  engine: OcrEngine,
  doc: PdfDocument,
  pages: readonly PageRead[],
  extra: ReadonlySet<number> = new Set(),
): Promise<Done<{ readonly pages: PageRead[]; readonly read: Set<number> }>> {
  const wanted = pages.filter((p) => p.needsOcr || extra.has(p.content.page)).map((p) => p.content.page);
  const ocr = await ocrImages(
    engine,
    wanted.map((page) => ({
      page,
      image: async () => {
        const pdfPage = await doc.getPage(page);
        try {
          const { pdfPageImage } = await import("../stages/ocr/index.js");
          return await pdfPageImage(pdfPage, pdfPage.rotate);
        } finally {
          pdfPage.cleanup();
        }
      },
    })),
  );
  const after = [...pages];
  for (const [page, result] of ocr.value) after[page - 1] = result;
  return done({ pages: after, read: new Set(ocr.value.keys()) }, ocr.issues);
}

/** `issues` without the `page.needs_ocr` issues of the pages in `read`. */
export function dropNeedsOcr(issues: readonly Issue[], read: ReadonlySet<number>): Issue[] {
  return issues.filter((i) => !(i.code === "page.needs_ocr" && i.page !== undefined && read.has(i.page)));
}
