import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UNCERTAIN_BELOW } from "../../src/pipeline/build-output.js";
import { extractDocument } from "../../src/pipeline/extract-document.js";
import { sharedOcrEngine } from "../helpers/extract-once.js";
import type { Truth } from "./compare-truth.js";

/**
 * Scans from an adversarial hunt (`scripts/regressions/make-scan-hunt.sh`), soiled in ways the committed scanned
 * samples are not: bold and faded print, perspective, coloured paper, an unruled table turned 2.5°. They are not
 * all read exactly (see README "Known limits"), but no cell may be silently wrong: every cell that differs from
 * the twin's truth is below the confidence threshold or named by an `ocr.suspect_cell` issue. The exact counts
 * may not fall below what they were when each file was added.
 */
const dir = join(import.meta.dirname, "../fixtures/scans-unseen");
const samples = join(import.meta.dirname, "../../samples");
const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as Record<
  string,
  { minExact: number; cells: number }
>;
const files = readdirSync(dir)
  .filter((f) => /\.(pdf|png)$/.test(f))
  .sort();

const engine = sharedOcrEngine();

describe("scans the samples do not cover: exact or visibly uncertain", () => {
  it("has an expectation for every scan", () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
    expect(Object.keys(expected).sort()).toEqual(files);
  });

  it.each(files)(
    "%s",
    async (file) => {
      const twin = readFileSync(join(dir, file.replace(/\.\w+$/, ".twin")), "utf8").trim();
      const truth = JSON.parse(readFileSync(join(samples, `${twin}.truth.json`), "utf8")) as Truth;
      const { output } = await extractDocument(join(dir, file), { ocr: engine });
      const suspects = output.issues.filter((i) => i.code === "ocr.suspect_cell").map((i) => i.message);
      let cells = 0;
      let exact = 0;
      const silentlyWrong: string[] = [];
      for (const [section, rows] of Object.entries(truth.values)) {
        for (const [row, columns] of Object.entries(rows)) {
          for (const [column, value] of Object.entries(columns)) {
            const path = `${section}.${row}.${column}`;
            const cell = output.cells[path];
            cells++;
            if ((cell?.value ?? null) === value) {
              exact++;
              continue;
            }
            const uncertain = cell === undefined || cell.confidence < UNCERTAIN_BELOW;
            if (!uncertain && !suspects.some((m) => m.startsWith(`${path}:`)))
              silentlyWrong.push(`${path}: ${cell?.value} (${cell?.confidence}), printed ${value}`);
          }
        }
      }
      expect(silentlyWrong).toEqual([]);
      const want = expected[file];
      expect(cells).toBe(want?.cells);
      expect(exact).toBeGreaterThanOrEqual(want?.minExact ?? cells);
      // The report is never passed off as fully read when some of its cells were not.
      if (exact < cells) expect(output.status).not.toBe("success");
    },
    300_000,
  );
});
