/**
 * Lists PDFs with a page judged a searchable scan (page image under invisible text): which committed inputs the
 * searchable-scan rule sends to OCR. Run: npx tsx scripts/dev/searchable-scan-probe.ts <pdf>...
 */
import { readFileSync } from "node:fs";
import { readPages } from "../../src/pipeline/read-pages.js";
import { withPdfDocument } from "../../src/stages/ingest/index.js";

for (const file of process.argv.slice(2)) {
  try {
    const hits = await withPdfDocument(new Uint8Array(readFileSync(file)), async (doc) => {
      const { issues } = await readPages(doc);
      return issues.filter((i) => i.code === "page.needs_ocr" && /searchable/.test(i.message)).map((i) => i.page);
    });
    if (hits.length > 0) console.log(`${file}: pages ${hits.join(",")}`);
  } catch (error) {
    console.log(`${file}: ${String(error).slice(0, 80)}`);
  }
}
