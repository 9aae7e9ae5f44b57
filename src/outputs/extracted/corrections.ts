import { readFile } from "node:fs/promises";
import { z } from "zod";
import { GongkaiError } from "../../errors.js";
import type { ExtractedDir, ExtractedReport } from "./read-extracted.js";

/**
 * One line of `corrections.jsonl`: a reviewer's reading of one cell. `file` names the report by its output path
 * (relative to the extracted dir), its input path as in manifest.jsonl, or its source file name; `sha256` by the
 * source file's hash. `new` equal to `old` marks the printed value as checked.
 */
export const correctionSchema = z
  .object({
    file: z.string().optional(),
    sha256: z.string().optional(),
    path: z.string(),
    old: z.number().nullable(),
    new: z.number().nullable(),
    who: z.string(),
    why: z.string(),
    when: z.string(),
  })
  .refine((c) => c.file !== undefined || c.sha256 !== undefined, { message: "Expected `file` or `sha256`" });
export type Correction = z.infer<typeof correctionSchema>;

export type CorrectionStatus =
  | "applied"
  | "checked"
  | "old_mismatch"
  | "report_not_found"
  | "report_ambiguous"
  | "path_not_found"
  | "superseded"
  | "invalid";

export interface CorrectionOutcome {
  /** 1-based line of corrections.jsonl. */
  readonly line: number;
  readonly correction: Correction | null;
  readonly status: CorrectionStatus;
  /** The report's output path when found. */
  readonly report: string | null;
  /** The value the cell was printed with (before any correction), when the cell was found. */
  readonly printed: number | null;
  readonly detail: string;
}

/** The corrections that hold for one report: by cell path, the last applied or checked line. */
export type ReportCorrections = ReadonlyMap<string, { readonly correction: Correction; readonly line: number }>;

export interface CorrectionSet {
  readonly outcomes: readonly CorrectionOutcome[];
  /** By report output path. */
  readonly byReport: ReadonlyMap<string, ReportCorrections>;
}

/** Parses corrections.jsonl text; a bad line becomes an `invalid` outcome, never a throw. */
export function parseCorrections(text: string): { line: number; correction: Correction | null; detail: string }[] {
  const parsed: { line: number; correction: Correction | null; detail: string }[] = [];
  text.split("\n").forEach((raw, index) => {
    if (raw.trim() === "") return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      parsed.push({ line: index + 1, correction: null, detail: `not JSON: ${(error as Error).message}` });
      return;
    }
    const result = correctionSchema.safeParse(json);
    if (result.success) parsed.push({ line: index + 1, correction: result.data, detail: "" });
    else {
      const issue = result.error.issues[0];
      parsed.push({ line: index + 1, correction: null, detail: `${issue?.path.join(".") ?? ""}: ${issue?.message}` });
    }
  });
  return parsed;
}

export async function readCorrectionsFile(path: string): Promise<ReturnType<typeof parseCorrections>> {
  try {
    return parseCorrections(await readFile(path, "utf8"));
  } catch (error) {
    throw new GongkaiError(`Expected a corrections.jsonl file at \`${path}\`, could not read it`, { cause: error });
  }
}

/**
 * Matches each correction to its report and cell, in file order. A correction applies only when its `old` equals
 * the printed value (or the value an earlier line corrected it to); a later line for the same cell supersedes.
 */
export function resolveCorrections(lines: ReturnType<typeof parseCorrections>, extracted: ExtractedDir): CorrectionSet {
  const outcomes: CorrectionOutcome[] = [];
  const byReport = new Map<string, Map<string, { correction: Correction; line: number }>>();
  const findReport = buildReportFinder(extracted);
  for (const { line, correction, detail } of lines) {
    if (correction === null) {
      outcomes.push({ line, correction, status: "invalid", report: null, printed: null, detail });
      continue;
    }
    const found = findReport(correction);
    if (found.length !== 1) {
      const status = found.length === 0 ? "report_not_found" : "report_ambiguous";
      const which = correction.sha256 ?? correction.file ?? "";
      const detail =
        found.length === 0 ? `no report matches ${which}` : `${which} matches ${found.map((r) => r.file).join(", ")}`;
      outcomes.push({ line, correction, status, report: null, printed: null, detail });
      continue;
    }
    const report = found[0] as ExtractedReport;
    const cell = report.output.cells[correction.path];
    if (cell === undefined) {
      outcomes.push({
        line,
        correction,
        status: "path_not_found",
        report: report.file,
        printed: null,
        detail: `${report.file} has no cell ${correction.path}`,
      });
      continue;
    }
    const cells = byReport.get(report.file) ?? new Map<string, { correction: Correction; line: number }>();
    const earlier = cells.get(correction.path);
    const current = earlier === undefined ? cell.value : earlier.correction.new;
    if (correction.old !== cell.value && correction.old !== current) {
      outcomes.push({
        line,
        correction,
        status: "old_mismatch",
        report: report.file,
        printed: cell.value,
        detail: `old ${String(correction.old)} ≠ printed ${String(cell.value)}${current === cell.value ? "" : ` (corrected to ${String(current)})`}`,
      });
      continue;
    }
    if (earlier !== undefined) {
      const index = outcomes.findIndex((o) => o.line === earlier.line);
      const previous = outcomes[index];
      if (previous !== undefined) {
        outcomes[index] = { ...previous, status: "superseded", detail: `superseded by line ${line}` };
      }
    }
    cells.set(correction.path, { correction, line });
    byReport.set(report.file, cells);
    const checked = correction.new === cell.value;
    outcomes.push({
      line,
      correction,
      status: checked ? "checked" : "applied",
      report: report.file,
      printed: cell.value,
      detail: checked ? "printed value confirmed" : `${String(cell.value)} → ${String(correction.new)}`,
    });
  }
  return { outcomes, byReport };
}

function buildReportFinder(extracted: ExtractedDir): (c: Correction) => ExtractedReport[] {
  const inputBySha = new Map<string, string[]>();
  for (const line of extracted.manifest) {
    if (line.sha256 === null) continue;
    inputBySha.set(line.sha256, [...(inputBySha.get(line.sha256) ?? []), line.file]);
  }
  return (correction) =>
    extracted.reports.filter((report) => {
      const sha = report.output.source.sha256;
      if (correction.sha256 !== undefined && correction.sha256 !== sha) return false;
      if (correction.file === undefined) return true;
      const names = [report.file, report.output.source.file, ...(inputBySha.get(sha) ?? [])];
      return names.includes(correction.file);
    });
}
