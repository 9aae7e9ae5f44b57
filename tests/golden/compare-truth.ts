import { UNCERTAIN_BELOW } from "../../src/model/cell.js";
import type { ReportOutput } from "../../src/model/report.js";

/** Truth file of a sample (samples/<stem>.truth.json). */
export interface Truth {
  readonly file: string;
  readonly report: { agency: string | null; year: number | null; template: string };
  readonly status: string;
  readonly values: Record<string, Record<string, Record<string, number | null>>>;
  readonly blank: readonly string[];
  readonly flags: readonly { rule: string; path: string }[];
  readonly pages_need_ocr: readonly number[];
}

export interface TruthDiff {
  readonly cells: number;
  readonly exact: number;
  readonly problems: string[];
}

/** Every difference between an output and its truth: cell values, blanks, flags, status, metadata. */
export function compareWithTruth(output: ReportOutput, truth: Truth): TruthDiff {
  const problems: string[] = [];
  let cells = 0;
  let exact = 0;
  for (const [section, rows] of Object.entries(truth.values)) {
    for (const [row, columns] of Object.entries(rows)) {
      for (const [column, expected] of Object.entries(columns)) {
        const path = `${section}.${row}.${column}`;
        const actual = output.cells[path]?.value ?? null;
        cells += 1;
        if (actual === expected) exact += 1;
        else
          problems.push(
            `${path}: expected ${expected}, got ${actual} (raw ${JSON.stringify(output.cells[path]?.raw ?? null)})`,
          );
      }
    }
  }
  const blanks = Object.entries(output.cells)
    .filter(([, c]) => c.blank)
    .map(([p]) => p)
    .sort();
  const expectedBlanks = [...truth.blank].sort();
  if (blanks.join() !== expectedBlanks.join()) {
    problems.push(
      `blank cells: expected [${diffList(expectedBlanks, blanks)}] missing, got extra [${diffList(blanks, expectedBlanks)}]`,
    );
  }
  const key = (f: { rule: string; path: string }) => `${f.rule} ${f.path}`;
  const flags = output.flags.map(key).sort();
  const expectedFlags = truth.flags.map(key).sort();
  const missing = diffList(expectedFlags, flags);
  const extra = diffList(flags, expectedFlags);
  if (missing.length > 0) problems.push(`flags missing: ${missing.join("; ")}`);
  if (extra.length > 0) problems.push(`flags extra: ${extra.join("; ")}`);
  // A report read (partly) by OCR may be right and still uncertain: partial_success for an expected success is
  // then accepted when it is only cells below the confidence threshold that make it so (values checked above).
  const uncertainOcr =
    truth.status === "success" &&
    output.status === "partial_success" &&
    truth.pages_need_ocr.length > 0 &&
    Object.values(output.cells).some((c) => c.source === "ocr" && c.confidence < UNCERTAIN_BELOW) &&
    !output.issues.some((i) => ["page.needs_ocr", "page.unreadable", "rules.failed"].includes(i.code));
  if (output.status !== truth.status && !uncertainOcr)
    problems.push(`status: expected ${truth.status}, got ${output.status}`);
  if (output.report.agency !== truth.report.agency)
    problems.push(`agency: expected ${truth.report.agency}, got ${output.report.agency}`);
  if (output.report.year !== truth.report.year)
    problems.push(`year: expected ${truth.report.year}, got ${output.report.year}`);
  if (output.report.template !== truth.report.template)
    problems.push(`template: expected ${truth.report.template}, got ${output.report.template}`);
  // Pages that need OCR: read by OCR (method "ocr"), or still waiting for it (a page.needs_ocr issue).
  const ocrPages = [
    ...new Set([
      ...output.pages.filter((p) => p.method === "ocr").map((p) => p.page),
      ...output.issues.filter((i) => i.code === "page.needs_ocr").map((i) => i.page),
    ]),
  ].sort();
  if (ocrPages.join() !== [...truth.pages_need_ocr].sort().join()) {
    problems.push(`pages needing OCR: expected [${truth.pages_need_ocr}], got [${ocrPages}]`);
  }
  return { cells, exact, problems };
}

function diffList(a: readonly string[], b: readonly string[]): string[] {
  const set = new Set(b);
  return a.filter((x) => !set.has(x));
}
