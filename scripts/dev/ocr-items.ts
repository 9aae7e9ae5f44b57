import { readFileSync } from "node:fs";
import { withPdfDocument } from "../../src/stages/ingest/index.js";
import { imageFilePages, OcrEngine, ocrPage, pdfPageImage } from "../../src/stages/ocr/index.js";

const file = process.argv[2] as string;
const pageNo = Number(process.argv[3] ?? 1);
const engine = new OcrEngine();
const show = async (pi: Parameters<typeof ocrPage>[1]) => {
  const t = process.cpuUsage();
  const r = await ocrPage(engine, pi, pageNo);
  const c = process.cpuUsage(t);
  console.error(
    "cpu",
    ((c.user + c.system) / 1e6).toFixed(2),
    "skew",
    r.skew,
    "scale",
    pi.scale.toFixed(2),
    pi.image.width,
    pi.image.height,
  );
  for (const i of r.content.items)
    console.log(i.box.map((v) => v.toFixed(0)).join(","), JSON.stringify(i.text), i.confidence);
  console.log("segments", r.content.segments.length);
};
if (file.endsWith(".pdf")) {
  await withPdfDocument(new Uint8Array(readFileSync(file)), async (doc) => {
    const page = await doc.getPage(pageNo);
    await show(await pdfPageImage(page, page.rotate));
  });
} else {
  const kind = file.endsWith(".png") ? "png" : /\.tiff?$/.test(file) ? "tiff" : "jpeg";
  const pages = await imageFilePages(new Uint8Array(readFileSync(file)), kind);
  await show(pages[pageNo - 1] as Parameters<typeof ocrPage>[1]);
}
await engine.terminate();
