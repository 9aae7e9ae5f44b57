import { withPdfReader } from "../../stages/ingest/index.js";
import { analyseWithOcr } from "../analyse-with-ocr.js";
import { failedDocument } from "../document-result.js";
import { ocrPdfPages } from "../ocr-pages.js";
import { readPages } from "../read-pages.js";
import type { FrontEnd } from "./input-kind.js";

/**
 * A PDF: each page's text layer, and OCR of the pages whose text layer is missing or unusable; cells are located
 * by page and box.
 */
export const extractPdf: FrontEnd = (input, source, { maxPages, engine }) =>
  withPdfReader(input.bytes, async (doc, drawable) => {
    if (maxPages !== undefined && doc.numPages > maxPages) {
      return failedDocument(
        "too_large",
        `The PDF has ${doc.numPages} pages, more than the limit of ${maxPages} (--max-pages)`,
        { pageCount: doc.numPages },
      );
    }
    // OCR draws pages: from the drawing document, opened the first time a page needs it.
    return analyseWithOcr(source, doc.numPages, await readPages(doc), engine, async (ocrEngine, pages, extra) =>
      ocrPdfPages(ocrEngine, await drawable(), pages, extra),
    );
  });
