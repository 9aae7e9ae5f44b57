import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ReportOutput } from "../../src/model/report.js";
import { extractOnce } from "../helpers/extract-once.js";
import { compareWithTruth, type Truth } from "./compare-truth.js";

/**
 * The OFD samples (samples/ofd, written by scripts/make-ofd.ts from born-digital samples with the producer
 * quirks of real OFD files): every cell, blank and flag as the source sample's truth, every cell located by page
 * and box in points, the boxes where the source PDF printed the same numbers, and the committed outputs current.
 */
const dir = join(import.meta.dirname, "../../samples/ofd");
const extracted = join(import.meta.dirname, "../../extracted/ofd");
const source = join(import.meta.dirname, "../../extracted");
const truths = readdirSync(dir)
  .filter((f) => f.endsWith(".truth.json"))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as Truth);

/** Which sample each OFD was written from (scripts/make-ofd.ts). */
const FROM: Record<string, string> = {
  "ofd-plain-arith-errors-2023.ofd": "arith-errors-2023",
  "ofd-ctm-v2019-2020.ofd": "v2019-ruled-2020",
  "ofd-template-legacy-2016.ofd": "legacy-table-2016",
  "ofd-scan-page-2023.ofd": "ruled-clean-2023",
  "ofd-vertical-2022.ofd": "vertical-merged-2022",
  "ofd-zero-styles-2021.ofd": "zero-styles-2021",
};

describe("golden: OFD samples match the truth of the samples they were written from", () => {
  it("has a v2021, a v2019 and a legacy report, and one with a scanned page", () => {
    const templates = truths.map((t) => t.report.template);
    expect(templates).toEqual(expect.arrayContaining(["v2021", "v2019", "legacy"]));
    expect(truths.some((t) => t.pages_need_ocr.length > 0)).toBe(true);
    expect(Object.keys(FROM).sort()).toEqual(truths.map((t) => t.file).sort());
  });

  it.each(truths.map((t) => [t.file, t] as const))("%s: every cell, blank and flag exact", async (file, truth) => {
    const { output } = await extractOnce(join(dir, file));
    const diff = compareWithTruth(output, truth);
    expect(diff.problems).toEqual([]);
    expect(diff.exact).toBe(diff.cells);
    expect(diff.cells).toBeGreaterThanOrEqual(36);
  });

  it.each(truths.map((t) => [t.file, t] as const))(
    "%s: cells located by page and box in points",
    async (file, truth) => {
      const { output } = await extractOnce(join(dir, file));
      expect(output.source.pages).toBe(output.pages.length);
      expect(output.pages.filter((p) => p.method === "ocr").map((p) => p.page)).toEqual(truth.pages_need_ocr);
      for (const [path, cell] of Object.entries(output.cells)) {
        if (cell.value === null || cell.source === "derived") continue;
        expect(cell.locator, path).toBeUndefined();
        const [x0, y0, x1, y1] = cell.bbox ?? [];
        // An A4 page in points: 595.28 × 841.89.
        expect({
          path,
          page: cell.page,
          inside: [x0, y0, x1, y1].every((v) => v !== undefined && v >= 0 && v <= 842),
        }).toEqual({
          path,
          page: expect.any(Number),
          inside: true,
        });
        if (truth.pages_need_ocr.includes(cell.page ?? 0)) expect(cell.source, path).toBe("ocr");
      }
    },
  );

  it.each(truths.map((t) => [t.file, t] as const))(
    "%s: each number's box is where the source PDF printed it (within 0.5 pt)",
    async (file, truth) => {
      const { output } = await extractOnce(join(dir, file));
      const pdf = JSON.parse(readFileSync(join(source, `${FROM[file]}.json`), "utf8")) as ReportOutput;
      let compared = 0;
      for (const [path, cell] of Object.entries(output.cells)) {
        const twin = pdf.cells[path];
        if (!cell.bbox || !twin?.bbox || cell.source !== "text") continue;
        expect({ path, page: cell.page }).toEqual({ path, page: twin.page });
        const off = Math.max(...cell.bbox.map((v, i) => Math.abs(v - (twin.bbox?.[i] ?? 0))));
        expect(off, `${path}: ${cell.bbox} vs ${twin.bbox}`).toBeLessThan(0.5);
        compared += 1;
      }
      // The scanned page's cells are OCR boxes on the scan; every other cell is compared.
      expect(compared).toBeGreaterThan(truth.pages_need_ocr.length > 0 ? 20 : 30);
    },
  );

  it("writes the committed output for every OFD sample (extracted/ofd is current)", async () => {
    for (const truth of truths) {
      const committed = JSON.parse(readFileSync(join(extracted, truth.file.replace(/\.ofd$/, ".json")), "utf8"));
      const { output } = await extractOnce(join(dir, truth.file));
      expect(JSON.parse(JSON.stringify(output))).toEqual(committed);
    }
  });
});
