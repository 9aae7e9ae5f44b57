import type { ErrorClass, Issue } from "../model/issue.js";
import type { ReportOutput } from "../model/report.js";
import { buildOutput } from "../stages/output/index.js";
import { v2021 } from "../templates/index.js";

export interface DocumentResult {
  readonly output: ReportOutput;
  /** Set when the input failed as a whole. */
  readonly errorClass: ErrorClass | null;
}

/** The part of an output that comes from the file itself. */
export interface DocumentSource {
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly pages?: number;
}

/** The output of an input that failed as a whole: status `failure`, an issue naming the error class. */
export function failDocument(
  source: DocumentSource,
  errorClass: ErrorClass,
  message: string,
  pages: ReportOutput["pages"] = [],
  pageIssues: readonly Issue[] = [],
): DocumentResult {
  const output = buildOutput(
    {
      file: source.file,
      sha256: source.sha256,
      bytes: source.bytes,
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
