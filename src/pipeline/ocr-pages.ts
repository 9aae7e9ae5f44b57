import type { Issue } from "../model/issue.js";
import type { PageRead } from "../model/page-content.js";
import type { PdfDocument } from "../stages/ingest/index.js";
import { type OcrEngine, ocrPage, type PageImage, pdfPageImage } from "../stages/ocr/index.js";

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
  issues: Issue[],
): Promise<Map<number, PageRead>> {
  const read = new Map<number, PageRead>();
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
      issues.push({
        code: "page.unreadable",
        severity: "error",
        stage: "text-layer",
        message: `Page ${page} could not be read by OCR: ${error instanceof Error ? error.message : String(error)}`,
        page,
      });
    }
  }
  return read;
}

/**
 * Sends the PDF pages marked `needsOcr` (and `extra` pages, e.g. a table pasted as a picture) through OCR and
 * puts their readings in place. The `page.needs_ocr` issues of the pages read are dropped (the `page.ocr`
 * issue replaces them); a page OCR could not read keeps its issue.
 */
export async function ocrPdfPages(
  engine: OcrEngine,
  doc: PdfDocument,
  pages: PageRead[],
  issues: Issue[],
  extra: ReadonlySet<number> = new Set(),
): Promise<Set<number>> {
  const wanted = pages.filter((p) => p.needsOcr || extra.has(p.content.page)).map((p) => p.content.page);
  const read = await ocrImages(
    engine,
    wanted.map((page) => ({
      page,
      image: async () => {
        const pdfPage = await doc.getPage(page);
        try {
          return await pdfPageImage(pdfPage, pdfPage.rotate);
        } finally {
          pdfPage.cleanup();
        }
      },
    })),
    issues,
  );
  for (const [page, result] of read) pages[page - 1] = result;
  const done = new Set(read.keys());
  for (let i = issues.length - 1; i >= 0; i--) {
    const issue = issues[i] as Issue;
    if (issue.code === "page.needs_ocr" && issue.page !== undefined && done.has(issue.page)) issues.splice(i, 1);
  }
  return done;
}
