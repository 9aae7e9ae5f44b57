import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UNCERTAIN_BELOW } from "../../src/model/cell.js";
import type { ReportOutput } from "../../src/model/report.js";
import { extractOnce } from "../helpers/extract-once.js";
import { compareWithTruth, type Truth } from "./compare-truth.js";

const dir = join(import.meta.dirname, "../../samples/scanned");
const extracted = join(import.meta.dirname, "../../extracted/scanned");
const truths = readdirSync(dir)
  .filter((f) => f.endsWith(".truth.json"))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as Truth);

/** The share of cells read exactly over all scanned samples (issue 3: at least 99.5%). */
const MIN_EXACT = 0.995;

/** Arithmetic flags: on a clean scan they may only come from the printed tables or from a named misread. */
const ARITHMETIC = /^s[34]\./;

interface Result {
  readonly file: string;
  readonly cells: number;
  readonly exact: number;
  /** Wrong cells that are neither below the confidence threshold nor named by an ocr.suspect_cell issue. */
  readonly silentlyWrong: string[];
}

const results: Result[] = [];

function wrongCells(output: ReportOutput, truth: Truth): string[] {
  const wrong: string[] = [];
  for (const [section, rows] of Object.entries(truth.values)) {
    for (const [row, columns] of Object.entries(rows)) {
      for (const [column, expected] of Object.entries(columns)) {
        const path = `${section}.${row}.${column}`;
        if ((output.cells[path]?.value ?? null) !== expected) wrong.push(path);
      }
    }
  }
  return wrong;
}

describe("golden: scanned samples (OCR) against their born-digital twins' truth", () => {
  it("has scanned samples of every input kind", () => {
    const files = truths.map((t) => t.file);
    expect(files.some((f) => f.endsWith(".pdf"))).toBe(true);
    expect(files.some((f) => f.endsWith(".png"))).toBe(true);
    expect(files.some((f) => f.endsWith(".tif"))).toBe(true);
  });

  it.each(truths.map((t) => [t.file, t] as const))("%s", async (file, truth) => {
    // Shared with scan-boxes.test.ts and the other files reading these scans: each is read once per run.
    const { output } = await extractOnce(join(dir, file));
    const diff = compareWithTruth(output, truth);
    const suspects = output.issues.filter((i) => i.code === "ocr.suspect_cell").map((i) => i.message);
    const wrong = wrongCells(output, truth);
    const silentlyWrong = wrong.filter((path) => {
      const cell = output.cells[path];
      const uncertain = cell !== undefined && cell.confidence < UNCERTAIN_BELOW;
      return !uncertain && !suspects.some((m) => m.startsWith(`${path}:`));
    });
    results.push({ file, cells: diff.cells, exact: diff.exact, silentlyWrong });
    // Identity and routing are exact.
    expect(output.report.agency).toBe(truth.report.agency);
    expect(output.report.year).toBe(truth.report.year);
    const ocrPages = output.pages.filter((p) => p.method === "ocr").map((p) => p.page);
    expect(ocrPages).toEqual(truth.pages_need_ocr);
    for (const page of truth.pages_need_ocr) {
      expect(output.issues.some((i) => i.code === "page.ocr" && i.page === page)).toBe(true);
    }
    // OCR cells say so.
    for (const cell of Object.values(output.cells)) {
      if (cell.page !== null && truth.pages_need_ocr.includes(cell.page)) expect(cell.source).toBe("ocr");
    }
    // Every wrong cell is visibly uncertain or named as a likely misread.
    expect(silentlyWrong).toEqual([]);
    // No arithmetic error flag the printed tables do not have, unless a flagged misread explains it: one of
    // its cells is below the confidence threshold or named by an ocr.suspect_cell issue.
    const expected = new Set(truth.flags.map((f) => `${f.rule} ${f.path}`));
    const unexplained = output.flags.filter(
      (f) =>
        f.severity === "error" &&
        ARITHMETIC.test(f.rule) &&
        !expected.has(`${f.rule} ${f.path}`) &&
        !f.cells.some(
          (ref) =>
            (output.cells[ref.path]?.confidence ?? 0) < UNCERTAIN_BELOW ||
            suspects.some((m) => m.startsWith(`${ref.path}:`)),
        ),
    );
    expect(unexplained.map((f) => `${f.rule} ${f.path}`)).toEqual([]);
    // The committed output is current (extracted/scanned/<stem>.json).
    const stem = file.replace(/\.[^.]+$/, "");
    const committed = JSON.parse(readFileSync(join(extracted, `${stem}.json`), "utf8"));
    expect(
      JSON.parse(JSON.stringify({ ...output, source: { ...output.source, file: committed.source.file } })),
    ).toEqual(committed);
  });

  it("reads at least 99.5% of all cells exactly", () => {
    expect(results).toHaveLength(truths.length);
    const cells = results.reduce((n, r) => n + r.cells, 0);
    const exact = results.reduce((n, r) => n + r.exact, 0);
    expect(cells).toBeGreaterThanOrEqual(2000);
    expect(exact / cells).toBeGreaterThanOrEqual(MIN_EXACT);
  });
});
