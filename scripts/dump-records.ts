/** Debug view of the mapper's input: `npx tsx scripts/dump-records.ts <pdf>` prints every row record. */
import { readFile } from "node:fs/promises";
import { readPages } from "../src/pipeline/read-pages.js";
import { withPdfDocument } from "../src/stages/ingest/index.js";
import { layoutPages } from "../src/stages/layout/index.js";
import { buildRecords } from "../src/stages/mapping/build-records.js";

const path = process.argv[2];
if (!path) throw new Error("Expected a PDF path");
await withPdfDocument(new Uint8Array(await readFile(path)), async (doc) => {
  const pages = await readPages(doc, []);
  for (const p of pages)
    console.log(
      `page ${p.content.page}: ${p.content.items.length} items, ${p.content.segments.length} rules, quality ${p.content.textQuality.toFixed(2)}`,
    );
  for (const r of buildRecords(layoutPages(pages.map((p) => p.content)))) {
    const slots = r.slots.map((s) => `${s.raw || "∅"}@${Math.round((s.box[0] + s.box[2]) / 2)}`).join(" ");
    console.log(
      `p${r.page} ${r.ruled ? `g${r.gridId}` : "  "} y${Math.round(r.box[1])} | ${r.label.slice(0, 40)} | ${slots}`,
    );
  }
});
