import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createCanvas, ImageData } from "@napi-rs/canvas";
import { withPdfDocument } from "../../stages/ingest/index.js";
import { DEFAULT_SCALE } from "./page-cache.js";
import { type PdfPageLayout, writeJpegPage } from "./pdf-scan-pages.js";
import { drawScanPage, scanPagePicture } from "./scan-page.js";

/** A rendered page: its size in PDF points (the cells' bbox space) and its PNG file name. */
export interface PageImage {
  readonly page: number;
  /** Page size in PDF points at rotation 0 as pdf.js reports it; bboxes are in this space, origin top-left. */
  readonly width: number;
  readonly height: number;
  readonly image: string;
  /**
   * The rectangle of the page (points, origin top-left) the image shows, when it is not the whole page: a scan
   * page's JPEG passed through as the PDF stores it, placed where the page paints it, white around it.
   */
  readonly picture?: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
}

/**
 * Renders every page of a PDF to `<outDir>/p<n>.png` (pdf.js + @napi-rs/canvas, white background). A scan page
 * whose picture is a JPEG a browser shows as pdf.js draws it is that JPEG, `p<n>.jpg`, as the PDF stores it
 * (`layout`, from readPdfLayout: nothing decoded); another scan page (one upright picture covering it) is its
 * picture scaled straight to the image (scan-page.ts).
 */
export async function renderPdfPages(
  bytes: Uint8Array,
  outDir: string,
  scale = DEFAULT_SCALE,
  layout: readonly PdfPageLayout[] | null = null,
): Promise<PageImage[]> {
  await mkdir(outDir, { recursive: true });
  return withPdfDocument(bytes, async (doc) => {
    const pages: PageImage[] = [];
    // The small reader's pages are pdf.js's when it counts as many.
    const known = layout?.length === doc.numPages ? layout : null;
    for (let n = 1; n <= doc.numPages; n++) {
      const passed = known?.[n - 1];
      if (passed?.jpeg) {
        pages.push(await writeJpegPage(passed, n, outDir));
        continue;
      }
      const page = await doc.getPage(n);
      const size = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale });
      const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      const context = canvas.getContext("2d");
      const scan = await scanPagePicture(page, viewport);
      if (scan !== null) {
        const pixels = drawScanPage(scan, canvas.width, canvas.height);
        context.putImageData(new ImageData(pixels, canvas.width, canvas.height), 0, 0);
      } else {
        context.fillStyle = "#fff";
        context.fillRect(0, 0, canvas.width, canvas.height);
        // pdf.js's types name DOM canvases; @napi-rs/canvas is the Node canvas pdf.js itself uses.
        await page.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
      }
      const image = `p${n}.png`;
      await writeFile(join(outDir, image), await canvas.encode("png"));
      releaseCanvas(canvas);
      pages.push({ page: n, width: round2(size.width), height: round2(size.height), image });
      page.cleanup();
    }
    return pages;
  });
}

/**
 * Gives a canvas's pixels back now. Skia's surface (4.5 MB at the review's size) is freed only when V8 collects
 * the small canvas object, which, promoted past the 1 MiB young generation, waits for a full collection: a
 * render process grew by one surface a page (haiyuan, 7 pages: 165 → 137 MiB peak with this).
 */
export function releaseCanvas(canvas: { width: number; height: number }): void {
  canvas.width = 1;
  canvas.height = 1;
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
