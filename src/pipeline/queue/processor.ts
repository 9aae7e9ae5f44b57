/**
 * BullMQ sandboxed processor: runs in a process of its own per concurrent job (the worker's `useWorkerThreads:
 * false`), so the worker's lock renewal never waits on a document. The document itself runs one level
 * further down, in the batch's document process (`WorkerPool`), which is what enforces the time and memory
 * limits by killing it — the same steps, limits and error classes as the local batch (`document-task.ts`).
 */
import { open, readFile } from "node:fs/promises";
import { join } from "node:path";
import { type SandboxedJob, UnrecoverableError } from "bullmq";
import { resolveLimits, runDocument, writeMemberOutput } from "../batch/document-task.js";
import { computePipelineVersion } from "../batch/pipeline-version.js";
import { WorkerPool } from "../batch/worker-pool.js";
import type { DocumentJobData, DocumentJobResult } from "./job.js";

// The worker went away (kill -9 included): leave with it, and the document process follows on disconnect.
// Only in BullMQ's sandbox process (its entry is bullmq's main.js), not when a test imports this module.
if (/bullmq/.test(process.argv[1] ?? "")) process.on("disconnect", () => process.exit(0));

let pool: { key: string; pool: WorkerPool } | null = null;
let version: Promise<string> | null = null;

/** One pool (one document process) per sandbox process, kept across jobs, replaced when the limits change. */
async function poolFor(limits: ReturnType<typeof resolveLimits>["pool"]): Promise<WorkerPool> {
  const key = JSON.stringify(limits);
  if (pool?.key === key) return pool.pool;
  await pool?.pool.close();
  pool = { key, pool: new WorkerPool(limits) };
  return pool.pool;
}

/** Ends this process's document process (tests; the sandbox process simply exits). */
export async function closeProcessorPool(): Promise<void> {
  await pool?.pool.close();
  pool = null;
}

export default async function processDocument(
  job: SandboxedJob<DocumentJobData, DocumentJobResult>,
): Promise<DocumentJobResult> {
  const data = job.data;
  version ??= computePipelineVersion();
  const pipelineVersion = await version;
  if (pipelineVersion !== data.pipelineVersion) {
    // Outputs of one run come from one pipeline: a fleet mixing versions would write mixed outputs.
    throw new UnrecoverableError(
      `Pipeline version mismatch: the job was enqueued by ${data.pipelineVersion}, this worker runs ${pipelineVersion}`,
    );
  }
  const limits = resolveLimits(data.limits);
  const member = {
    path: data.path,
    fsPath: data.path,
    outRelative: data.out,
    out: data.out,
    sha256: data.sha256,
    bytes: data.bytes,
  };
  const { result, seconds } = await runDocument(await poolFor(limits.pool), member, limits.extract);
  // Transient classes are retried (BullMQ's attempts, exponential back-off): a timeout once, an internal
  // error until the attempts run out. The last attempt's failure is written like any other outcome.
  const attemptsLeft = (job.opts.attempts ?? 1) - job.attemptsMade - 1;
  const transient = (result.errorClass === "timeout" && job.attemptsMade === 0) || result.errorClass === "internal";
  if (transient && attemptsLeft > 0) {
    const message = result.output.issues.find((i) => i.code === result.errorClass)?.message ?? "";
    throw new Error(`${result.errorClass}: ${message}`);
  }
  const { line, entry } = await writeMemberOutput(data.outDir, member, result, seconds, null, pipelineVersion);
  const manifestPath = join(data.outDir, "manifest.jsonl");
  // A job started before (its worker died or lost its lock) may have written its line already.
  const rerun = (job.attemptsStarted ?? 1) > 1 || (job.stalledCounter ?? 0) > 0 || job.attemptsMade > 0;
  const appended = !(rerun && (await hasJobLine(manifestPath, job.id ?? "", data.runId)));
  if (appended) await appendLine(manifestPath, { ...line, job_id: job.id ?? null, run_id: data.runId });
  return { status: entry.status, errorClass: entry.errorClass, pages: entry.pages, seconds, appended };
}

/**
 * Appends one line with a single `write` on an O_APPEND descriptor: on a local file system concurrent
 * appends from several processes never interleave (a shared file system must give the same guarantee).
 */
async function appendLine(path: string, line: object): Promise<void> {
  const handle = await open(path, "a");
  try {
    await handle.write(`${JSON.stringify(line)}\n`);
  } finally {
    await handle.close();
  }
}

/** Whether the manifest already holds this job's line for this run (read only on a re-run). */
async function hasJobLine(path: string, jobId: string, runId: string): Promise<boolean> {
  const text = await readFile(path, "utf8").catch(() => "");
  const needle = `"job_id":${JSON.stringify(jobId)}`;
  for (const raw of text.split("\n")) {
    if (!raw.includes(needle)) continue;
    try {
      const value = JSON.parse(raw) as { job_id?: unknown; run_id?: unknown };
      if (value.job_id === jobId && value.run_id === runId) return true;
    } catch {
      // a torn line
    }
  }
  return false;
}
