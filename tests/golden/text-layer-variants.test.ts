import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractDocument } from "../../src/pipeline/extract-document.js";
import { compareWithTruth, type Truth } from "./compare-truth.js";

const fixtures = join(import.meta.dirname, "../fixtures/text-layer");
const truthOf = (stem: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, "../../samples", `${stem}.truth.json`), "utf8")) as Truth;

describe("text layers turned or broken like real uploads", () => {
  it.each([
    ["ruled-clean-2023-rotated-90.pdf", "ruled-clean-2023", 4],
    ["unruled-2024-rotated-270-p2-3.pdf", "unruled-2024", 2],
    ["ruled-clean-2023-watermark.pdf", "ruled-clean-2023", 0],
  ])("%s reads exactly like its upright sample", async (file, stem, rotatedPages) => {
    const { output } = await extractDocument(join(fixtures, file));
    const truth = truthOf(stem);
    const diff = compareWithTruth(output, truth);
    expect(diff.problems).toEqual([]);
    expect(output.issues.filter((i) => i.code === "page.rotated")).toHaveLength(rotatedPages);
  });

  it("a file whose fonts lost their ToUnicode maps yields no cells, only pages that need OCR", async () => {
    const { output, errorClass } = await extractDocument(join(fixtures, "ruled-clean-2023-no-tounicode.pdf"));
    expect(output.status).toBe("failure");
    expect(errorClass).toBe("unsupported");
    expect(output.flags).toEqual([]);
    expect(Object.values(output.cells).every((cell) => cell.value === null)).toBe(true);
    const ocrPages = output.issues.filter((i) => i.code === "page.needs_ocr").map((i) => i.page);
    expect(ocrPages).toEqual([1, 2, 3, 4]);
    expect(output.pages.every((p) => p.text_quality < 0.8)).toBe(true);
  });

  it("a file whose text was converted to outlines is a report awaiting OCR, not 'not a report'", async () => {
    const { output, errorClass } = await extractDocument(join(fixtures, "three-line-2022-outlines.pdf"));
    expect(errorClass).toBe("unsupported");
    expect(output.issues[0]?.message).toContain("need OCR");
    expect(output.status).toBe("failure");
    const ocrPages = output.issues.filter((i) => i.code === "page.needs_ocr").map((i) => i.page);
    expect(ocrPages).toEqual(output.pages.map((p) => p.page));
    expect(ocrPages.length).toBeGreaterThan(0);
  });

  it("a table pasted as a picture on a text page sends that page to OCR", async () => {
    const { output } = await extractDocument(join(fixtures, "picture-table-2023.pdf"));
    expect(output.report.agency).toBe("示例市统计局");
    expect(output.status).toBe("partial_success");
    const ocr = output.issues.filter((i) => i.code === "page.needs_ocr");
    expect(ocr.map((i) => i.page)).toEqual([1]);
    expect(ocr[0]?.message).toContain("s3");
  });

  it("no page of a sample whose tables are text is sent to OCR for its images", async () => {
    const sample = join(import.meta.dirname, "../../samples/ruled-clean-2023.pdf");
    const { output } = await extractDocument(sample);
    expect(output.issues.filter((i) => i.code === "page.needs_ocr")).toEqual([]);
  });
});
