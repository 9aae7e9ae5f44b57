import type { Redis } from "ioredis";
import { RUNS_KEY, runKeys } from "./job.js";

/**
 * Counts a finished job into its run, once per job id (a job re-run after a stall is not counted twice).
 * Returns true for the one caller that finished the run's last job and so runs the cross-report rules.
 */
const FINISH_SCRIPT = `
if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('HINCRBY', KEYS[2], 'finished', 1)
redis.call('HINCRBY', KEYS[2], 'status:' .. ARGV[2], 1)
if ARGV[3] ~= '' then redis.call('HINCRBY', KEYS[2], 'class:' .. ARGV[3], 1) end
redis.call('HINCRBY', KEYS[2], 'pages', ARGV[4])
redis.call('HINCRBYFLOAT', KEYS[2], 'seconds', ARGV[5])
redis.call('HSETNX', KEYS[2], 'first_done', ARGV[6])
redis.call('HSET', KEYS[2], 'last_done', ARGV[6])
local total = tonumber(redis.call('HGET', KEYS[2], 'total') or '0')
if total > 0 and redis.call('SCARD', KEYS[1]) >= total then
  if redis.call('HSETNX', KEYS[2], 'checked', ARGV[6]) == 1 then return 1 end
end
return 0`;

export interface FinishedJob {
  readonly runId: string;
  readonly jobId: string;
  /** The document's status, or `job_failed` for a job BullMQ gave up on. */
  readonly status: string;
  readonly errorClass: string | null;
  readonly pages: number;
  readonly seconds: number;
}

export async function recordFinished(redis: Redis, job: FinishedJob): Promise<boolean> {
  const keys = runKeys(job.runId);
  const last = await redis.eval(
    FINISH_SCRIPT,
    2,
    keys.finished,
    keys.stats,
    job.jobId,
    job.status,
    job.errorClass ?? "",
    String(job.pages),
    String(job.seconds),
    String(Date.now()),
  );
  return last === 1;
}

/** Registers a run before its jobs are added: the total must be known before any worker can finish the last job. */
export async function createRun(
  redis: Redis,
  run: { runId: string; outDir: string; total: number; alreadyQueued: number; skipped: number },
): Promise<void> {
  const now = Date.now();
  await redis
    .multi()
    .hset(runKeys(run.runId).stats, {
      total: run.total,
      created: now,
      out_dir: run.outDir,
      already_queued: run.alreadyQueued,
      skipped: run.skipped,
      finished: 0,
    })
    .zadd(RUNS_KEY, now, run.runId)
    .exec();
}

/** Marks the run's cross-report as written (`gongkai status --wait` waits for it). */
export async function markCrossReport(redis: Redis, runId: string, flags: number): Promise<void> {
  await redis.hset(runKeys(runId).stats, { cross_report: Date.now(), cross_flags: flags });
}

export interface RunStats {
  readonly runId: string;
  readonly outDir: string;
  readonly total: number;
  readonly finished: number;
  readonly alreadyQueued: number;
  readonly skipped: number;
  readonly created: number;
  readonly firstDone: number | null;
  readonly lastDone: number | null;
  readonly pages: number;
  readonly byStatus: Record<string, number>;
  readonly byClass: Record<string, number>;
  /** When the cross-report rules ran on the drained run, and how many flags they gave. */
  readonly crossReport: number | null;
  readonly crossFlags: number | null;
  readonly checked: number | null;
}

export async function readRun(redis: Redis, runId: string): Promise<RunStats | null> {
  const hash = await redis.hgetall(runKeys(runId).stats);
  if (!hash.created) return null;
  const byStatus: Record<string, number> = {};
  const byClass: Record<string, number> = {};
  for (const [key, value] of Object.entries(hash)) {
    if (key.startsWith("status:")) byStatus[key.slice(7)] = Number(value);
    if (key.startsWith("class:")) byClass[key.slice(6)] = Number(value);
  }
  const num = (key: string) => (hash[key] === undefined ? null : Number(hash[key]));
  return {
    runId,
    outDir: hash.out_dir ?? "",
    total: num("total") ?? 0,
    finished: num("finished") ?? 0,
    alreadyQueued: num("already_queued") ?? 0,
    skipped: num("skipped") ?? 0,
    created: num("created") ?? 0,
    firstDone: num("first_done"),
    lastDone: num("last_done"),
    pages: num("pages") ?? 0,
    byStatus,
    byClass,
    crossReport: num("cross_report"),
    crossFlags: num("cross_flags"),
    checked: num("checked"),
  };
}

/** The newest run ids, newest first. */
export async function latestRuns(redis: Redis, count: number): Promise<string[]> {
  return redis.zrevrange(RUNS_KEY, 0, count - 1);
}
