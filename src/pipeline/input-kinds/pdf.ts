import { withPdfDocument } from "../../stages/ingest/index.js";
import { analyseWithOcr } from "../analyse-with-ocr.js";
import { failDocument } from "../document-result.js";
import { ocrPdfPages } from "../ocr-pages.js";
import { readPages } from "../read-pages.js";
import type { InputKindDef } from "./input-kind.js";

/**
 * A PDF: each page's text layer, and OCR of the pages whose text layer is missing or unusable; cells are located
 * by page and box.
 */
export const pdfKind: InputKindDef = {
  name: "pdf",
  label: "PDF",
  sniff: (input) => input.kind === "pdf",
  extract: (input, source, { maxPages, engine }) =>
    withPdfDocument(input.bytes, async (doc) => {
      if (maxPages !== undefined && doc.numPages > maxPages) {
        return failDocument(
          { ...source, pages: doc.numPages },
          "too_large",
          `The PDF has ${doc.numPages} pages, more than the limit of ${maxPages} (--max-pages)`,
        );
      }
      return analyseWithOcr(source, doc.numPages, await readPages(doc), engine, (ocrEngine, pages, extra) =>
        ocrPdfPages(ocrEngine, doc, pages, extra),
      );
    }),
};
