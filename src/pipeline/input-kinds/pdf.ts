import type { Issue } from "../../model/issue.js";
import { withPdfReader } from "../../stages/ingest/index.js";
import { analysePages } from "../analyse-pages.js";
import { failDocument } from "../document-result.js";
import { dropNeedsOcr, ocrPdfPages } from "../ocr-pages.js";
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
    withPdfReader(input.bytes, async (doc, drawable) => {
      if (maxPages !== undefined && doc.numPages > maxPages) {
        return failDocument(
          { ...source, pages: doc.numPages },
          "too_large",
          `The PDF has ${doc.numPages} pages, more than the limit of ${maxPages} (--max-pages)`,
        );
      }
      const text = await readPages(doc);
      let pages = text.value;
      let issues: Issue[] = [...text.issues];
      let ocred = new Set<number>();
      if (pages.some((p) => p.needsOcr)) {
        const ocr = await ocrPdfPages(await engine(), await drawable(), pages);
        ({ pages, read: ocred } = ocr.value);
        issues = [...dropNeedsOcr(issues, ocred), ...ocr.issues];
      }
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
        const more = await ocrPdfPages(await engine(), await drawable(), pages, pictured);
        const read = more.value.read;
        if (read.size > 0) {
          const moreIssues = [...dropNeedsOcr(retryIssues, read), ...more.issues];
          result = analysePages(source, more.value.pages, doc.numPages, moreIssues, new Set([...ocred, ...read]));
        }
      }
      return result;
    }),
};
