import type { Issue } from "../model/issue.js";
import type { LayoutBlock } from "../model/layout.js";
import type { PageRead } from "../model/page-content.js";
import { layoutDocument } from "../stages/layout/index.js";
import { type DocBlock, type MarkupLayout, toLayout } from "../stages/markup/index.js";
import type { PageImage } from "../stages/ocr/index.js";
import { type DocumentSource, type FrontEndResult, failedDocument, NO_TABLES_MESSAGE } from "./document-result.js";
import { finishDocument, mapAndLocate } from "./finish-document.js";
import { webPageLocator } from "./locators.js";
import { unreadablePage } from "./page-read.js";

/** A picture of a web page read by OCR: the `<img>` it is (its DOM path) and its pixels. */
export interface PagePicture {
  readonly locator: string;
  readonly image: PageImage;
}

/** Fewer surely read OCR words than this on the pictures: nothing could be read from them. */
const MIN_OCR_WORDS = 5;

/**
 * A web page whose pictures were read by OCR: the markup between pictures and each picture's page, in the
 * page's order, mapped as one document. Pictures are pages 1…k of the output (`source.pages` = k, `pages` lists
 * them as read by OCR); a cell read from one has that page and its box on the picture, and the picture's DOM
 * path as its `locator`; a cell read from the markup has no page or box, only its locator (as for HTML).
 */
export function analyseWebPage(
  blocks: readonly DocBlock[],
  pictures: readonly PagePicture[],
  read: ReadonlyMap<number, PageRead>,
  source: DocumentSource,
  pageIssues: readonly Issue[],
): FrontEndResult {
  const count = pictures.length;
  const reads: PageRead[] = pictures.map(
    (p, i) => read.get(i + 1) ?? unreadablePage(i + 1, p.image.width, p.image.height),
  );
  const pictureAt = new Map(pictures.map((p, i) => [p.locator, i]));
  const pages: LayoutBlock[][] = [];
  const meshIssues: Issue[] = [];
  // Markup between pictures: synthetic pages after the pictures' numbers, each with its own locator map.
  const markup = new Map<number, MarkupLayout>();
  let segment: DocBlock[] = [];
  const flush = () => {
    if (segment.length === 0) return;
    const page = count + markup.size + 1;
    const layout = toLayout(segment, page);
    markup.set(page, layout);
    pages.push(layout.blocks);
    segment = [];
  };
  for (const block of blocks) {
    const index = block.kind === "image" ? pictureAt.get(block.locator) : undefined;
    if (index === undefined) {
      segment.push(block);
      continue;
    }
    flush();
    // Each picture laid out alone: lines repeated across pictures are no running heads.
    const laidOut = layoutDocument([(reads[index] as PageRead).content]);
    pages.push(laidOut.pages[0] ?? []);
    meshIssues.push(...laidOut.issues);
  }
  flush();
  const report = mapAndLocate(pages, webPageLocator(pictures, reads, markup));
  const pageInfo = reads.map((r) => ({
    page: r.content.page,
    method: "ocr" as const,
    text_quality: Math.round(r.content.textQuality * 1000) / 1000,
  }));
  const anyTable = [...report.cells.values()].some((c) => c.value !== null && c.source !== "derived");
  if (!anyTable) {
    const words = reads.reduce((n, r) => n + r.content.items.filter((i) => (i.confidence ?? 0) >= 0.5).length, 0);
    const counted = { pageCount: count, pages: pageInfo, issues: pageIssues };
    if (report.mapped.title !== null) return failedDocument("no_tables", NO_TABLES_MESSAGE, counted);
    return words < MIN_OCR_WORDS
      ? failedDocument(
          "unreadable",
          `OCR read ${words} word(s) from the page's ${count} picture(s), and its text holds no report title or table`,
          counted,
        )
      : failedDocument(
          "not_a_report",
          "No report title and none of the template's tables were found, in the page's text or its pictures",
          counted,
        );
  }
  return finishDocument(report, {
    source,
    pageCount: count,
    pages: pageInfo,
    issues: [...pageIssues, ...meshIssues, ...report.issues],
    ocr: true,
  });
}
