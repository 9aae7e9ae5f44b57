import { describeError } from "../errors.js";
import type { Issue } from "../model/issue.js";
import type { PageRead } from "../model/page-content.js";
import { type Done, done } from "../model/result.js";
import type { PdfDocument } from "../stages/ingest/index.js";
import { extractRuleSegments } from "../stages/layout/index.js";
import { extractTextItems } from "../stages/text-layer/index.js";
import { judgePage, unreadablePage } from "./page-read.js";

/**
 * Reads every page's text items (text-layer stage) and ruling lines (layout stage) and scores its text
 * layer. Runs of unusable text are dropped (garbage must not reach the mapper); a page that fails to
 * parse becomes an empty page with an issue; the rest of the document goes on.
 */
export async function readPages(doc: PdfDocument): Promise<Done<PageRead[]>> {
  const pages: PageRead[] = [];
  const issues: Issue[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    try {
      const page = await doc.getPage(n);
      const { items, rotation } = await extractTextItems(page);
      const { segments, images, curvedFills, textShows } = await extractRuleSegments(page, rotation);
      const viewport = page.getViewport({ scale: 1, rotation });
      if (rotation !== page.rotate && items.length > 0) {
        issues.push({
          code: "page.rotated",
          severity: "info",
          stage: "text-layer",
          message: `Page ${n} is read turned by ${(rotation - page.rotate + 360) % 360}° so its text runs upright; its boxes are in that frame`,
          page: n,
        });
      }
      const { read, issue } = judgePage({
        page: n,
        width: viewport.width,
        height: viewport.height,
        items,
        segments,
        images,
        curvedFills,
        textShows,
      });
      if (issue) issues.push(issue);
      pages.push(read);
      page.cleanup();
    } catch (error) {
      const message = describeError(error);
      issues.push({
        code: "page.unreadable",
        severity: "error",
        stage: "text-layer",
        message: `Page ${n} could not be parsed: ${message}`,
        page: n,
      });
      pages.push(unreadablePage(n));
    }
  }
  return done(pages, issues);
}
