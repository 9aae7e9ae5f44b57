import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/errors.js";
import { withPdfDocument } from "../../../src/stages/ingest/open-pdf.js";
import { pdfPageImage } from "../../../src/stages/ocr/page-image.js";

const FIXTURES = join(import.meta.dirname, "../../fixtures/bad-input");

/** The error `pdfPageImage` throws for page 1 of a fixture (null when it gives an image). */
async function pageImageError(file: string): Promise<InputError | null> {
  return withPdfDocument(new Uint8Array(await readFile(join(FIXTURES, file))), async (doc) => {
    const page = await doc.getPage(1);
    try {
      await pdfPageImage(page, page.rotate);
      return null;
    } catch (error) {
      if (error instanceof InputError) return error;
      throw error;
    }
  });
}

describe("pdfPageImage on a scan page whose picture cannot be decoded", () => {
  it.each([
    ["scan-jbig2-garbage.pdf", "corrupt", /cannot be decoded/],
    ["scan-jpx-garbage.pdf", "corrupt", /cannot be decoded/],
    ["scan-dct-garbage.pdf", "corrupt", /cannot be decoded/],
    ["scan-flate-garbage.pdf", "corrupt", /solid black/],
    ["scan-image-bomb.pdf", "too_large", /100000 × 100000 pixels/],
  ])("%s is %s, not a blank page", async (file, errorClass, message) => {
    const error = await pageImageError(file);
    expect(error?.errorClass).toBe(errorClass);
    expect(error?.message).toMatch(/^Page 1 /);
    expect(error?.message).toMatch(message);
  });

  it("draws a page of strokes whose only picture cannot be decoded (a report drawn as outlines, a broken logo)", async () => {
    const garbage = (await readFile(join(FIXTURES, "scan-jbig2-garbage.pdf"))).toString("latin1");
    // The same picture, painted small in a corner, under 40 stroked lines: the page is drawn, not refused.
    const lines = Array.from({ length: 40 }, (_, i) => `50 ${100 + 15 * i} m 500 ${100 + 15 * i} l S`).join("\n");
    const content = `q 50 0 0 50 0 0 cm /Im1 Do Q\n${lines}`;
    const pdf = garbage
      .replace("q 595 0 0 842 0 0 cm /Im1 Do Q", content)
      .replace(/\/Length 30 >>/, `/Length ${content.length} >>`);
    const image = await withPdfDocument(new Uint8Array(Buffer.from(pdf, "latin1")), async (doc) => {
      const page = await doc.getPage(1);
      return pdfPageImage(page, page.rotate);
    });
    expect(image.origin).toBe("render");
    const dark = image.image.data.filter((v) => v < 128).length;
    expect(dark).toBeGreaterThan(0);
  });

  it("gives the image of a page that is a picture of a report", async () => {
    const bytes = await readFile(join(import.meta.dirname, "../../../samples/scanned/scan-arith-errors-200-jpeg.pdf"));
    const image = await withPdfDocument(new Uint8Array(bytes), async (doc) => {
      const page = await doc.getPage(1);
      return pdfPageImage(page, page.rotate);
    });
    expect(image.origin).toBe("embedded");
    expect(image.image.width).toBeGreaterThan(1000);
  });
});
