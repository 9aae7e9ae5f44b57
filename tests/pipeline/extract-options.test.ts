import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractDocument } from "../../src/pipeline/extract-document.js";

const SAMPLE = join(import.meta.dirname, "../../samples/ruled-clean-2023.pdf");

describe("extractDocument options", () => {
  it("fails a PDF with more pages than maxPages as too_large, before reading any page", async () => {
    const { output, errorClass } = await extractDocument(SAMPLE, { maxPages: 2 });
    expect(errorClass).toBe("too_large");
    expect(output.status).toBe("failure");
    expect(output.source.pages).toBe(4);
    expect(output.pages).toEqual([]);
    expect(output.issues).toEqual([
      expect.objectContaining({
        code: "too_large",
        message: "The PDF has 4 pages, more than the limit of 2 (--max-pages)",
      }),
    ]);
  });

  it("reads a PDF with exactly maxPages pages", async () => {
    const { output, errorClass } = await extractDocument(SAMPLE, { maxPages: 4 });
    expect(errorClass).toBeNull();
    expect(output.status).toBe("success");
  });
});
