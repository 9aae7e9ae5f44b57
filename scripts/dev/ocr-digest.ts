import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { withPdfDocument } from "../../src/stages/ingest/index.js";
import { imageFilePages, OcrEngine, ocrPage, type PageImage, pdfPageImage } from "../../src/stages/ocr/index.js";

/** Dev: a digest of each page's OCR result (items, rules, skew), to show a speed change left the reading alone. */
const engine = new OcrEngine();
for (const file of process.argv.slice(2)) {
  const images: PageImage[] = [];
  if (file.endsWith(".pdf")) {
    await withPdfDocument(new Uint8Array(readFileSync(file)), async (doc) => {
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        images.push(await pdfPageImage(page, page.rotate));
      }
    });
  } else {
    const kind = file.endsWith(".png") ? "png" : /\.tiff?$/.test(file) ? "tiff" : "jpeg";
    images.push(...(await imageFilePages(new Uint8Array(readFileSync(file)), kind)));
  }
  const digests: string[] = [];
  for (const [i, image] of images.entries()) {
    const r = await ocrPage(engine, image, i + 1);
    const json = JSON.stringify({ c: r.content, s: r.skew, q: r.quarters });
    digests.push(createHash("sha256").update(json).digest("hex").slice(0, 10));
  }
  console.log(basename(file), digests.join(" "));
}
await engine.terminate();
