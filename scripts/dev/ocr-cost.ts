/**
 * Where a scanned page's CPU goes: each PP-OCRv4 session's run time (calls, CPU seconds, input elements) and the
 * rest of `ocrPage`, per page. Usage: npx tsx scripts/dev/ocr-cost.ts <file.pdf|image> [pages…]
 */
import { readFileSync } from "node:fs";
import { withPdfDocument } from "../../src/stages/ingest/index.js";
import { imageFilePages, OcrEngine, ocrPage, pdfPageImage } from "../../src/stages/ocr/index.js";
import type { PageImage } from "../../src/stages/ocr/page-image.js";

const [file, ...pageArgs] = process.argv.slice(2) as [string, ...string[]];
const engine = new OcrEngine();
const models = await engine.paddle();
const cost = new Map<string, { calls: number; cpu: number; elements: number }>();
const cpuNow = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};
for (const name of ["detector", "recognizer", "classifier"] as const) {
  const session = models[name];
  const run = session.run.bind(session);
  (session as { run: unknown }).run = async (feeds: Record<string, { size: number }>, ...rest: unknown[]) => {
    const t = cpuNow();
    const out = await (run as (...a: unknown[]) => Promise<unknown>)(feeds, ...rest);
    const c = cost.get(name) ?? { calls: 0, cpu: 0, elements: 0 };
    c.calls++;
    if (process.env.COST_CALLS)
      console.log(
        name,
        Object.values(feeds)
          .map((f) => (f as unknown as { dims: number[] }).dims.join("x"))
          .join(" "),
        (cpuNow() - t).toFixed(3),
      );
    c.cpu += cpuNow() - t;
    c.elements += Object.values(feeds).reduce((n, f) => n + f.size, 0);
    cost.set(name, c);
    return out;
  };
}
const show = async (image: PageImage, page: number) => {
  cost.clear();
  const t = cpuNow();
  const r = await ocrPage(engine, image, page);
  const total = cpuNow() - t;
  const parts = [...cost].map(([k, v]) => `${k} ${v.calls}× ${v.cpu.toFixed(2)}s ${(v.elements / 1e6).toFixed(1)}M`);
  const inModels = [...cost.values()].reduce((s, v) => s + v.cpu, 0);
  console.log(
    `p${page} ${image.image.width}×${image.image.height} total ${total.toFixed(2)}s | ${parts.join(" | ")} | rest ${(total - inModels).toFixed(2)}s | items ${r.content.items.length}`,
  );
};
if (file.endsWith(".pdf")) {
  await withPdfDocument(new Uint8Array(readFileSync(file)), async (doc) => {
    const pages = pageArgs.length ? pageArgs.map(Number) : Array.from({ length: doc.numPages }, (_, i) => i + 1);
    for (const n of pages) {
      const page = await doc.getPage(n);
      await show(await pdfPageImage(page, page.rotate), n);
    }
  });
} else {
  const kind = file.endsWith(".png") ? "png" : /\.tiff?$/.test(file) ? "tiff" : "jpeg";
  const pages = await imageFilePages(new Uint8Array(readFileSync(file)), kind);
  for (const [i, p] of pages.entries()) await show(p, i + 1);
}
await engine.terminate();
