import type { Box } from "../model/geometry.js";
import type { Issue } from "../model/issue.js";
import type { PageContent, PageRead } from "../model/page-content.js";
import { MIN_PAGE_CHARS, MIN_TEXT_QUALITY, scoreText } from "../stages/text-layer/index.js";

/** Filled curved shapes on a textless page from which it is taken to be text drawn as outlines. */
const MIN_OUTLINE_GLYPHS = 50;
/** Share of a page that images must cover, and of its text that must be invisible, for a searchable scan. */
const SCAN_IMAGE_COVER = 0.5;
const SCAN_INVISIBLE_SHARE = 0.9;

/**
 * What a page's own drawing gives, before its text layer is judged (PDF and OFD pages alike): the page's number,
 * size (points), text items and ruling lines as `PageContent` has them, with what the judging reads besides.
 */
export interface PageDrawing extends Pick<PageContent, "page" | "width" | "height" | "items" | "segments"> {
  /** Boxes of the images the page paints (`PageContent.imageBoxes` once judged). */
  readonly images: readonly Box[];
  /** Filled shapes with curves (glyph outlines, seals). */
  readonly curvedFills: number;
  /** Text-showing operators, and how many paint nothing (PDF pages; an OFD page leaves it out). */
  readonly textShows?: { readonly all: number; readonly invisible: number };
}

/**
 * A page as the layout stage reads it, from its drawing: its text scored, runs of unusable text dropped (garbage
 * must not reach the mapper; a garbled table font must not hide a readable narrative font), and marked as
 * needing OCR when it has no text but paints an image or text converted to outlines, when its text layer
 * is unusable, or when it is a searchable scan (a page image under invisible text: that text is some other
 * tool's OCR, of unknown quality, and a misread digit in it would pass as printed), with the `page.needs_ocr`
 * issue that says why.
 */
export function judgePage(drawing: PageDrawing): { read: PageRead; issue: Issue | null } {
  const { page: n, items, images, curvedFills } = drawing;
  const score = scoreText(items.map((i) => i.text).join(""));
  const imagePage = score.chars < MIN_PAGE_CHARS && (images.length > 0 || curvedFills >= MIN_OUTLINE_GLYPHS);
  const hiddenLayer = !imagePage && isSearchableScan(drawing);
  const needsOcr = imagePage || hiddenLayer || (score.chars > 0 && score.quality < MIN_TEXT_QUALITY);
  let issue: Issue | null = null;
  if (needsOcr) {
    const why = imagePage
      ? images.length > 0
        ? `has ${score.chars} characters of text and paints an image (a scan?)`
        : `has ${score.chars} characters of text and ${curvedFills} filled outlines (text converted to curves?)`
      : hiddenLayer
        ? "is a searchable scan (a page image under an invisible text layer, another tool's OCR); the image is read, its hidden text is not trusted"
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

/** Images cover most of the page and (nearly) all its text is drawn invisibly. */
function isSearchableScan(drawing: PageDrawing): boolean {
  const shows = drawing.textShows;
  if (!shows || shows.all === 0 || shows.invisible < shows.all * SCAN_INVISIBLE_SHARE) return false;
  const pageArea = drawing.width * drawing.height;
  if (pageArea <= 0) return false;
  let covered = 0;
  for (const [x0, y0, x1, y1] of drawing.images) {
    const w = Math.min(x1, drawing.width) - Math.max(x0, 0);
    const h = Math.min(y1, drawing.height) - Math.max(y0, 0);
    if (w > 0 && h > 0) covered += w * h;
  }
  return covered >= pageArea * SCAN_IMAGE_COVER;
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
