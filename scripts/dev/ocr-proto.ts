import { readFileSync } from "node:fs";
import { withPdfDocument } from "../../src/stages/ingest/index.js";
import { detectText } from "../../src/stages/ocr/detect-text.js";
import {
  binarize,
  crop,
  estimateSkew,
  flattenBackground,
  imageFilePages,
  otsuThreshold,
  pdfPageImage,
  rotate,
} from "../../src/stages/ocr/index.js";
import { loadPaddleModels } from "../../src/stages/ocr/paddle-models.js";
import { recognizeCrops } from "../../src/stages/ocr/recognize-text.js";

const file = process.argv[2] as string;
const pageNo = Number(process.argv[3] ?? 1);
const t0 = performance.now();
const models = await loadPaddleModels();
console.error("load", (performance.now() - t0).toFixed(0));
const run = async (pi: any) => {
  let t = performance.now();
  const flat = flattenBackground(pi.image);
  const level = otsuThreshold(flat);
  const skew = -estimateSkew(binarize(flat, level));
  const gray = Math.abs(skew) >= 0.05 ? rotate(flat, skew) : flat;
  console.error(
    "prep",
    (performance.now() - t).toFixed(0),
    "skew",
    skew,
    pi.image.width,
    pi.image.height,
    "scale",
    pi.scale,
  );
  t = performance.now();
  const regions = await detectText(models, gray, { scale: pi.scale });
  console.error("det", (performance.now() - t).toFixed(0), regions.length);
  t = performance.now();
  const crops = regions.map((r) => crop(gray, r.box[0], r.box[1], r.box[2] + 1, r.box[3] + 1));
  const recs = await recognizeCrops(models, crops);
  console.error("rec", (performance.now() - t).toFixed(0));
  regions.forEach((r, i) => {
    const rec = recs[i]!;
    const text = rec.chars.map((c) => c.char).join("");
    const conf = Math.min(...rec.chars.map((c) => c.confidence));
    const dig = rec.digits.map((c) => c.char).join("");
    console.log(
      r.box.map((v) => Math.round(v)).join(","),
      r.score.toFixed(2),
      JSON.stringify(text),
      conf.toFixed(3),
      /^[\d,.-]+$/.test(text) ? "" : `digits=${dig}`,
    );
  });
};
if (file.endsWith(".pdf")) {
  await withPdfDocument(new Uint8Array(readFileSync(file)), async (doc) => {
    const page = await doc.getPage(pageNo);
    await run(await pdfPageImage(page, page.rotate));
  });
} else {
  const pages = await imageFilePages(
    new Uint8Array(readFileSync(file)),
    file.endsWith(".png") ? "png" : file.endsWith(".tif") ? "tiff" : "jpeg",
  );
  await run(pages[pageNo - 1]);
}
console.error("cpu", process.cpuUsage());
