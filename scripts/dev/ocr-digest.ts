import { createHash } from "node:crypto";
import { basename } from "node:path";
import { OcrEngine, ocrPage } from "../../src/stages/ocr/index.js";
import { pageImages } from "./page-images.js";

/** Dev: a digest of each page's OCR result (items, rules, skew), to show a speed change left the reading alone. */
const engine = new OcrEngine();
for (const file of process.argv.slice(2)) {
  const images = await pageImages(file);
  const digests: string[] = [];
  for (const [i, image] of images.entries()) {
    const r = await ocrPage(engine, image, i + 1);
    const json = JSON.stringify({ c: r.content, s: r.skew, q: r.quarters });
    digests.push(createHash("sha256").update(json).digest("hex").slice(0, 10));
  }
  console.log(basename(file), digests.join(" "));
}
await engine.terminate();
