import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractOnce } from "../helpers/extract-once.js";
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
    const { output } = await extractOnce(join(fixtures, file));
    const truth = truthOf(stem);
    const diff = compareWithTruth(output, truth);
    expect(diff.problems).toEqual([]);
    expect(output.issues.filter((i) => i.code === "page.rotated")).toHaveLength(rotatedPages);
  });

  it("a file whose fonts lost their ToUnicode maps is read by OCR, exactly like its sample", async () => {
    const { output, errorClass } = await extractOnce(join(fixtures, "ruled-clean-2023-no-tounicode.pdf"));
    expect(errorClass).toBeNull();
    const diff = compareWithTruth(output, { ...truthOf("ruled-clean-2023"), pages_need_ocr: [1, 2, 3, 4] });
    expect(diff.problems).toEqual([]);
    expect(output.pages.map((p) => p.method)).toEqual(["ocr", "ocr", "ocr", "ocr"]);
    expect(output.issues.filter((i) => i.code === "page.needs_ocr")).toEqual([]);
    expect(Object.values(output.cells).every((cell) => cell.source === "derived" || cell.source === "ocr")).toBe(true);
  });

  it("a file whose text was converted to outlines is read by OCR: a report, its identity and pages", async () => {
    const { output, errorClass } = await extractOnce(join(fixtures, "three-line-2022-outlines.pdf"));
    expect(errorClass).toBeNull();
    const truth = truthOf("three-line-2022");
    expect(output.report.agency).toBe(truth.report.agency);
    expect(output.report.year).toBe(truth.report.year);
    expect(output.pages.every((p) => p.method === "ocr")).toBe(true);
    expect(output.issues.filter((i) => i.code === "page.ocr").map((i) => i.page)).toEqual(
      output.pages.map((p) => p.page),
    );
    // Three-line tables (no column rules) with blank zeros are read from the page image like any other table.
    const { cells, exact } = compareWithTruth(output, truth);
    expect(exact).toBe(cells);
  });

  it("a table pasted as a picture on a text page sends that page to OCR", async () => {
    const { output } = await extractOnce(join(fixtures, "picture-table-2023.pdf"));
    expect(output.report.agency).toBe("示例市统计局");
    expect(output.status).toBe("partial_success");
    expect(output.issues.filter((i) => i.code === "page.needs_ocr")).toEqual([]);
    expect(output.pages.find((p) => p.page === 1)?.method).toBe("ocr");
    expect(output.issues.some((i) => i.code === "page.ocr" && i.page === 1)).toBe(true);
  });

  it("no page of a sample whose tables are text is sent to OCR for its images", async () => {
    const sample = join(import.meta.dirname, "../../samples/ruled-clean-2023.pdf");
    const { output } = await extractOnce(sample);
    expect(output.issues.filter((i) => i.code === "page.needs_ocr")).toEqual([]);
  });
});
