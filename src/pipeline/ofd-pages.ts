import { describeError, InputError } from "../errors.js";
import type { Issue } from "../model/issue.js";
import type { PageRead } from "../model/page-content.js";
import { type Done, done } from "../model/result.js";
import { checkImageSize, decodeCodedImage, detectKind } from "../stages/ingest/index.js";
import { ruleSegmentsOfRuns } from "../stages/layout/index.js";
import type { OcrEngine, PageImage } from "../stages/ocr/index.js";
import {
  decodeOfdImage,
  type OfdFile,
  type OfdPage,
  pageGeometry,
  renderOfdPage,
  sniffImageFormat,
} from "../stages/ofd/index.js";
import { normalizeGlyphs } from "../stages/text-layer/index.js";
import { ocrImages } from "./ocr-pages.js";
import { judgePage, unreadablePage } from "./page-read.js";

/** An OFD's pages as read: what layout reads, and each page's marks (null where the page could not be read). */
export interface OfdPagesRead {
  readonly pages: PageRead[];
  readonly drawn: (OfdPage | null)[];
}

/** Pixels a page is drawn at for OCR: about A4 at 300 dpi (as a PDF page is rendered). */
const RENDER_PIXEL_BUDGET = 8_700_000;

/**
 * Reads every page of an OFD into the page model the PDF reader gives: text items (glyphs normalised as the
 * text layer does), ruling lines from the straight runs of its paths (the layout stage's own tests), image
 * boxes, and whether it needs OCR. A page whose part is missing or damaged becomes an empty page with a
 * `page.unreadable` issue and the rest goes on; a page past a cap (too_large) or refused (unsupported) fails
 * the document, as the whole file would.
 */
export function readOfdPages(file: OfdFile): Done<OfdPagesRead> {
  const pages: PageRead[] = [];
  const drawn: (OfdPage | null)[] = [];
  const issues: Issue[] = [];
  for (let n = 1; n <= file.pageCount; n++) {
    let page: OfdPage;
    try {
      page = file.page(n);
    } catch (error) {
      if (error instanceof InputError && error.errorClass !== "corrupt") {
        throw new InputError(error.errorClass, `Page ${n}: ${error.message}`, { cause: error });
      }
      issues.push({
        code: "page.unreadable",
        severity: "error",
        stage: "text-layer",
        message: `Page ${n} could not be read: ${describeError(error)}`,
        page: n,
      });
      pages.push(unreadablePage(n, 595, 842, false));
      drawn.push(null);
      continue;
    }
    const geometry = pageGeometry(page);
    const { read, issue } = judgePage({
      page: n,
      width: page.width,
      height: page.height,
      items: geometry.items.map((item) => ({ ...item, text: normalizeGlyphs(item.text) })),
      segments: ruleSegmentsOfRuns(geometry.strokes, geometry.fills),
      images: geometry.images,
      curvedFills: geometry.curvedFills,
    });
    if (issue) issues.push(issue);
    pages.push(read);
    drawn.push(page);
  }
  return done({ pages, drawn }, issues);
}

/**
 * OCR of OFD pages (those marked `needsOcr` and the `extra` ones), as `ocrPdfPages` does for a PDF. A page that
 * paints one upright image over (nearly) all of it, a scan, is read from that image at its own resolution;
 * any other page is drawn (stages/ofd `renderOfdPage`) at about 300 dpi.
 */
export async function ocrOfdPages(
  engine: OcrEngine,
  file: OfdFile,
  read: OfdPagesRead,
  pages: readonly PageRead[],
  extra: ReadonlySet<number> = new Set(),
): Promise<Done<{ readonly pages: PageRead[]; readonly read: Set<number> }>> {
  const wanted = pages
    .filter((p) => (p.needsOcr || extra.has(p.content.page)) && read.drawn[p.content.page - 1])
    .map((p) => p.content.page);
  const undrawn: Issue[] = [];
  const ocr = await ocrImages(
    engine,
    wanted.map((page) => ({ page, image: () => ofdPageImage(file, read.drawn[page - 1] as OfdPage, undrawn) })),
  );
  const after = [...pages];
  for (const [page, result] of ocr.value) after[page - 1] = result;
  return done({ pages: after, read: new Set(ocr.value.keys()) }, [...undrawn, ...ocr.issues]);
}

