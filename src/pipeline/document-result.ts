import type { ErrorClass, Issue } from "../model/issue.js";
import type { ReportOutput } from "../model/report.js";
import { type Done, type Failed, failed } from "../model/result.js";
import { buildOutput } from "../stages/output/index.js";
import { v2021 } from "../templates/index.js";

export interface DocumentResult {
  readonly output: ReportOutput;
  /** Set when the input failed as a whole. */
  readonly errorClass: ErrorClass | null;
}

/** The failure message of `no_tables`, whatever the input's kind. */
export const NO_TABLES_MESSAGE =
  "A report title but none of the template's tables (nor any fact a pre-2019 report states) was found";

/** The part of an output that comes from the file itself. */
export interface DocumentSource {
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly pages?: number;
}

/**
 * What a front end returns: the document's output (its issues are in it), or the input failed as a whole —
 * `Failed`, with what the front end learnt of the input first. `documentResult` makes either the output.
 */
export type FrontEndResult = Done<ReportOutput> | DocumentFailed;

/** An input that failed as a whole: its error class and why, the issues met on the way, and its pages if counted. */
export interface DocumentFailed extends Failed {
  /** The output's `source.pages`, when the input's pages were counted. */
  readonly pageCount?: number;
  /** The output's `pages`: those read before it failed. */
  readonly pages?: ReportOutput["pages"];
}

export function failedDocument(
  errorClass: ErrorClass,
  message: string,
  {
    pageCount,
    pages,
    issues = [],
  }: { pageCount?: number; pages?: ReportOutput["pages"]; issues?: readonly Issue[] } = {},
): DocumentFailed {
  return {
    ...failed(errorClass, message, issues),
    ...(pageCount === undefined ? {} : { pageCount }),
    ...(pages === undefined ? {} : { pages }),
  };
}

/** A front end's result as the document's output. */
export function documentResult(source: DocumentSource, result: FrontEndResult): DocumentResult {
  if (result.ok) return { output: result.value, errorClass: null };
  const counted = result.pageCount === undefined ? source : { ...source, pages: result.pageCount };
  return failDocument(counted, result.errorClass, result.message, result.pages, result.issues);
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
