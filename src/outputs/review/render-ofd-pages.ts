import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createCanvas, ImageData } from "@napi-rs/canvas";
import { decodeCodedImage } from "../../stages/ingest/index.js";
import { openOfd, renderOfdPage } from "../../stages/ofd/index.js";
import { DEFAULT_SCALE } from "./page-cache.js";
import { type PageImage, releaseCanvas, round2 } from "./render-pages.js";

// Apart from the PDF renderer (render-pages.ts): the OFD stage and the schemas it loads (~20 MiB once imported)
// stay out of a render process that draws no OFD.

/**
 * Renders every page of an OFD to `<outDir>/p<n>.png` with the OFD stage's renderer (paths, images, and text in a
 * system CJK font in place of the document's own fonts), in the frame its cells' boxes are in: points from the
 * page's top-left corner. A page that cannot be read is drawn blank at its document's default size.
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
      // JBIG2 and JPEG 2000 pictures drawn too (pdf.js decodes them), as for OCR.
      const raster = await renderOfdPage(file, page, scale, decodeCodedImage);
      const canvas = createCanvas(raster.width, raster.height);
      canvas.getContext("2d").putImageData(new ImageData(raster.data, raster.width, raster.height), 0, 0);
      png = await canvas.encode("png");
      releaseCanvas(canvas);
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
