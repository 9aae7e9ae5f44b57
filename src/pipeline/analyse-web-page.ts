import type { Cell } from "../model/cell.js";
import type { Issue } from "../model/issue.js";
import type { LayoutBlock } from "../model/layout.js";
import type { PageContent, PageRead } from "../model/page-content.js";
import { layoutDocument, toStoredFrame } from "../stages/layout/index.js";
import { mapDocument } from "../stages/mapping/index.js";
import { type DocBlock, type MarkupLayout, toLayout } from "../stages/markup/index.js";
import type { PageImage } from "../stages/ocr/index.js";
import { buildOutput, decideStatusFor, reportMeta } from "../stages/output/index.js";
import { findSuspectCells, markSuspectFlags, readLegacyFacts } from "../stages/rules/index.js";
import { selectTemplate } from "../templates/index.js";
import { NO_TABLES_MESSAGE } from "./analyse-blocks.js";
import { checkRules } from "./check-rules.js";
import { type DocumentResult, type DocumentSource, failDocument } from "./document-result.js";

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
): DocumentResult {
  const count = pictures.length;
  const reads: PageRead[] = pictures.map((p, i) => read.get(i + 1) ?? emptyPage(i + 1, p.image));
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
  const mapped = mapDocument(pages, selectTemplate);
  const template = mapped.template;
  const facts = readLegacyFacts(template, mapped.narrative, mapped.cells);
  const placed = new Map([...facts.value].map(([path, cell]) => [path, place(cell, count, pictures, markup)]));
  const { cells } = toStoredFrame(placed, mapped.narrative, reads);
  const pageInfo = reads.map((r) => ({
    page: r.content.page,
    method: "ocr" as const,
    text_quality: Math.round(r.content.textQuality * 1000) / 1000,
  }));
  const issues: Issue[] = [...pageIssues, ...meshIssues, ...mapped.issues, ...facts.issues];
  const anyTable = [...cells.values()].some((c) => c.value !== null && c.source !== "derived");
  if (!anyTable) {
    const words = reads.reduce((n, r) => n + r.content.items.filter((i) => (i.confidence ?? 0) >= 0.5).length, 0);
    const withPages = { ...source, pages: count };
    if (mapped.title !== null) return failDocument(withPages, "no_tables", NO_TABLES_MESSAGE, pageInfo, pageIssues);
    return words < MIN_OCR_WORDS
      ? failDocument(
          withPages,
          "unreadable",
          `OCR read ${words} word(s) from the page's ${count} picture(s), and its text holds no report title or table`,
          pageInfo,
          pageIssues,
        )
      : failDocument(
          withPages,
          "not_a_report",
          "No report title and none of the template's tables were found, in the page's text or its pictures",
          pageInfo,
          pageIssues,
        );
  }
  const ruleInput = {
    template,
    detectedVersion: mapped.detectedVersion,
    layoutVersions: mapped.layoutVersions,
    agency: mapped.agency,
    year: mapped.year,
    cells,
    narrative: mapped.narrative,
    // Narrative lines are the markup's (synthetic pages): flags cite no page for them.
    pageless: true,
  };
  const checked = checkRules(ruleInput, (found) => findSuspectCells(ruleInput, found));
  issues.push(...checked.issues);
  const flags = markSuspectFlags(checked.value, issues, template);
  const output = buildOutput(
    {
      ...source,
      pageCount: count,
      meta: reportMeta(mapped),
      status: decideStatusFor(template, cells, issues, mapped.title !== null),
      cells,
      flags,
      issues,
      pages: pageInfo,
    },
    template,
  );
  return { output, errorClass: null };
}

/** A cell of a picture keeps its page and box and gets the picture's DOM path; a markup cell gets its own path. */
function place(
  cell: Cell,
  count: number,
  pictures: readonly PagePicture[],
  markup: ReadonlyMap<number, MarkupLayout>,
): Cell {
  if (cell.page === null) return cell;
  if (cell.page <= count) return { ...cell, locator: pictures[cell.page - 1]?.locator ?? null };
  const layout = markup.get(cell.page);
  return { ...cell, page: null, bbox: null, locator: cell.bbox && layout ? layout.locate(cell.bbox) : null };
}

function emptyPage(page: number, image: PageImage): PageRead {
  const content: PageContent = {
    page,
    width: image.width,
    height: image.height,
    items: [],
    segments: [],
    imageBoxes: [],
    textQuality: 0,
    charCount: 0,
  };
  return { content, needsOcr: true };
}
