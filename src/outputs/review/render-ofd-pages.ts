import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createCanvas, ImageData } from "@napi-rs/canvas";
import { decodeCodedImage } from "../../stages/ingest/index.js";
import { type OfdFile, type OfdPage, openOfd, renderOfdPage } from "../../stages/ofd/index.js";
import { DEFAULT_SCALE } from "./page-cache.js";
import { jpegInfo, type PageJpeg, withinPoint, writeJpegPage } from "./pdf-scan-pages.js";
import { type PageImage, releaseCanvas, round2 } from "./render-pages.js";

// Apart from the PDF renderer (render-pages.ts): the OFD stage and the schemas it loads (~20 MiB once imported)
// stay out of a render process that draws no OFD.

/**
 * Renders every page of an OFD to `<outDir>/p<n>.png` with the OFD stage's renderer (paths, images, and text in a
 * system CJK font in place of the document's own fonts), in the frame its cells' boxes are in: points from the
 * page's top-left corner. A page that cannot be read is drawn blank at its document's default size. A scan page
 * (one upright JPEG, gray or RGB, inside the page and covering 95% of it each way, nothing else painted) is its
 * JPEG, `p<n>.jpg`, as the package stores it, placed where the page paints it (as for a PDF: pdf-scan-pages.ts).
 */
export async function renderOfdPages(bytes: Uint8Array, outDir: string, scale = DEFAULT_SCALE): Promise<PageImage[]> {
  await mkdir(outDir, { recursive: true });
  const file = openOfd(bytes);
  const pages: PageImage[] = [];
  for (let n = 1; n <= file.pageCount; n++) {
    const image = `p${n}.png`;
    let width = 595.28;
    let height = 841.89;
    let png: Buffer;
    try {
      const page = file.page(n);
      ({ width, height } = page);
      const scan = scanJpeg(file, page);
      if (scan !== null) {
        pages.push(await writeJpegPage({ width, height, jpeg: scan, text: false }, n, outDir));
        continue;
      }
      // JBIG2 and JPEG 2000 pictures drawn too (pdf.js decodes them), as for OCR.
      const raster = await renderOfdPage(file, page, scale, decodeCodedImage);
      const canvas = createCanvas(raster.width, raster.height);
      canvas.getContext("2d").putImageData(new ImageData(raster.data, raster.width, raster.height), 0, 0);
      png = await canvas.encode("png");
      releaseCanvas(canvas);
      // The OFD renderer's own canvas for the page (4.5 MB at scale 1.5) is freed only when V8 collects it: a
      // full collection per page (--expose-gc, render-process.ts) frees it before the next page is drawn.
      (globalThis as { gc?: () => void }).gc?.();
    } catch {
      const canvas = createCanvas(Math.ceil(width * scale), Math.ceil(height * scale));
      const context = canvas.getContext("2d");
      context.fillStyle = "#fff";
      context.fillRect(0, 0, canvas.width, canvas.height);
      png = await canvas.encode("png");
    }
    await writeFile(join(outDir, image), png);
    pages.push({ page: n, width: round2(width), height: round2(height), image });
  }
  return pages;
}

/** The page's JPEG when the page is a JPEG scan a browser shows as the OFD renderer draws it; else null. */
function scanJpeg(file: OfdFile, page: OfdPage): PageJpeg | null {
  const [mark, ...rest] = page.marks;
  if (mark?.kind !== "image" || rest.length > 0 || mark.part === null || page.notes.length > 0) return null;
  const [a, b, c, d, e, f] = mark.matrix;
  const placed = [e, f, e + a, f + d];
  if (Math.abs(b) > 1e-6 || Math.abs(c) > 1e-6 || a < page.width * 0.95 || d < page.height * 0.95) return null;
  if (!withinPoint(placed, [0, 0, page.width, page.height]) || (mark.clip !== null && !withinPoint(placed, mark.clip)))
    return null;
  const bytes = file.part(mark.part);
  const info = jpegInfo(bytes);
  if (info === null || (info.components !== 1 && info.components !== 3)) return null;
  return { bytes, x: e, y: f, width: a, height: d };
}
