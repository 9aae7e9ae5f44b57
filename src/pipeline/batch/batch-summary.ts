import type { ErrorClass } from "../../model/issue.js";
import type { Status } from "../../model/report.js";

/** What the batch reports about one finished input (also handed to `onDocument`). */
export interface BatchEntry {
  /** The input path as found. */
  readonly file: string;
  /** The output path. */
  readonly out: string;
  readonly sha256: string;
  readonly status: Status;
  readonly errorClass: ErrorClass | null;
  /** The failure issue's message for a failed input, else null. */
  readonly message: string | null;
  readonly template: string;
  readonly pages: number | null;
  readonly flags: { error: number; warning: number; info: number };
  readonly flagRules: readonly string[];
  readonly seconds: number;
  /** The input path of the earlier input with the same bytes, when this one was not extracted itself. */
  readonly duplicateOf: string | null;
}

/** Counters only: a batch of any size keeps this much (plus the few slowest and first failures). */
export interface BatchSummary {
  /** Inputs found. */
  inputs: number;
  /** Inputs skipped because a previous run finished them (same bytes and pipeline version). */
  skipped: number;
  /** Of those, inputs whose previous run failed (`--retry-failed` redoes them). */
  skippedFailed: number;
  /** Inputs finished in this run (duplicates included). */
  done: number;
  /** Inputs that shared another input's extraction. */
  duplicates: number;
  byStatus: Partial<Record<Status, number>>;
  byErrorClass: Partial<Record<ErrorClass, number>>;
  flagsByRule: Record<string, number>;
  /** Cross-report flags by rule (`cross.*`), from `<out>/cross-report.json`. */
  crossFlagsByRule: Record<string, number>;
  pages: number;
  /** Wall-clock seconds of the run. */
  seconds: number;
  slowest: { file: string; seconds: number; pages: number | null }[];
  failures: { file: string; errorClass: ErrorClass | null; message: string | null }[];
  /** Folder entries not collected (a broken link, a link loop, an unreadable folder), and the first ones. */
  unlisted: number;
  unlistedFirst: { path: string; reason: string }[];
}

export const SLOWEST_KEPT = 5;
export const FAILURES_KEPT = 20;

export function emptySummary(): BatchSummary {
  return {
    inputs: 0,
    skipped: 0,
    skippedFailed: 0,
    done: 0,
    duplicates: 0,
    byStatus: {},
    byErrorClass: {},
    flagsByRule: {},
    crossFlagsByRule: {},
    pages: 0,
    seconds: 0,
    slowest: [],
    failures: [],
    unlisted: 0,
    unlistedFirst: [],
  };
}

export function addUnlisted(summary: BatchSummary, entry: { path: string; reason: string }): void {
  summary.unlisted += 1;
  if (summary.unlistedFirst.length < FAILURES_KEPT) summary.unlistedFirst.push(entry);
}

export function addEntry(summary: BatchSummary, entry: BatchEntry): void {
  summary.done += 1;
  summary.byStatus[entry.status] = (summary.byStatus[entry.status] ?? 0) + 1;
  if (entry.errorClass) summary.byErrorClass[entry.errorClass] = (summary.byErrorClass[entry.errorClass] ?? 0) + 1;
  for (const rule of entry.flagRules) summary.flagsByRule[rule] = (summary.flagsByRule[rule] ?? 0) + 1;
  if (entry.duplicateOf !== null) {
    summary.duplicates += 1;
    return; // its extraction, pages and time are counted once, on the input it duplicates
  }
  // Pages read: a failed input's page count (too_large: 10,000) was not read.
  if (entry.status !== "failure") summary.pages += entry.pages ?? 0;
  if (entry.status === "failure" && summary.failures.length < FAILURES_KEPT) {
    summary.failures.push({ file: entry.file, errorClass: entry.errorClass, message: entry.message });
  }
  // The N slowest so far, slowest first; N is small, so a sorted insert is the heap.
  const slow = summary.slowest;
  if (slow.length < SLOWEST_KEPT || entry.seconds > (slow[slow.length - 1]?.seconds ?? 0)) {
    slow.push({ file: entry.file, seconds: entry.seconds, pages: entry.pages });
    slow.sort((a, b) => b.seconds - a.seconds || a.file.localeCompare(b.file));
    slow.length = Math.min(slow.length, SLOWEST_KEPT);
  }
}
