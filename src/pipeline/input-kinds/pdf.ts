import type { Issue } from "../../model/issue.js";
import { withPdfDocument } from "../../stages/ingest/index.js";
import { analysePages } from "../analyse-pages.js";
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
      const issues: Issue[] = [];
      const pages = await readPages(doc, issues);
      const ocred = pages.some((p) => p.needsOcr) ? await ocrPdfPages(engine(), doc, pages, issues) : new Set<number>();
      let result = analysePages(source, pages, doc.numPages, issues, ocred);
      // A table pasted as a picture on a text page: OCR that page too, and read the document again.
      const pictured = new Set(
        result.output.issues
          .filter((i) => i.code === "page.needs_ocr" && i.page !== undefined)
          .map((i) => i.page as number),
      );
      for (const page of ocred) pictured.delete(page);
      if (pictured.size > 0) {
        const retryIssues = issues.filter((i) => !(i.code === "page.needs_ocr" && pictured.has(i.page ?? 0)));
        const more = await ocrPdfPages(engine(), doc, pages, retryIssues, pictured);
        if (more.size > 0)
          result = analysePages(source, pages, doc.numPages, retryIssues, new Set([...ocred, ...more]));
      }
      return result;
    }),
};
