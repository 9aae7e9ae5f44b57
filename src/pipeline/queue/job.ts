import { createHash } from "node:crypto";
import type { ErrorClass } from "../../model/issue.js";
import type { Status } from "../../model/report.js";
import type { DocumentLimits } from "../batch/document-task.js";
import { QUEUE_NAME } from "./connection.js";

/** What one queued document holds: everything a worker on another machine needs, nothing it must look up. */
export interface DocumentJobData {
  /** The run that enqueued it (`gongkai status --run`). */
  readonly runId: string;
  /** Absolute path of the input, on storage every worker can read. */
  readonly path: string;
  /** Absolute output folder, on storage every worker can write. */
  readonly outDir: string;
  /** The output's path relative to `outDir`, `/`-separated. */
  readonly out: string;
  readonly sha256: string;
  readonly bytes: number;
  /** The producer's pipeline version: a worker running other code refuses the job. */
  readonly pipelineVersion: string;
  readonly limits: DocumentLimits;
}

/** A job's return value: the document's outcome (a document failure is a done job, not a failed one). */
export interface DocumentJobResult {
  readonly status: Status;
  readonly errorClass: ErrorClass | null;
  readonly pages: number | null;
  readonly seconds: number;
  /** False when a re-run (after a stall) found its manifest line already written. */
  readonly appended: boolean;
}

/** Attempts per job: a transient failure (`internal`, a first `timeout`) is retried with exponential back-off. */
export const JOB_ATTEMPTS = 3;
export const BACKOFF_MS = 2000;

/**
 * The job id: the same output folder, output path, input bytes and pipeline version give the same id, so
 * BullMQ adds nothing for an input that is already queued (its id exists).
 */
export function documentJobId(data: Pick<DocumentJobData, "outDir" | "out" | "sha256" | "pipelineVersion">): string {
  const hash = createHash("sha256");
  hash.update(`${data.outDir}\0${data.out}\0${data.sha256}\0${data.pipelineVersion}`);
  return `doc-${hash.digest("hex").slice(0, 40)}`;
}

/** Redis keys of gongkai's own run bookkeeping (beside BullMQ's `bull:gongkai:*`). */
export const runKeys = (runId: string) => ({
  /** Hash: total, created, out_dir, finished, pages, seconds, status:<s>, class:<c>, first_done, last_done, checked. */
  stats: `gongkai:${QUEUE_NAME}:run:${runId}`,
  /** Set of the job ids finished (once each, however often a job was re-run). */
  finished: `gongkai:${QUEUE_NAME}:run:${runId}:finished`,
});
/** Sorted set of run ids by creation time. */
export const RUNS_KEY = `gongkai:${QUEUE_NAME}:runs`;

/** `<utc time>-<random>`: sortable, unique enough for a fleet. */
export function newRunId(now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  return `${stamp}-${createHash("sha256").update(`${Math.random()}${process.pid}${now.getTime()}`).digest("hex").slice(0, 6)}`;
}
