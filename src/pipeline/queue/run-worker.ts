import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Job, Worker } from "bullmq";
import { describeError } from "../../errors.js";
import { checkReports } from "../check-reports.js";
import { connect, QUEUE_NAME, redisOptions } from "./connection.js";
import type { DocumentJobData, DocumentJobResult } from "./job.js";
import { markCrossReport, recordFinished } from "./run-stats.js";

export interface QueueWorkerOptions {
  readonly queueUrl: string;
  /** Documents processed at once, each in a sandboxed process of its own. */
  readonly jobs: number;
  /** Seconds a job's lock lasts without renewal; a job whose worker died is taken up again after about this. */
  readonly lockSeconds?: number;
  /** One line per finished document, and notices (connection lost, cross-report written). */
  readonly log?: (line: string) => void;
  /** Resolves when the worker should stop (it then finishes its active jobs). */
  readonly stop: Promise<void>;
}

export const DEFAULT_LOCK_SECONDS = 30;

const here = fileURLToPath(import.meta.url);

/**
 * The sandboxed processor file beside this module: `processor.js` in `dist/`; from source (tsx, vitest) the
 * `.ts` file, which the sandbox process loads through the tsx loader it inherits in `execArgv`.
 */
export function processorFile(): string {
  const file = join(dirname(here), here.endsWith(".ts") ? "processor.ts" : "processor.js");
  if (!existsSync(file)) throw new Error(`The queue processor is missing: ${file}`);
  return file;
}

/**
 * Takes documents off the queue until `stop` resolves. Each finished job is counted into its run once; the
 * worker that finishes a run's last job runs the cross-report rules over the run's output folder.
 */
export async function runQueueWorker(options: QueueWorkerOptions): Promise<void> {
  const log = options.log ?? (() => undefined);
  const lockMs = (options.lockSeconds ?? DEFAULT_LOCK_SECONDS) * 1000;
  const redis = connect(options.queueUrl);
  redis.on("error", () => undefined); // reconnects on its own; the worker's `error` event reports it once
  const worker = new Worker<DocumentJobData, DocumentJobResult, "extract">(QUEUE_NAME, processorFile(), {
    connection: redisOptions(options.queueUrl),
    concurrency: options.jobs,
    useWorkerThreads: false,
    lockDuration: lockMs,
    stalledInterval: lockMs,
    // A job whose worker died twice is failed rather than retried forever (a document that kills workers).
    maxStalledCount: 2,
  });
  let connectionLost = false;
  worker.on("error", (error) => {
    if (!connectionLost) log(`gongkai worker: ${error.message} (reconnecting)`);
    connectionLost = true;
  });
  worker.on("ready", () => {
    if (connectionLost) log("gongkai worker: connected again");
    connectionLost = false;
  });

  // Bookkeeping runs one at a time, so `stop` can wait for it.
  let pending = Promise.resolve();
  const finish = (
    job: Job<DocumentJobData, DocumentJobResult, "extract">,
    status: string,
    result: DocumentJobResult | null,
  ) => {
    pending = pending.then(async () => {
      try {
        const last = await recordFinished(redis, {
          runId: job.data.runId,
          jobId: job.id ?? "",
          status,
          errorClass: result?.errorClass ?? null,
          pages: result?.pages ?? 0,
          seconds: result?.seconds ?? 0,
        });
        if (!last) return;
        const cross = await checkReports(job.data.outDir);
        await markCrossReport(redis, job.data.runId, cross.report.flags.length);
        log(`run ${job.data.runId} drained: ${cross.report.flags.length} cross-report flag(s) in ${cross.path}`);
      } catch (error) {
        log(`gongkai worker: bookkeeping of ${job.id} failed: ${describeError(error)}`);
      }
    });
  };
  worker.on("completed", (job, result) => {
    log(
      `${result.status}${result.errorClass ? ` (${result.errorClass})` : ""} ${result.seconds.toFixed(2)} s  ${job.data.out}${result.appended ? "" : "  (re-run: manifest line already written)"}`,
    );
    finish(job, result.status, result);
  });
  worker.on("failed", (job, error) => {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1) || error.name === "UnrecoverableError";
    log(`${final ? "job failed" : "retrying"}: ${job.data.out}: ${error.message}`);
    if (final) finish(job, "job_failed", null);
  });

  await options.stop;
  await worker.close();
  await pending;
  redis.disconnect();
}
