import { readFileSync } from "node:fs";
import { withPdfDocument } from "../../src/stages/ingest/index.js";
import { despeckle } from "../../src/stages/ocr/despeckle.js";
import { detectRules } from "../../src/stages/ocr/detect-rules.js";
import { pdfPageImage } from "../../src/stages/ocr/index.js";
import { binarize, flattenBackground, otsuThreshold } from "../../src/stages/ocr/raster.js";
import { shrinkTo } from "../../src/stages/ocr/resample.js";
import { toGray } from "../../src/stages/ocr/to-gray.js";

/** Dev: CPU ms of the page-sized raster passes on one scanned page (`raster-bench.ts <file.pdf> [page]`). */
const [file, pageArg] = process.argv.slice(2) as [string, string?];
const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e3;
};
await withPdfDocument(new Uint8Array(readFileSync(file)), async (doc) => {
  const page = await doc.getPage(Number(pageArg ?? 1));
  const t0 = cpu();
  const pageImage = await pdfPageImage(page, page.rotate);
  console.log(`page image ${(cpu() - t0).toFixed(0)} ms`, pageImage.image.width, pageImage.image.height);
  const img = pageImage.image;
  const rgb = new Uint8Array(img.data.length * 3);
  for (let i = 0; i < img.data.length; i++) rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = img.data[i] as number;
  const time = (name: string, f: () => unknown) => {
    f();
    const t = cpu();
    for (let k = 0; k < 5; k++) f();
    console.log(name.padEnd(12), ((cpu() - t) / 5).toFixed(1), "ms");
  };
  const small = shrinkTo(img, Math.round(img.width * 0.84), Math.round(img.height * 0.84));
  const flat = flattenBackground(small);
  const level = otsuThreshold(flat);
  const bin = binarize(flat, level);
  time("toGray rgb", () => toGray(img.width, img.height, rgb, 3));
  time("shrinkTo", () => shrinkTo(img, Math.round(img.width * 0.84), Math.round(img.height * 0.84)));
  time("flatten", () => flattenBackground(small));
  time("otsu", () => otsuThreshold(flat));
  time("binarize", () => binarize(flat, level));
  time("detectRules", () => detectRules(bin, 3.5));
  time("despeckle", () => despeckle({ ...flat, data: flat.data.slice() }, { ...bin, data: bin.data.slice() }, 30));
});
