import { Queue } from "bullmq";
import { formatDuration } from "../batch/progress.js";
import { checkReports } from "../check-reports.js";
import { connect, QUEUE_NAME, redisOptions } from "./connection.js";
import { latestRuns, markCrossReport, type RunStats, readRun } from "./run-stats.js";

export interface QueueCounts {
  readonly waiting: number;
  readonly active: number;
  readonly delayed: number;
  readonly completed: number;
  readonly failed: number;
}

export interface QueueStatus {
  readonly counts: QueueCounts;
  readonly runs: readonly RunStats[];
}

/** Seconds a drained run may go without its cross-report before `status --wait` runs the rules itself. */
const CROSS_GRACE_MS = 10_000;

/** The queue's job counts and the stats of one run (`runId`) or of the newest few runs. */
export async function readQueueStatus(queueUrl: string, runId?: string, runs = 5): Promise<QueueStatus> {
  const queue = new Queue(QUEUE_NAME, { connection: redisOptions(queueUrl) });
  const redis = connect(queueUrl);
  try {
    const raw = await queue.getJobCounts("waiting", "prioritized", "active", "delayed", "completed", "failed");
    const counts: QueueCounts = {
      waiting: (raw.waiting ?? 0) + (raw.prioritized ?? 0),
      active: raw.active ?? 0,
      delayed: raw.delayed ?? 0,
      completed: raw.completed ?? 0,
      failed: raw.failed ?? 0,
    };
    const ids = runId === undefined ? await latestRuns(redis, runs) : [runId];
    const stats = (await Promise.all(ids.map((id) => readRun(redis, id)))).filter((s): s is RunStats => s !== null);
    return { counts, runs: stats };
  } finally {
    await queue.close();
    redis.disconnect();
  }
}

/**
 * Polls until the run's jobs have all finished and its cross-report is written. When the worker that
 * finished the last job died before writing it, the rules are run here after a grace period. A job BullMQ
 * failed for stalling too often is not seen by any worker's bookkeeping: once the whole queue has stayed
 * idle for the grace period, the run counts as drained all the same.
 */
export async function waitForRun(queueUrl: string, runId: string, pollMs = 1000): Promise<RunStats> {
  const redis = connect(queueUrl);
  const queue = new Queue(QUEUE_NAME, { connection: redisOptions(queueUrl) });
  try {
    let drainedAt: number | null = null;
    let idleSince: number | null = null;
    for (;;) {
      const run = await readRun(redis, runId);
      if (!run) throw new Error(`No run ${runId} in this queue`);
      const now = Date.now();
      if (run.finished < run.total) {
        const c = await queue.getJobCounts("waiting", "prioritized", "active", "delayed");
        const busy = (c.waiting ?? 0) + (c.prioritized ?? 0) + (c.active ?? 0) + (c.delayed ?? 0);
        idleSince = busy > 0 ? null : (idleSince ?? now);
      }
      const idle = idleSince !== null && now - idleSince > CROSS_GRACE_MS;
      if (run.finished >= run.total || idle) {
        if (run.total === 0 || run.crossReport !== null) return run;
        drainedAt ??= now;
        if (idle || now - drainedAt > CROSS_GRACE_MS) {
          const cross = await checkReports(run.outDir);
          await markCrossReport(redis, runId, cross.report.flags.length);
          return { ...run, crossReport: Date.now(), crossFlags: cross.report.flags.length };
        }
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  } finally {
    await queue.close();
    redis.disconnect();
  }
}

/** Plain-text status: queue counts, then per run progress, rate, ETA and failures by class. */
export function formatQueueStatus(status: QueueStatus, now = Date.now()): string {
  const c = status.counts;
  const lines = [
    `queue: ${c.waiting} waiting, ${c.active} active, ${c.delayed} delayed (retrying), ${c.completed} done, ${c.failed} failed`,
  ];
  for (const run of status.runs) lines.push(...formatRun(run, now));
  if (status.runs.length === 0) lines.push("no runs");
  return `${lines.join("\n")}\n`;
}

function formatRun(run: RunStats, now: number): string[] {
  const failedJobs = run.byStatus.job_failed ?? 0;
  const done = run.finished - failedJobs;
  const left = run.total - run.finished;
  const end = left === 0 ? (run.lastDone ?? now) : now;
  const elapsed = Math.max((end - run.created) / 1000, 0.001);
  const rate = run.finished / elapsed;
  const eta = left === 0 ? "drained" : rate > 0 ? `ETA ${formatDuration(left / rate)}` : "ETA ?";
  const statuses = Object.entries(run.byStatus)
    .filter(([s]) => s !== "job_failed")
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([s, n]) => `${s} ${n}`)
    .join(", ");
  const classes = Object.entries(run.byClass)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([s, n]) => `${s} ${n}`)
    .join(", ");
  const lines = [
    `run ${run.runId}: ${run.total} job(s) into ${run.outDir} (+${run.alreadyQueued} already queued, ${run.skipped} already done)`,
    `  ${done} done, ${failedJobs} failed, ${left} to go; ${rate.toFixed(2)} docs/s over ${formatDuration(elapsed)}, ${eta}`,
    `  status: ${statuses || "none"}; ${run.pages} pages`,
    `  failures by class: ${classes || "none"}`,
  ];
  if (run.crossReport !== null) lines.push(`  cross-report: ${run.crossFlags ?? 0} flag(s), written`);
  else if (left === 0 && run.total > 0) lines.push("  cross-report: pending");
  return lines;
}
