/**
 * The queue figures of `npm run bench`: the same N documents (distinct copies of the born-digital samples)
 * through the local runner (`--jobs 2`), through the queue with one worker, and with two workers (the
 * built CLI, a throwaway redis-server on a free port). The difference per document is the queue's overhead.
 * Then the Redis memory of M queued jobs (`INFO memory` used_memory), extrapolated to a million.
 * CPU seconds: the local run's from rusage (cpu-time.ts); the queue workers' from /proc
 * (their own and their reaped document processes' times, plus live document processes) just before they are
 * stopped; enqueueing is timed by the wall clock only. Prints, asserts nothing.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Queue } from "bullmq";
import { connect, QUEUE_NAME, redisOptions } from "../src/pipeline/queue/connection.js";
import { documentJobOptions } from "../src/pipeline/queue/enqueue.js";
import { type DocumentJobData, documentJobId, newRunId } from "../src/pipeline/queue/job.js";
import { readRun } from "../src/pipeline/queue/run-stats.js";
import { TestRedis } from "../tests/queue/redis-server.js";
import { makeCorpus } from "./bench-batch.js";
import { type Cost, runCosted } from "./cpu-time.js";

const ROOT = join(import.meta.dirname, "..");
const CLI = join(ROOT, "dist/cli.js");

function hasRedisServer(): boolean {
  const probe = spawnSync("redis-server", ["--version"], { stdio: "ignore" });
  return probe.error === undefined && probe.status === 0;
}

async function runCli(args: string[]): Promise<string> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  let stdout = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    stdout += chunk;
  });
  const [code] = (await once(child, "exit")) as [number | null];
  if (code !== 0) throw new Error(`Expected gongkai ${args[0]} to exit 0, got ${code}`);
  return stdout;
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ; 100 on Linux). */
const HZ = 100;

/** /proc/<pid>/stat fields after the command name: ppid at 1; utime, stime, cutime, cstime at 11–14. */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/**
 * CPU seconds of the process tree under `pid` (worker → BullMQ sandbox process → document process), read from
 * /proc: each live process's own time plus that of the children it has reaped (which are no longer in the tree).
 */
function treeCpuSeconds(pid: number): number {
  const stats = new Map<number, string[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const fields = statFields(Number(name));
    if (fields) stats.set(Number(name), fields);
  }
  let ticks = 0;
  const visit = (at: number) => {
    const own = stats.get(at);
    if (!own) return;
    ticks += Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
    for (const [child, fields] of stats) if (Number(fields[1]) === at) visit(child);
  };
  visit(pid);
  return ticks / HZ;
}

