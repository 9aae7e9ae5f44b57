import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UNCERTAIN_BELOW } from "../../src/model/cell.js";
import { extractOnce } from "../helpers/extract-once.js";
import { compareWithTruth, type Truth } from "./compare-truth.js";

/**
 * OFD files whose pages are scans in image formats a canvas does not decode (tests/fixtures/ofd-images, made by
 * scripts/make-ofd-images.ts): JBIG2 files (sequential, random access, unknown page count; the resource named
 * "GBIG2" as ofdrw writes it), and TIFF G4, BMP and GIF. Before JBIG2 was decoded, the JBIG2 file failed as
 * `unsupported` with no cell read. Each is read by OCR from its pictures alone: no cell may be wrong at a confidence
 * a user trusts, and the floors are what the scans' reading gives today.
 */
const DIR = join(import.meta.dirname, "../fixtures/ofd-images");
const FLOORS: Record<string, number> = {
  "ofd-jbig2-three-line-2022.ofd": 207,
  "ofd-tiff-bmp-gif-three-line-2022.ofd": 207,
};

describe("golden: OFD pages that are JBIG2, TIFF, BMP and GIF scans", () => {
  it.each(Object.entries(FLOORS))(
    "%s: read by OCR, at least %i cells exact, none wrong and trusted",
    async (file, floor) => {
      const truth = JSON.parse(readFileSync(join(DIR, file.replace(/\.ofd$/, ".truth.json")), "utf8")) as Truth;
      const { output } = await extractOnce(join(DIR, file));
      expect(output.pages.map((p) => p.method)).toEqual(["ocr", "ocr", "ocr"]);
      expect(output.issues.filter((i) => i.severity === "error" || i.code === "page.image_unread")).toEqual([]);
      const diff = compareWithTruth(output, truth);
      expect(diff.exact).toBeGreaterThanOrEqual(floor);
      const trustedWrong = Object.entries(truth.values).flatMap(([section, rows]) =>
        Object.entries(rows).flatMap(([row, columns]) =>
          Object.entries(columns).flatMap(([column, expected]) => {
            const cell = output.cells[`${section}.${row}.${column}`];
            const wrong = cell !== undefined && cell.value !== null && cell.value !== expected;
            return wrong && cell.confidence >= UNCERTAIN_BELOW ? [`${section}.${row}.${column}: ${cell.value}`] : [];
          }),
        ),
      );
      expect(trustedWrong).toEqual([]);
      expect(output.report).toMatchObject({ year: truth.report.year, template: truth.report.template });
    },
  );
});
