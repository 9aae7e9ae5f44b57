import { describeError } from "../errors.js";
import type { Issue } from "../model/issue.js";
import type { PageRead } from "../model/page-content.js";
import { type Done, done } from "../model/result.js";
import type { PdfDocument } from "../stages/ingest/index.js";
import { extractRuleSegments } from "../stages/layout/index.js";
import { extractTextItems, MIN_PAGE_CHARS, MIN_TEXT_QUALITY, scoreText } from "../stages/text-layer/index.js";

/** Filled curved shapes on a textless page from which it is taken to be text drawn as outlines. */
const MIN_OUTLINE_GLYPHS = 50;

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
      const { segments, images, curvedFills } = await extractRuleSegments(page, rotation);
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
      const score = scoreText(items.map((i) => i.text).join(""));
      // No text but an image, or text drawn as glyph outlines (converted to curves): OCR reads it.
      const imagePage = score.chars < MIN_PAGE_CHARS && (images.length > 0 || curvedFills >= MIN_OUTLINE_GLYPHS);
      const needsOcr = imagePage || (score.chars > 0 && score.quality < MIN_TEXT_QUALITY);
      if (needsOcr) {
        const why = imagePage
          ? images.length > 0
            ? `has ${score.chars} characters of text and paints an image (a scan?)`
            : `has ${score.chars} characters of text and ${curvedFills} filled outlines (text converted to curves?)`
          : `text layer is unusable (quality ${score.quality.toFixed(2)})`;
        issues.push({
          code: "page.needs_ocr",
          severity: "warning",
          stage: "text-layer",
          message: `Page ${n} ${why}: it needs OCR`,
          page: n,
        });
      }
      // Scored per run as well: a garbled table font must not hide a readable narrative font.
      const usable = items.filter((item) => scoreText(item.text).quality >= MIN_TEXT_QUALITY);
      pages.push({
        content: {
          page: n,
          width: viewport.width,
          height: viewport.height,
          items: usable,
          segments,
          imageBoxes: images,
          textQuality: score.quality,
          charCount: score.chars,
        },
        needsOcr,
      });
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
      pages.push({
        content: {
          page: n,
          width: 595,
          height: 842,
          items: [],
          segments: [],
          imageBoxes: [],
          textQuality: 0,
          charCount: 0,
        },
        needsOcr: true,
      });
    }
  }
  return done(pages, issues);
}
