import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { withPdfDocument } from "../../src/stages/ingest/index.js";
import { crop, type PageImage, pdfPageImage, turnQuarters } from "../../src/stages/ocr/index.js";
import { recognizeCrops } from "../../src/stages/ocr/recognize-text.js";
import { extractOnce, sharedOcrEngine } from "../helpers/extract-once.js";

/**
 * SPEC §5: a cell's box frames the printed number in the page image as stored (not the straightened copy OCR
 * read). Checked by cutting each box out of the stored image and reading it again: the number must be there.
 */
async function storedPages(file: string): Promise<PageImage[]> {
  return withPdfDocument(new Uint8Array(readFileSync(file)), async (doc) => {
    const images: PageImage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      images.push(await pdfPageImage(page, page.rotate));
    }
    return images;
  });
}

async function readBoxes(file: string): Promise<{ value: number; read: string[] }[]> {
  const { output } = await extractOnce(file);
  const pages = await storedPages(file);
  const models = await sharedOcrEngine().paddle();
  // Numbers of two digits or more: a lone digit reads the same from a stray stroke too often to prove anything.
  const cells = Object.values(output.cells)
    .filter((c) => c.source === "ocr" && c.value !== null && c.value >= 10 && Number.isInteger(c.value) && c.bbox)
    .slice(0, 12);
  expect(cells.length).toBeGreaterThanOrEqual(6);
  const out: { value: number; read: string[] }[] = [];
  for (const cell of cells) {
    const page = pages[(cell.page as number) - 1] as PageImage;
    const [x0, y0, x1, y1] = (cell.bbox as number[]).map((v) => v * page.scale) as [number, number, number, number];
    const piece = crop(page.image, x0, y0, x1, y1, 4 * page.scale);
    // The page may be stored turned; the number reads in one of the four turns of its box.
    const turns = [0, 1, 2, 3].map((q) => turnQuarters(piece, q));
    const readings = await recognizeCrops(models, turns);
    out.push({ value: cell.value as number, read: readings.map((r) => r.digits.map((c) => c.char).join("")) });
  }
  return out;
}

describe("cell boxes on scans frame the printed number on the page as stored", () => {
  it.each([
    ["a page scanned turned 1.5°", "samples/scanned/scan-vertical-merged-200-skew.pdf"],
    [
      "pages turned a quarter turn inside the image",
      "tests/fixtures/scans-independent/f05-page-split-150-turned90-g4.pdf",
    ],
  ])("%s", async (_what, file) => {
    const boxes = await readBoxes(join(import.meta.dirname, "../..", file));
    for (const { value, read } of boxes) expect(read, String(value)).toContain(String(value));
  });
});