/**
 * The image OCR reads of an OFD page: its one picture at its own resolution (a scan: PNG, JPEG, TIFF, and JBIG2
 * and JPEG 2000 decoded by pdf.js), else the page drawn. A picture of a scan page that cannot be decoded is the
 * page's class (`unsupported` for a format gongkai does not read, `corrupt`, `too_large`); a picture on a drawn
 * page that cannot be drawn is left blank and named in a `page.image_unread` issue pushed to `undrawn`.
 */
async function ofdPageImage(file: OfdFile, page: OfdPage, undrawn: Issue[]): Promise<PageImage> {
  const { imageFilePages, toGray } = await import("../stages/ocr/index.js");
  const scan = scanOf(page);
  if (scan !== null) {
    const bytes = file.part(scan);
    const kind = detectKind(bytes);
    const format = sniffImageFormat(bytes);
    if (format === "jbig2" || format === "jpx" || format === "unknown") {
      const source = await decodeOfdImage(bytes, decodeCodedImage).catch((error: unknown) => {
        const errorClass = error instanceof InputError ? error.errorClass : "corrupt";
        throw new InputError(errorClass, `Page ${page.page} is a picture (${scan}): ${describeError(error)}`, {
          cause: error,
        });
      });
      if (source.kind === "pixels") {
        const image = source.pixels;
        return { image, scale: image.width / page.width, width: page.width, height: page.height, origin: "embedded" };
      }
    }
    if (kind === "png" || kind === "jpeg" || kind === "tiff") {
      // A page that is one picture: one too large to decode, or one that cannot be decoded, is the page's
      // class (the canvas would leave it blank, and OCR read nothing from a page that is not blank).
      if (kind !== "tiff") checkImageSize(bytes, kind);
      const [decoded] = await imageFilePages(bytes, kind).catch((error: unknown) => {
        throw new InputError(
          "corrupt",
          `Page ${page.page} is a picture (${kind.toUpperCase()}, ${scan}) whose image data cannot be decoded: ${describeError(error)}`,
        );
      });
      if (decoded) {
        const { image } = decoded;
        return { image, scale: image.width / page.width, width: page.width, height: page.height, origin: "embedded" };
      }
    }
  }
  const scale = Math.min(300 / 72, Math.sqrt(RENDER_PIXEL_BUDGET / (page.width * page.height)));
  const raster = await renderOfdPage(file, page, scale, decodeCodedImage);
  for (const { part, reason } of raster.undrawn)
    undrawn.push({
      code: "page.image_unread",
      severity: "warning",
      stage: "ingest",
      message: `Page ${page.page}: the picture ${part} could not be drawn for OCR and was left blank (what it shows is not read): ${reason}`,
      page: page.page,
    });
  return {
    image: toGray(raster.width, raster.height, raster.data, 4),
    scale,
    width: page.width,
    height: page.height,
    origin: "render",
  };
}

/** The part of the one image a page paints upright over at least 95 % of its width and height; else null. */
function scanOf(page: OfdPage): string | null {
  const images = page.marks.filter((m) => m.kind === "image");
  const paintsMore = page.marks.some((m) => m.kind !== "image" && (m.kind !== "text" || m.items.length > 0));
  const image = images[0];
  if (images.length !== 1 || image === undefined || image.part === null || paintsMore) return null;
  const [a, b, c, d] = image.matrix;
  const upright = a > 0 && d > 0 && Math.abs(b) < 1e-6 && Math.abs(c) < 1e-6;
  const [x0, y0, x1, y1] = image.box;
  const covers = x1 - x0 >= page.width * 0.95 && y1 - y0 >= page.height * 0.95;
  return upright && covers ? image.part : null;
}
