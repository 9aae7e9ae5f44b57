import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UNCERTAIN_BELOW } from "../../src/model/cell.js";
import type { ReportOutput } from "../../src/model/report.js";
import { extractOnce } from "../helpers/extract-once.js";
import type { Truth } from "./compare-truth.js";

/**
 * Scans nobody tuned the OCR to, in two sets, each scan `<stem>.<ext>` beside `<stem>.twin` naming the sample whose
 * truth applies (a test file per set, scans-unseen.test.ts and scans-independent.test.ts, so that the suite's two
 * test processes can read the sets side by side instead of one process reading all of them):
 * - `scans-unseen`: an adversarial hunt (`scripts/regressions/make-scan-hunt.sh`): bold and faded print,
 *   perspective, coloured paper, an unruled table turned 2.5°;
 * - `scans-independent`: a subset of the independent generator's set (`scripts/scans/make.sh`): CCITT G3/G4,
 *   JBIG2, JPX, inverted `/Decode`, pages turned a quarter or half turn inside the image, red seals.
 * No cell may be silently wrong (a wrong cell is below the confidence threshold or named by `ocr.suspect_cell`),
 * the exact counts may not fall below `expected.json` nor a set's below 99.5% of its cells, no `error` flag may
 * stand that the twin's truth does not list (a misread is never passed off as a published error), and agency and
 * year are right except where `expected.json` names a known miss and its reason.
 */
const samples = join(import.meta.dirname, "../../samples");

interface SetResult {
  files: number;
  identity: number;
  cells: number;
  exact: number;
}

/** The tests of one set: a scan each, then the set's totals. */
export function describeScanSet(set: "scans-unseen" | "scans-independent"): void {
  const dir = join(import.meta.dirname, "../fixtures", set);
  const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as Record<
    string,
    { minExact: number; cells: number; identityMiss?: string }
  >;
  const files = readdirSync(dir)
    .filter((f) => /\.(pdf|png|jpe?g|tiff?)$/.test(f))
    .sort();
  const result: SetResult = { files: 0, identity: 0, cells: 0, exact: 0 };

  describe(`${set}: exact or visibly uncertain`, () => {
    it("has an expectation for every scan", () => {
      expect(files.length).toBeGreaterThanOrEqual(6);
      expect(Object.keys(expected).sort()).toEqual(files);
    });

    it.each(files)("%s", async (file) => {
      const twin = readFileSync(join(dir, file.replace(/\.\w+$/, ".twin")), "utf8").trim();
      const truth = JSON.parse(readFileSync(join(samples, `${twin}.truth.json`), "utf8")) as Truth;
      const { output } = await extractOnce(join(dir, file));
      const { cells, exact, silentlyWrong } = score(output, truth);
      expect(silentlyWrong).toEqual([]);
      const want = expected[file];
      expect(cells).toBe(want?.cells);
      expect(exact).toBeGreaterThanOrEqual(want?.minExact ?? cells);
      // The report is never passed off as fully read when some of its cells were not.
      if (exact < cells) expect(output.status).not.toBe("success");
      // Only the publication's own errors are errors.
      const published = new Set(truth.flags.map((f) => `${f.rule} ${f.path}`));
      const invented = output.flags.filter((f) => f.severity === "error" && !published.has(`${f.rule} ${f.path}`));
      expect(invented.map((f) => `${f.rule} ${f.path}`)).toEqual([]);
      result.files++;
      result.cells += cells;
      result.exact += exact;
      const identity = output.report.agency === truth.report.agency && output.report.year === truth.report.year;
      // A known miss is listed with its reason; a new one fails, and so does a listed one that is now right.
      expect(identity, `${output.report.agency} ${output.report.year}`).toBe(want?.identityMiss === undefined);
      if (identity) result.identity++;
    });

    it("reads at least 99.5% of the set's cells exactly", () => {
      expect(result.files).toBe(files.length);
      expect(result.exact / result.cells).toBeGreaterThanOrEqual(0.995);
    });

    it("reads agency and year right on the scans (at least 85% of each set)", () => {
      expect(result.files).toBe(files.length);
      expect(result.identity / result.files).toBeGreaterThanOrEqual(0.85);
    });
  });
}

function score(output: ReportOutput, truth: Truth): { cells: number; exact: number; silentlyWrong: string[] } {
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
  return { cells, exact, silentlyWrong };
}