/** From starting `workers` worker processes (one job each) until the run has drained: wall and CPU seconds. */
async function drain(url: string, runId: string, workers: number): Promise<Cost> {
  const started = performance.now();
  const procs: ChildProcess[] = [];
  for (let i = 0; i < workers; i++) {
    procs.push(
      spawn(process.execPath, [CLI, "worker", "--queue", url, "--jobs", "1", "--quiet"], {
        cwd: ROOT,
        stdio: "ignore",
      }),
    );
  }
  const redis = connect(url);
  try {
    for (;;) {
      const run = await readRun(redis, runId);
      if (run && run.finished >= run.total && run.crossReport !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const wall = (performance.now() - started) / 1000;
    const cpu = procs.reduce((sum, p) => sum + (p.pid === undefined ? 0 : treeCpuSeconds(p.pid)), 0);
    return { cpu, wall };
  } finally {
    redis.disconnect();
    for (const p of procs) p.kill("SIGTERM");
    await Promise.all(procs.map((p) => (p.exitCode === null ? once(p, "exit") : null)));
  }
}

async function queueRun(url: string, inbox: string, out: string, workers: number) {
  const t0 = performance.now();
  const stdout = await runCli(["extract", inbox, "--out", out, "--queue", url]);
  const enqueueSeconds = (performance.now() - t0) / 1000;
  const runId = /^run (\S+)$/m.exec(stdout)?.[1];
  if (!runId) throw new Error(`No run id in: ${stdout}`);
  const cost = await drain(url, runId, workers);
  return { enqueueSeconds, seconds: cost.wall, cpu: cost.cpu };
}

/** used_memory growth for `count` waiting jobs holding realistic data, in bytes per job. */
async function memoryPerJob(url: string, count: number): Promise<{ before: number; after: number; perJob: number }> {
  const redis = connect(url);
  const queue = new Queue<DocumentJobData, unknown, "extract">(`${QUEUE_NAME}-memory`, {
    connection: redisOptions(url),
  });
  const used = async () => Number(/used_memory:(\d+)/.exec(await redis.info("memory"))?.[1] ?? 0);
  try {
    const before = await used();
    const runId = newRunId();
    for (let i = 0; i < count; i += 1000) {
      const jobs = [];
      for (let k = i; k < Math.min(i + 1000, count); k++) {
        const agency = `agency-${String(k % 3000).padStart(4, "0")}`;
        const data: DocumentJobData = {
          runId,
          path: `/archive/inputs/${agency}/${2008 + (k % 17)}/政府信息公开工作年度报告-${k}.pdf`,
          outDir: "/archive/extracted",
          out: `${agency}/${2008 + (k % 17)}/政府信息公开工作年度报告-${k}.json`,
          sha256: `${k.toString(16).padStart(8, "0")}ab`.repeat(7).slice(0, 64),
          bytes: 150_000 + k,
          pipelineVersion: "0.1.0+0123456789ab",
          limits: {},
        };
        jobs.push({ name: "extract" as const, data, opts: documentJobOptions(documentJobId(data)) });
      }
      await queue.addBulk(jobs);
    }
    const after = await used();
    return { before, after, perJob: (after - before) / count };
  } finally {
    await queue.obliterate({ force: true });
    await queue.close();
    redis.disconnect();
  }
}

/** Runs the queue figures on the built CLI (`dist/` must be current: the batch figure rebuilds it). */
export async function benchQueue(pdfs: readonly string[], docs: number, memoryJobs: number): Promise<string> {
  if (!hasRedisServer()) return "queue: redis-server not found on PATH (Debian: redis-server): no queue figures";
  const dir = await mkdtemp(join(tmpdir(), "gongkai-bench-queue-"));
  const redisDir = join(dir, "redis");
  await mkdir(redisDir);
  const redis = new TestRedis(redisDir);
  await redis.start();
  try {
    const lines = [`queue (dist/cli.js, redis-server on 127.0.0.1; worker start-up included; ${docs} docs):`];
    if (docs > 0) {
      const inbox = await makeCorpus(dir, pdfs, docs);
      const localCost = await runCosted(
        process.execPath,
        [CLI, "extract", inbox, "--out", join(dir, "out-local"), "--jobs", "2", "--quiet"],
        { cwd: ROOT },
      );
      const local = localCost.wall;
      const one = await queueRun(redis.url, inbox, join(dir, "out-q1"), 1);
      const two = await queueRun(redis.url, inbox, join(dir, "out-q2"), 2);
      const rate = (s: number) => `${(docs / s).toFixed(2)} docs/s`;
      const perDoc = (cpu: number) => `${((cpu / docs) * 1000).toFixed(0)} CPU ms/doc`;
      lines.push(
        `  local --jobs 2:            ${perDoc(localCost.cpu)}; wall ${local.toFixed(1)} s = ${rate(local)}`,
        `  queue, 1 worker (1 job):   ${perDoc(one.cpu)} (workers, from /proc); wall ${one.seconds.toFixed(1)} s = ${rate(one.seconds)} (enqueue ${one.enqueueSeconds.toFixed(1)} s)`,
        `  queue, 2 workers (1 each): ${perDoc(two.cpu)} (workers, from /proc); wall ${two.seconds.toFixed(1)} s = ${rate(two.seconds)} (enqueue ${two.enqueueSeconds.toFixed(1)} s)`,
        `  queue overhead vs local --jobs 2: ${(((two.seconds - local) / docs) * 1000).toFixed(0)} ms/doc wall (${((((two.seconds - local) * 2) / docs) * 1000).toFixed(0)} ms/doc per core); enqueue ${((two.enqueueSeconds / docs) * 1000).toFixed(1)} ms/doc`,
      );
    }
    if (memoryJobs > 0) {
      const memory = await memoryPerJob(redis.url, memoryJobs);
      const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
      lines.push(
        `  Redis used_memory: ${mib(memory.before)} MiB → ${mib(memory.after)} MiB with ${memoryJobs} waiting jobs = ${memory.perJob.toFixed(0)} bytes/job; a million: ~${mib(memory.perJob * 1_000_000)} MiB`,
      );
    }
    return lines.join("\n");
  } finally {
    await redis.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
