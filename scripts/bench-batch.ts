/**
 * The batch figure of `npm run bench`: N documents (copies of the born-digital samples under distinct names,
 * each with a distinct trailing comment so no two have the same sha256 and none is skipped as a duplicate)
 * extracted by the CLI with `--jobs 2`, against the single-job rate on a subset. The CLI runs as a child
 * process: its CPU seconds and its document processes' are their rusage (bash `times`, see cpu-time.ts); /proc
 * is sampled for the RSS of the whole process tree and the batch process's own CPU. Prints, asserts nothing.
 */
import { spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseTimes } from "./cpu-time.js";

const ROOT = join(import.meta.dirname, "..");
const SAMPLE_MS = 200;
/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ; 100 on Linux). */
const HZ = 100;

export interface BatchFigure {
  readonly docs: number;
  readonly jobs: number;
  readonly seconds: number;
  readonly docsPerSecond: number;
  /** CPU seconds of the whole tree (rusage). */
  readonly cpuSeconds: number;
  /** CPU seconds of the whole tree / wall seconds: 2.0 = both cores busy all along. */
  readonly cores: number;
  readonly peakRssMiB: number;
  /**
   * CPU seconds of the batch process itself (planning, IPC, writing), the rest being its document processes;
   * sampled from /proc every SAMPLE_MS, so its last moments are missed.
   */
  readonly parentCpuSeconds: number;
}

/** Copies the PDFs round-robin into `<dir>/in/<nnnn>-<stem>.pdf`, each with a distinct trailing comment. */
export async function makeCorpus(dir: string, pdfs: readonly string[], count: number): Promise<string> {
  const inbox = join(dir, `in-${count}`);
  await mkdir(inbox, { recursive: true });
  const bodies = await Promise.all(pdfs.map((p) => readFile(p)));
  for (let i = 0; i < count; i++) {
    const k = i % pdfs.length;
    const stem = (pdfs[k] ?? "").replace(/^.*\//, "").replace(/\.pdf$/, "");
    const body = bodies[k] ?? Buffer.alloc(0);
    // Bytes after %%EOF are ignored by readers; they make each copy a distinct input.
    await writeFile(
      join(inbox, `${String(i).padStart(4, "0")}-${stem}.pdf`),
      Buffer.concat([body, Buffer.from(`\n%bench-copy-${i}\n`)]),
    );
  }
  return inbox;
}

interface ProcSample {
  readonly ppid: number;
  readonly cpuTicks: number;
  readonly rssKiB: number;
}

function readProc(pid: number): ProcSample | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]), rssKiB: rss };
  } catch {
    return null;
  }
}

/** The process tree under `root`: pid → sample. */
function sampleTree(root: number): Map<number, ProcSample> {
  const all = new Map<number, ProcSample>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const sample = readProc(Number(name));
    if (sample) all.set(Number(name), sample);
  }
  const tree = new Map<number, ProcSample>();
  const visit = (pid: number) => {
    const sample = all.get(pid);
    if (!sample || tree.has(pid)) return;
    tree.set(pid, sample);
    for (const [child, s] of all) if (s.ppid === pid) visit(child);
  };
  visit(root);
  return tree;
}

async function runCli(inbox: string, out: string, jobs: number, docs: number): Promise<BatchFigure> {
  const started = performance.now();
  // bash reports the rusage of the CLI and of every document process it waited for on fd 3 (cpu-time.ts).
  const child = spawn(
    "bash",
    [
      "-c",
      '"$@" || exit $?; times >&3',
      "bash",
      process.execPath,
      join(ROOT, "dist/cli.js"),
      "extract",
      inbox,
      "--out",
      out,
      "--jobs",
      String(jobs),
      "--quiet",
    ],
    { cwd: ROOT, stdio: ["ignore", "ignore", "inherit", "pipe"] },
  );
  let times = "";
  const timesPipe = child.stdio[3] as NodeJS.ReadableStream;
  timesPipe.setEncoding("utf8");
  timesPipe.on("data", (chunk: string) => {
    times += chunk;
  });
  const cpuByPid = new Map<number, number>();
  let cliPid: number | null = null;
  let peakRss = 0;
  const sample = () => {
    if (child.pid === undefined) return;
    const tree = sampleTree(child.pid);
    let rss = 0;
    for (const [pid, s] of tree) {
      rss += s.rssKiB;
      if (s.ppid === child.pid) cliPid = pid;
      cpuByPid.set(pid, Math.max(cpuByPid.get(pid) ?? 0, s.cpuTicks));
    }
    peakRss = Math.max(peakRss, rss);
  };
  const timer = setInterval(sample, SAMPLE_MS);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  clearInterval(timer);
  if (code !== 0) throw new Error(`Expected the batch to exit 0, got ${code}`);
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = parseTimes(times);
  return {
    docs,
    jobs,
    seconds,
    docsPerSecond: docs / seconds,
    cpuSeconds,
    cores: cpuSeconds / seconds,
    peakRssMiB: peakRss / 1024,
    parentCpuSeconds: (cliPid === null ? 0 : (cpuByPid.get(cliPid) ?? 0)) / HZ,
  };
}

/** Builds `dist/` (the figures run the built CLI, as users run it). */
export function buildDist(): void {
  const build = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"],
    { cwd: ROOT, stdio: "inherit" },
  );
  if (build.status !== 0)
    throw new Error(`Expected \`tsc -p tsconfig.build.json\` to succeed, got exit code ${build.status}`);
}

/** Runs the batch figure on the built CLI (`dist/` must be current: see `buildDist`) and returns its lines. */
export async function benchBatch(pdfs: readonly string[], docs: number, singleDocs: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "gongkai-bench-batch-"));
  try {
    const single = await runCli(await makeCorpus(dir, pdfs, singleDocs), join(dir, "out-1"), 1, singleDocs);
    const double = await runCli(await makeCorpus(dir, pdfs, docs), join(dir, "out-2"), 2, docs);
    const line = (f: BatchFigure) =>
      `  --jobs ${f.jobs}: ${f.docs} docs, ${f.cpuSeconds.toFixed(1)} CPU s = ${(f.cpuSeconds / f.docs).toFixed(3)} CPU s/doc (wall ${f.seconds.toFixed(1)} s = ${f.docsPerSecond.toFixed(2)} docs/s, ${f.cores.toFixed(2)} cores busy), peak RSS of the process tree ${f.peakRssMiB.toFixed(0)} MiB (batch process ~${f.parentCpuSeconds.toFixed(1)} CPU s, sampled)`;
    const ratio = double.docsPerSecond / (2 * single.docsPerSecond);
    return [
      `batch (dist/cli.js, document processes included; on a shared machine the figures are noisy):`,
      line(single),
      line(double),
      `  --jobs 2 vs 2 × --jobs 1: ${(ratio * 100).toFixed(0)} % (target ≥ 90 %); peak RSS target < 1024 MiB: ${double.peakRssMiB < 1024 ? "met" : "missed"}`,
      // Under contention the rates measure the machine's load; CPU seconds per document measure the overhead.
      "  (if CPU use is well under the jobs count, other processes held the cores: compare CPU s/doc instead)",
    ].join("\n");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
