import { type ChildProcess, execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { readdirSync, readFileSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";
import { QUEUE_NAME, redisOptions } from "../../src/pipeline/queue/connection.js";
import { CLI } from "../helpers/cli.js";
import { TestRedis } from "./redis-server.js";

/**
 * Distributed runs against a real Redis (Debian's redis-server, installed by .ci/run): a producer and two
 * worker processes (the real CLI) over 60 documents, then a worker killed with SIGKILL mid-run, then
 * Redis restarted mid-run, each over the same 60 documents. Every time: each document done exactly once (one
 * manifest line, one output), and the outputs byte-identical to a local `gongkai extract` of the same inputs.
 * 60 leave the kill (after the victim's third document) and the restart (after 10 manifest lines) dozens of
 * documents still to do; the first run had 200, whose other 140 checked nothing the 60 do not.
 * The kill test spends most of its time waiting for stalled-job recovery (30–60 s with nothing to do), so it has a
 * Redis of its own and runs meanwhile the other two, which run one after the other on the first Redis.
 */
const ROOT = join(import.meta.dirname, "../..");
/** Small, quick samples of every front end (ruled and unruled PDF, legacy PDF, HTML, .docx). */
const SOURCES = [
  "samples/ruled-clean-2023.pdf",
  "samples/html-nested-2023.html",
  "samples/three-line-2022.pdf",
  "samples/docx-official-2022.docx",
  "samples/legacy-narrative-2012.pdf",
  "samples/v2019-html-2019.html",
  "samples/county-rules-2024.pdf",
];
/** A truncated PDF: `corrupt`, a final class (done once, never retried). */
const BAD = "tests/fixtures/bad-input/truncated-50.pdf";
const DOCS = 60;
const execFileAsync = promisify(execFile);

let tmp = "";
/** The first run's and the restart's Redis. */
let redis: TestRedis;
/** The kill test's Redis (its workers take no job of the other tests' runs). */
let killRedis: TestRedis;
/** The inputs: copies of SOURCES and BAD under names of their own. */
let inputs = "";
/** The local runner's outputs of the inputs. */
let local = "";

function inputName(i: number): { source: string; name: string } {
  const source = i % 30 === 29 ? BAD : (SOURCES[i % SOURCES.length] as string);
  const ext = source.slice(source.lastIndexOf("."));
  return { source, name: `doc-${String(i).padStart(3, "0")}${ext}` };
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "gongkai-queue-"));
  redis = new TestRedis(await mkdirp(join(tmp, "redis")));
  await redis.start();
  killRedis = new TestRedis(await mkdirp(join(tmp, "redis-kill")));
  await killRedis.start();
  inputs = await mkdirp(join(tmp, "in"));
  for (let i = 0; i < DOCS; i++) {
    const { source, name } = inputName(i);
    await copyFile(join(ROOT, source), join(inputs, name));
  }
  local = join(tmp, "local");
  await execFileAsync(process.execPath, [CLI, "extract", inputs, "--out", local, "--jobs", "2", "--quiet"], {
    cwd: ROOT,
  });
});

