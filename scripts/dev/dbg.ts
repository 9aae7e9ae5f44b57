import { readFileSync } from "node:fs";
import { withPdfDocument } from "../../src/stages/ingest/index.js";
import {
  binarize,
  detectRules,
  estimateSkew,
  flattenBackground,
  otsuThreshold,
  pdfPageImage,
  rotate,
} from "../../src/stages/ocr/index.js";

await withPdfDocument(
  new Uint8Array(readFileSync("/work/main/tests/fixtures/scans-unseen/s16-county-rules-240-yellow-persp.pdf")),
  async (doc) => {
    const page = await doc.getPage(3);
    const pi = await pdfPageImage(page, page.rotate);
    const flat = flattenBackground(pi.image);
    const level = Math.min(190, Math.max(110, otsuThreshold(flat)));
    const b = binarize(flat, level);
    const skew = -estimateSkew(b);
    const gray = rotate(flat, skew);
    const light = binarize(gray, Math.min(185, level + 40));
    const segs = detectRules(light, pi.scale);
    console.log("skew", skew, "scale", pi.scale, "level", level);
    for (const s of segs) console.log(s.orientation, s.at.toFixed(1), s.from.toFixed(1), s.to.toFixed(1));
  },
);
await withPdfDocument(
  new Uint8Array(readFileSync("/work/main/tests/fixtures/scans-unseen/s16-county-rules-240-yellow-persp.pdf")),
  async (doc) => {
    const page = await doc.getPage(3);
    const pi = await pdfPageImage(page, page.rotate);
    const flat = flattenBackground(pi.image);
    const level = Math.min(190, Math.max(110, otsuThreshold(flat)));
    const skew = -estimateSkew(binarize(flat, level));
    const gray = rotate(flat, skew);
    const s = pi.scale;
    for (let y = Math.round(150 * s); y < Math.round(200 * s); y += 3) {
      let row = "";
      for (let x = Math.round(292 * s); x < Math.round(300 * s); x++)
        row += String(Math.floor(gray.data[y * gray.width + x]! / 26));
      console.log(y, row);
    }
  },
);
