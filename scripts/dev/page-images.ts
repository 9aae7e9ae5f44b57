import { readFileSync } from "node:fs";
import { withPdfDocument } from "../../src/stages/ingest/index.js";
import { imageFilePages, type PageImage, pdfPageImage } from "../../src/stages/ocr/index.js";

/** Dev: every page image of a scan (a PDF's pages as OCR gets them, or a PNG/JPEG/TIFF's pages). */
export async function pageImages(file: string): Promise<PageImage[]> {
  const bytes = new Uint8Array(readFileSync(file));
  if (!file.endsWith(".pdf")) {
    const kind = file.endsWith(".png") ? "png" : /\.tiff?$/.test(file) ? "tiff" : "jpeg";
    return imageFilePages(bytes, kind);
  }
  const images: PageImage[] = [];
  await withPdfDocument(bytes, async (doc) => {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      images.push(await pdfPageImage(page, page.rotate));
    }
  });
  return images;
}