afterAll(async () => {
  await redis?.stop();
  await killRedis?.stop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

async function mkdirp(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  return dir;
}

async function cli(...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync(process.execPath, [CLI, ...args], { cwd: ROOT });
  return stdout;
}

async function enqueue(on: TestRedis, inputs: string, out: string): Promise<string> {
  const stdout = await cli("extract", inputs, "--out", out, "--queue", on.url);
  const runId = /^run (\S+)$/m.exec(stdout)?.[1];
  if (!runId) throw new Error(`No run id in: ${stdout}`);
  return runId;
}

/** What a test's workers print (a line per document, retries, lost connections, errors), shown if it fails. */
interface WorkerLog {
  text: string;
}

function workerLog(onTestFailed: TestContext["onTestFailed"]): WorkerLog {
  const log = { text: "" };
  onTestFailed(() => {
    process.stderr.write(`The workers printed:\n${log.text}\n`);
  });
  return log;
}

/**
 * A worker with the default lock (30 s, renewed every 15 s). With a 3 s lock, a renewal late at load 20 or a Redis
 * restart that took longer let the stalled-job check hand a job still running to the other worker: two attempts
 * at once, both past the "line already written?" check, wrote its manifest line twice.
 */
function startWorker(on: TestRedis, log: WorkerLog): ChildProcess {
  const worker = spawn(process.execPath, [CLI, "worker", "--queue", on.url, "--jobs", "1"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [worker.stdout, worker.stderr]) {
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      log.text += chunk.replace(/^(?=.)/gm, `[worker ${worker.pid}] `);
    });
  }
  return worker;
}

/** Resolves once the worker has printed `count` lines (one per finished document). */
function linesFrom(worker: ChildProcess, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = 0;
    worker.stdout?.setEncoding("utf8");
    worker.stdout?.on("data", (chunk: string) => {
      seen += chunk.split("\n").length - 1;
      if (seen >= count) resolve();
    });
    worker.once("exit", () => reject(new Error("The worker ended early")));
  });
}

async function stopWorkers(workers: readonly ChildProcess[]): Promise<void> {
  await Promise.all(
    workers.map(async (w) => {
      if (w.exitCode !== null || w.signalCode !== null) return;
      w.kill("SIGTERM");
      await once(w, "exit");
    }),
  );
}

/** Process ids below `root` (Linux /proc). */
function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone meanwhile
    }
  }
  const found: number[] = [];
  const visit = (pid: number) => {
    for (const [child, parent] of parents) {
      if (parent === pid) {
        found.push(child);
        visit(child);
      }
    }
  };
  visit(root);
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

interface ManifestRow {
  out: string;
  job_id: string;
  run_id: string;
  status: string;
  error_class: string | null;
}

async function manifestRows(out: string): Promise<ManifestRow[]> {
  const text = await readFile(join(out, "manifest.jsonl"), "utf8").catch(() => "");
  return text
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as ManifestRow);
}

/**
 * Liveness bound, not a timing assertion: long enough that no loaded machine reaches it (at load 20 the 2 min this
 * was did), short enough that a run that stopped fails instead of hanging.
 */
const LIVENESS_MS = 600_000;

