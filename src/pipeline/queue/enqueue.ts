import { join, resolve } from "node:path";
import { Queue } from "bullmq";
import { DEFAULT_MAX_BYTES } from "../batch/defaults.js";
import type { DocumentLimits } from "../batch/document-task.js";
import { readManifest } from "../batch/manifest.js";
import { refuseForeignFiles } from "../batch/output-guard.js";
import { computePipelineVersion } from "../batch/pipeline-version.js";
import { planBatch } from "../batch/plan-inputs.js";
import { collectInputs } from "../collect-inputs.js";
import { connect, QUEUE_NAME, redisOptions } from "./connection.js";
import {
  BACKOFF_MS,
  type DocumentJobData,
  type DocumentJobResult,
  documentJobId,
  JOB_ATTEMPTS,
  newRunId,
} from "./job.js";
import { createRun } from "./run-stats.js";

export interface EnqueueOptions extends DocumentLimits {
  readonly outDir: string;
  readonly queueUrl: string;
  /** Also redo inputs whose manifest line says `failure`. */
  readonly retryFailed?: boolean;
}

export interface EnqueueSummary {
  readonly runId: string;
  readonly inputs: number;
  /** Jobs added by this run. */
  readonly enqueued: number;
  /** Inputs whose job was already waiting, delayed or active (enqueued by an earlier run). */
  readonly alreadyQueued: number;
  /** Inputs the manifest says are done (same bytes, same pipeline version, output present). */
  readonly skipped: number;
  readonly pipelineVersion: string;
}

/** How every document job is added: its id, retries with back-off, how long finished jobs are kept. */
export function documentJobOptions(jobId: string) {
  return {
    jobId,
    attempts: JOB_ATTEMPTS,
    backoff: { type: "exponential", delay: BACKOFF_MS },
    // Kept a while, so a re-enqueue sees them as done; the manifest remembers beyond that.
    removeOnComplete: { age: 7 * 24 * 3600 },
    removeOnFail: { age: 30 * 24 * 3600 },
  };
}

/** Job states in which an input counts as queued: adding it again would do it twice. */
const QUEUED_STATES = new Set(["waiting", "delayed", "active", "prioritized", "waiting-children"]);
/** Ids checked and jobs added per round trip. */
const CHUNK = 500;

/**
 * Hashes the inputs and enqueues one job per input that is neither done (per `<out>/manifest.jsonl`, as a
 * local rerun decides) nor already queued. Job ids are deterministic (`documentJobId`), so enqueuing the same
 * inputs again adds nothing; a finished job whose output is missing or failed (with `retryFailed`) is
 * replaced by a new one. The run's total is registered before any job is added.
 */
export async function enqueueInputs(args: readonly string[], options: EnqueueOptions): Promise<EnqueueSummary> {
  const outDir = resolve(options.outDir);
  const inputs = await collectInputs(args);
  const pipelineVersion = await computePipelineVersion();
  // Workers may be appending: read the manifest without cutting a line being written.
  const done = await readManifest(join(outDir, "manifest.jsonl"), { repairTail: false });
  const plan = await planBatch(inputs, done, {
    outDir,
    pipelineVersion,
    retryFailed: options.retryFailed ?? false,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
  });
  // As a local run: never overwrite a file gongkai did not write.
  await refuseForeignFiles(
    outDir,
    plan.groups.flatMap((g) => g.todo.map((m) => m.out)),
    done,
  );
  const limits: DocumentLimits = {
    ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
    ...(options.timeoutSeconds === undefined ? {} : { timeoutSeconds: options.timeoutSeconds }),
    ...(options.maxMemoryMb === undefined ? {} : { maxMemoryMb: options.maxMemoryMb }),
    ...(options.maxPages === undefined ? {} : { maxPages: options.maxPages }),
  };
  const runId = newRunId();
  const candidates = plan.groups.flatMap((group) => group.todo);
  const queue = new Queue<DocumentJobData, DocumentJobResult, "extract">(QUEUE_NAME, {
    connection: redisOptions(options.queueUrl),
  });
  const redis = connect(options.queueUrl);
  try {
    const fresh: { id: string; data: DocumentJobData }[] = [];
    let alreadyQueued = 0;
    for (let i = 0; i < candidates.length; i += CHUNK) {
      const chunk = candidates.slice(i, i + CHUNK).map((member) => {
        const data: DocumentJobData = {
          runId,
          path: resolve(member.path),
          outDir,
          out: member.out,
          sha256: member.sha256,
          bytes: member.bytes,
          pipelineVersion,
          limits,
        };
        return { id: documentJobId(data), data };
      });
      const states = await Promise.all(chunk.map((job) => queue.getJobState(job.id)));
      for (const [index, job] of chunk.entries()) {
        const state = states[index] ?? "unknown";
        if (QUEUED_STATES.has(state)) {
          alreadyQueued += 1;
          continue;
        }
        // Finished before, yet the manifest wants it redone (output gone, or --retry-failed): a new job.
        if (state !== "unknown") await queue.remove(job.id);
        fresh.push(job);
      }
    }
    await createRun(redis, { runId, outDir, total: fresh.length, alreadyQueued, skipped: plan.skipped });
    for (let i = 0; i < fresh.length; i += CHUNK) {
      await queue.addBulk(
        fresh.slice(i, i + CHUNK).map((job) => ({
          name: "extract" as const,
          data: job.data,
          opts: documentJobOptions(job.id),
        })),
      );
    }
    return {
      runId,
      inputs: inputs.length,
      enqueued: fresh.length,
      alreadyQueued,
      skipped: plan.skipped,
      pipelineVersion,
    };
  } finally {
    await queue.close();
    redis.disconnect();
  }
}
