import type { Box } from "../model/geometry.js";
import type { Issue } from "../model/issue.js";
import type { PageContent, PageRead } from "../model/page-content.js";
import { MIN_PAGE_CHARS, MIN_TEXT_QUALITY, scoreText } from "../stages/text-layer/index.js";

/** Filled curved shapes on a textless page from which it is taken to be text drawn as outlines. */
const MIN_OUTLINE_GLYPHS = 50;

/**
 * What a page's own drawing gives, before its text layer is judged (PDF and OFD pages alike): the page's number,
 * size (points), text items and ruling lines as `PageContent` has them, with what the judging reads besides.
 */
export interface PageDrawing extends Pick<PageContent, "page" | "width" | "height" | "items" | "segments"> {
  /** Boxes of the images the page paints (`PageContent.imageBoxes` once judged). */
  readonly images: readonly Box[];
  /** Filled shapes with curves (glyph outlines, seals). */
  readonly curvedFills: number;
}

/**
 * A page as the layout stage reads it, from its drawing: its text scored, runs of unusable text dropped (garbage
 * must not reach the mapper; a garbled table font must not hide a readable narrative font), and marked as
 * needing OCR when it has no text but paints an image or text converted to outlines, or when its text layer
 * is unusable, with the `page.needs_ocr` issue that says why.
 */
export function judgePage(drawing: PageDrawing): { read: PageRead; issue: Issue | null } {
  const { page: n, items, images, curvedFills } = drawing;
  const score = scoreText(items.map((i) => i.text).join(""));
  const imagePage = score.chars < MIN_PAGE_CHARS && (images.length > 0 || curvedFills >= MIN_OUTLINE_GLYPHS);
  const needsOcr = imagePage || (score.chars > 0 && score.quality < MIN_TEXT_QUALITY);
  let issue: Issue | null = null;
  if (needsOcr) {
    const why = imagePage
      ? images.length > 0
        ? `has ${score.chars} characters of text and paints an image (a scan?)`
        : `has ${score.chars} characters of text and ${curvedFills} filled outlines (text converted to curves?)`
      : `text layer is unusable (quality ${score.quality.toFixed(2)})`;
    issue = {
      code: "page.needs_ocr",
      severity: "warning",
      stage: "text-layer",
      message: `Page ${n} ${why}: it needs OCR`,
      page: n,
    };
  }
  const usable = items.filter((item) => scoreText(item.text).quality >= MIN_TEXT_QUALITY);
  return {
    read: {
      content: {
        page: n,
        width: drawing.width,
        height: drawing.height,
        items: usable,
        segments: drawing.segments,
        imageBoxes: drawing.images,
        textQuality: score.quality,
        charCount: score.chars,
      },
      needsOcr,
    },
    issue,
  };
}

/**
 * An empty page, still to be read by OCR: in place of one that could not be read (its `page.unreadable` issue says
 * why), or of a page image OCR gave nothing for.
 */
export function unreadablePage(page: number, width = 595, height = 842, needsOcr = true): PageRead {
  return {
    content: { page, width, height, items: [], segments: [], imageBoxes: [], textQuality: 0, charCount: 0 },
    needsOcr,
  };
}
