import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UNCERTAIN_BELOW } from "../../src/model/cell.js";
import { extractOnce } from "../helpers/extract-once.js";
import { compareWithTruth, type Truth } from "./compare-truth.js";

// Issue 15's independent check set (tests/fixtures/formats-check/README.md): reports laid out from the samples'
// truth by scripts/check-formats/, not by the generators the readers were tuned on (and, for split tables whose
// continuation lost its group cells, a .docx and a PDF beside the .doc and .wps files). Every file is read exactly
// (the floors are the full cell counts), and no cell may be silently wrong.
const dir = join(import.meta.dirname, "../fixtures/formats-check");
const truths = readdirSync(dir)
  .filter((f) => f.endsWith(".truth.json"))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as Truth);

/** Template cells each file must read exactly: all of its truth's cells. */
const FLOORS: Record<string, number> = {
  "doc-lo-docx-county-2024.doc": 207,
  "doc-lo-fullwidth-2023.doc": 207,
  "doc-lo-legacy-2016.doc": 36,
  "doc-lo-portal-2023.doc": 207,
  "doc-lo-ruled-2023.doc": 207,
  "doc-lo-split-v2019-2020.doc": 198,
  // Section 三 split, the continuation without its group cells, short rows padded at the right: 22, 18, 25, 11 and
  // 16 cells silently wrong while the padded rows were placed by the header's columns.
  "doc-lo-splitdrop-2023.doc": 207,
  "doc-lo-splitdrop-v2019-2020.doc": 198,
  "docx-lo-splitdrop-2021.docx": 207,
  "pdf-lo-splitdrop-2022.pdf": 207,
  "wps-lo-splitdrop-2022.wps": 207,
  "doc-lo-vertical-2021.doc": 207,
  "mht-gb18030-b64-2023.mht": 207,
  "mht-gbk-8bit-meta-2016.mht": 36,
  "mht-gbk-qp-v2019-2020.mht": 198,
  "mht-utf16-unicode-2023.mht": 207,
  "mht-utf8-qp-lf-2021.mhtml": 207,
  "ofd-ctm-legacy-2016.ofd": 36,
  "ofd-deltag-v2019-2020.ofd": 198,
  "ofd-glyphs-2023.ofd": 207,
  "ofd-twodocs-2021.ofd": 207,
  "pictures-jpeg-2023.mht": 207,
  // The table's right border beside a printed 无 read as a digit in two cells, uncertain (0.36, 0.44), since the
  // detector runs at 1.5 px/pt and lines are cut at their ink (session 7).
  "pictures-page-2021.html": 205,
  "pictures-png-cid-v2019-2020.mhtml": 198,
  "wps-lo-split-2022.wps": 207,
  "wps-lo-v2019-mismatch-2022.wps": 198,
};

/**
 * Cells read wrong: any wrong value of a cell read from text or markup; of a cell read by OCR (a pictured table),
 * a wrong value at the confidence a user trusts (≥ 0.9, as for scans), which nothing marks as uncertain.
 */
function silentlyWrong(output: Awaited<ReturnType<typeof extractOnce>>["output"], truth: Truth): string[] {
  const wrong: string[] = [];
  for (const [section, rows] of Object.entries(truth.values))
    for (const [row, columns] of Object.entries(rows))
      for (const [column, expected] of Object.entries(columns)) {
        const path = `${section}.${row}.${column}`;
        const cell = output.cells[path];
        const got = cell?.value ?? null;
        const uncertain = cell?.source === "ocr" && cell.confidence < UNCERTAIN_BELOW;
        if (got !== null && got !== expected && !uncertain) wrong.push(`${path}: ${got} ≠ ${expected}`);
      }
  return wrong;
}

describe("golden: the independent check set of .doc, .wps, web archives, OFD and pictured tables", () => {
  it("holds every file the floors name, with v2019 and legacy reports among the .doc and .ofd files", () => {
    expect(truths.map((t) => t.file)).toEqual(Object.keys(FLOORS).sort());
    for (const ext of [".doc", ".ofd"])
      expect(new Set(truths.filter((t) => t.file.endsWith(ext)).map((t) => t.report.template))).toEqual(
        new Set(["v2021", "v2019", "legacy"]),
      );
  });

  it.each(truths.map((t) => [t.file, t] as const))(
    "%s: every cell exact, none silently wrong, blanks, flags and status as the truth says",
    async (file, truth) => {
      const { output } = await extractOnce(join(dir, file));
      const diff = compareWithTruth(output, truth);
      expect(silentlyWrong(output, truth)).toEqual([]);
      expect(diff.exact).toBeGreaterThanOrEqual(FLOORS[file] ?? Number.POSITIVE_INFINITY);
      const pictured = Object.values(output.cells).some((c) => c.source === "ocr");
      if (!pictured) {
        expect(diff.exact).toBe(diff.cells);
        expect(diff.problems).toEqual([]);
      } else {
        // A pictured table is a scan: what it reads wrong is uncertain, its blank is then not a blank, and a rule
        // it breaks is a warning that says the reading is uncertain. Nothing else may differ.
        const unsure = Object.entries(output.cells)
          .filter(([, c]) => c.source === "ocr" && c.confidence < UNCERTAIN_BELOW)
          .map(([path]) => path);
        const explained = (problem: string) => {
          if (unsure.some((path) => problem.startsWith(`${path}: expected`))) return true;
          const blanks = /^blank cells: expected \[(.*)\] missing, got extra \[\]$/.exec(problem);
          if (blanks) return (blanks[1] ?? "").split(",").every((path) => unsure.includes(path.trim()));
          // The flag a misread cell's blank would have raised (cell.blank) is missing with it.
          if (problem.startsWith("flags missing: "))
            return problem
              .slice("flags missing: ".length)
              .split("; ")
              .every((flag) => unsure.includes(flag.split(" ")[1] ?? ""));
          if (problem.startsWith("flags extra:"))
            return output.flags
              .filter((f) => !truth.flags.some((t) => t.rule === f.rule && t.path === f.path))
              .every((f) => f.severity === "warning" && f.uncertain_reading === true);
          return false;
        };
        expect(diff.problems.filter((problem) => !explained(problem))).toEqual([]);
      }
    },
  );
});
