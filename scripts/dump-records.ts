/**
 * Debug view of the mapper's input: `npx tsx scripts/dump-records.ts <pdf> [page…]` prints every row record
 * (only those of the given pages, if any). Pages that need OCR are read by OCR first, as the pipeline does.
 */
import { readFile } from "node:fs/promises";
import { ocrPdfPages } from "../src/pipeline/ocr-pages.js";
import { readPages } from "../src/pipeline/read-pages.js";
import { withPdfDocument } from "../src/stages/ingest/index.js";
import { layoutPages } from "../src/stages/layout/index.js";
import { buildRecords } from "../src/stages/mapping/build-records.js";
import { OcrEngine } from "../src/stages/ocr/index.js";

const [path, ...only] = process.argv.slice(2);
if (!path) throw new Error("Expected a PDF path");
const pagesWanted = new Set(only.map(Number));
const engine = new OcrEngine();
try {
  await withPdfDocument(new Uint8Array(await readFile(path)), async (doc) => {
    let pages = (await readPages(doc)).value;
    if (pages.some((p) => p.needsOcr)) pages = (await ocrPdfPages(engine, doc, pages)).value.pages;
    for (const p of pages)
      console.log(
        `page ${p.content.page}: ${p.content.items.length} items, ${p.content.segments.length} rules, quality ${p.content.textQuality.toFixed(2)}`,
      );
    for (const r of buildRecords(layoutPages(pages.map((p) => p.content)))) {
      if (pagesWanted.size > 0 && !pagesWanted.has(r.page)) continue;
      const slots = r.slots.map((s) => `${s.raw || "∅"}@${Math.round((s.box[0] + s.box[2]) / 2)}`).join(" ");
      console.log(
        `p${r.page} ${r.ruled ? `g${r.gridId}${r.firstOfGrid ? "^" : ""}${r.lastOfGrid ? "$" : ""}` : "  "} y${Math.round(r.box[1])} | ${r.label.slice(0, 40)} | ${slots}`,
      );
    }
  });
} finally {
  await engine.terminate();
}
