import type { ErrorClass, Issue } from "../model/issue.js";
import type { ReportOutput } from "../model/report.js";
import { v2021 } from "../templates/index.js";
import { buildOutput } from "./build-output.js";

/**
 * What one document gives: its output, and the error class when it failed as a whole. In its own module (not
 * extract-document.ts) so the batch process, which writes failure outputs for killed document processes, does
 * not load the pipeline's stages (pdf.js, @napi-rs/canvas, the OCR runtime) that only document processes use.
 */
export interface DocumentResult {
  readonly output: ReportOutput;
  /** Set when the input failed as a whole. */
  readonly errorClass: ErrorClass | null;
}

/** The output of an input that failed as a whole (the batch uses it for `timeout`, `too_large`, `internal`). */
export function failureResult(
  source: { file: string; sha256: string; bytes: number; pages?: number },
  errorClass: ErrorClass,
  message: string,
  pages: ReportOutput["pages"] = [],
  pageIssues: readonly Issue[] = [],
): DocumentResult {
  const output = buildOutput(
    {
      ...source,
      pageCount: source.pages ?? null,
      meta: { agency: null, year: null, template: "unknown", title: null },
      status: "failure",
      cells: null,
      flags: [],
      issues: [{ code: errorClass, severity: "error", stage: "ingest", message }, ...pageIssues],
      pages,
    },
    v2021,
  );
  return { output, errorClass };
}
