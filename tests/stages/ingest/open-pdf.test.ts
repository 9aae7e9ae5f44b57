import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type PdfDocument, withPdfDocument, withPdfReader } from "../../../src/stages/ingest/index.js";

const ROOT = join(import.meta.dirname, "../../..");

/** Every page's text content and operator list, as plain data; font names without their document's number. */
async function readAll(doc: PdfDocument): Promise<unknown[]> {
  const pages: unknown[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const text = await page.getTextContent({ disableNormalization: false });
    const ops = await page.getOperatorList();
    const data = JSON.stringify({ text: text.items, fn: ops.fnArray, args: ops.argsArray });
    pages.push(JSON.parse(data.replace(/"g_d\d+_f/g, '"g_dN_f')));
    page.cleanup();
  }
  return pages;
}

describe("withPdfReader", () => {
  // Type 1 fonts (LibreOffice), Type 3 fonts (Chromium), and a font drawn garbled on purpose.
  it.each(["ruled-clean-2023.pdf", "chromium-unruled-2024.pdf", "garbled-font-2023.pdf"])(
    "reads %s as a drawing document reads it (text content and operator lists)",
    async (name) => {
      const bytes = await readFile(join(ROOT, "samples", name));
      const read = await withPdfReader(bytes, (doc) => readAll(doc));
      const drawn = await withPdfDocument(bytes, (doc) => readAll(doc));
      expect(read.length).toBeGreaterThan(0);
      expect(read).toEqual(drawn);
    },
  );

  it("opens the drawing document once, when asked for, with the same pages", async () => {
    const bytes = await readFile(join(ROOT, "samples/ruled-clean-2023.pdf"));
    const { same, pages, reading } = await withPdfReader(bytes, async (doc, drawable) => {
      const first = await drawable();
      return { same: first === (await drawable()), pages: first.numPages, reading: doc.numPages };
    });
    expect(same).toBe(true);
    expect(pages).toBe(reading);
  });
});