async function waitForLines(out: string, count: number): Promise<void> {
  for (const start = Date.now(); Date.now() - start < LIVENESS_MS; ) {
    if ((await manifestRows(out)).length >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Fewer than ${count} manifest lines in ${out}`);
}

/** Every input done exactly once: one manifest line per output, and each output equal to the local one. */
async function expectExactlyOnce(out: string, count: number): Promise<void> {
  const rows = await manifestRows(out);
  const outs = rows.map((r) => r.out);
  expect(rows).toHaveLength(count);
  expect(new Set(outs).size).toBe(count);
  expect(new Set(rows.map((r) => r.job_id)).size).toBe(count);
  const files = (await readdir(out)).filter((f) => f.endsWith(".json") && f !== "cross-report.json").sort();
  expect(files).toEqual([...outs].sort());
  for (const file of files) {
    const [mine, theirs] = await Promise.all([readFile(join(out, file)), readFile(join(local, file))]);
    expect(mine.equals(theirs), file).toBe(true);
  }
}

describe("gongkai extract --queue + gongkai worker", () => {
  describe("on a Redis of its own, meanwhile the others", { concurrent: true }, () => {
    // The killed worker's job is taken up once its lock has expired and the survivor's stalled-job check (every
    // 30 s) has seen it twice without one: within a minute of the kill, while the survivor works through the rest.
    it("a worker killed with SIGKILL mid-run: its job is taken up again, every document still done once", async ({
      onTestFailed,
    }) => {
      const log = workerLog(onTestFailed);
      const out = join(tmp, "out-kill");
      const runId = await enqueue(killRedis, inputs, out);
      // Enqueuing inputs that are still queued adds nothing.
      const again = await cli("extract", inputs, "--out", out, "--queue", killRedis.url);
      expect(again).toContain(`${DOCS} input(s): 0 enqueued, ${DOCS} already queued, 0 already done`);
      const victim = startWorker(killRedis, log);
      const survivor = startWorker(killRedis, log);
      try {
        // Killed just after its third document: it has already taken the next job (BullMQ fetches it on completion).
        await linesFrom(victim, 3);
        const orphans = descendants(victim.pid ?? -1);
        expect(orphans.length).toBeGreaterThanOrEqual(2); // its sandbox process and that one's document process
        victim.kill("SIGKILL");
        // They leave with it (IPC disconnect), so nothing goes on writing behind the job's new owner.
        for (const start = Date.now(); Date.now() - start < LIVENESS_MS && orphans.some(alive); )
          await new Promise((r) => setTimeout(r, 100));
        expect(orphans.filter(alive)).toEqual([]);
        await cli("status", "--queue", killRedis.url, "--run", runId, "--wait");
      } finally {
        await stopWorkers([victim, survivor]);
      }
      await expectExactlyOnce(out, DOCS);
      // The victim's job was taken up again by stalled-job recovery.
      const queue = new Queue(QUEUE_NAME, { connection: redisOptions(killRedis.url) });
      try {
        const jobs = (await queue.getJobs(["completed"], 0, -1)).filter((j) => j.data.runId === runId);
        expect(jobs).toHaveLength(DOCS);
        expect(jobs.filter((j) => j.attemptsStarted > 1).length).toBeGreaterThanOrEqual(1);
      } finally {
        await queue.close();
      }
    });
  });

  describe("one after the other on the first Redis", { concurrent: true }, () => {
    it("runs 60 documents on two workers exactly once, outputs byte-identical to the local runner", {
      concurrent: false,
    }, async ({ onTestFailed }) => {
      const log = workerLog(onTestFailed);
      const out = join(tmp, "out-all");
      const runId = await enqueue(redis, inputs, out);
      const workers = [startWorker(redis, log), startWorker(redis, log)];
      try {
        const status = await cli("status", "--queue", redis.url, "--run", runId, "--wait");
        expect(status).toContain(`run ${runId}: ${DOCS} job(s)`);
        expect(status).toContain(`${DOCS} done, 0 failed, 0 to go`);
        expect(status).toContain("failures by class: corrupt 2");
        expect(status).toContain("cross-report: 0 flag(s), written");
      } finally {
        await stopWorkers(workers);
      }
      await expectExactlyOnce(out, DOCS);
      // The cross-report written when the run drained equals the local run's.
      expect(await readFile(join(out, "cross-report.json"), "utf8")).toBe(
        await readFile(join(local, "cross-report.json"), "utf8"),
      );
      // The corrupt inputs are final: written once as failures, not retried.
      const bad = (await manifestRows(out)).filter((r) => r.status === "failure");
      expect(bad.map((r) => r.error_class)).toEqual(["corrupt", "corrupt"]);

      // Enqueuing the same inputs again adds nothing.
      const again = await cli("extract", inputs, "--out", out, "--queue", redis.url);
      expect(again).toContain(`${DOCS} input(s): 0 enqueued, 0 already queued, ${DOCS} already done`);
    });

    it("Redis restarted mid-run: workers reconnect, nothing lost, nothing done twice", { concurrent: false }, async ({
      onTestFailed,
    }) => {
      const log = workerLog(onTestFailed);
      const out = join(tmp, "out-restart");
      const runId = await enqueue(redis, inputs, out);
      const workers = [startWorker(redis, log), startWorker(redis, log)];
      try {
        await waitForLines(out, 10);
        await redis.stop();
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await redis.start();
        await cli("status", "--queue", redis.url, "--run", runId, "--wait");
      } finally {
        await stopWorkers(workers);
      }
      await expectExactlyOnce(out, DOCS);
    });
  });
});
