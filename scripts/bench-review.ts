// The review site's time and memory for a folder of N reports (default 500): copies of the committed outputs
// (every sample and scan) under agency folders, each source found through manifest.jsonl, as in an archive
// where the same file is collected under several names. Runs the built CLI (`npm run build` first),
// `node dist/cli.js review <folder>`, in a process of its own and prints its wall time, then each Node process's
// own peak RSS (VmHWM) and CPU seconds (the CLI process, the build process it starts, the render processes), recorded as it exits by a module every process of the tree preloads
// (NODE_OPTIONS=--import), so a short-lived render process's peak is exact too; and the peak of all of them
// together, sampled from /proc every 50 ms (a lower bound). Run: npx tsx scripts/bench-review.ts [N] [--keep <dir>]
// (--keep: the folder is made in <dir> and kept; run again with the same <dir> to time a rerun over its images).
import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const args = process.argv.slice(2);
const keepAt = args.indexOf("--keep");
const keep = keepAt >= 0 ? resolve(args.splice(keepAt, 2)[1] ?? "") : null;
const count = Number(args[0] ?? 500);
const extractedRoot = resolve("extracted");
const samplesRoot = resolve("samples");

async function listOutputs(dir: string, prefix = ""): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory() && !["review", "export"].includes(entry.name)) found.push(...(await listOutputs(dir, rel)));
    else if (entry.isFile() && entry.name.endsWith(".json") && entry.name !== "cross-report.json") found.push(rel);
  }
  return found.sort();
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

function readStatus(pid: number): Promise<string> {
  return readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
}

function rssKiB(status: string): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
}

/** Processes whose parent chain leads to `root` (from /proc/<pid>/stat's ppid field). */
async function descendants(root: number): Promise<number[]> {
  const parents = new Map<number, number>();
  for (const name of await readdir("/proc").catch(() => [])) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, "utf8").catch(() => "");
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (ppid > 0) parents.set(Number(name), ppid);
  }
  const found: number[] = [];
  for (const pid of parents.keys()) {
    let up = parents.get(pid);
    while (up !== undefined && up !== root) up = parents.get(up);
    if (up === root) found.push(pid);
  }
  return found;
}

/** A module each Node process of the run preloads: on exit it appends its own peak RSS and CPU time to `log`. */
function recordPeakModule(log: string): string {
  return `import { appendFileSync, readFileSync } from "node:fs";
process.on("exit", () => {
  const hwmKiB = Number(/VmHWM:\\s+(\\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? 0);
  const { user, system } = process.cpuUsage();
  const line = { pid: process.pid, entry: process.argv[1], hwmKiB, cpuSeconds: (user + system) / 1e6 };
  appendFileSync(${JSON.stringify(log)}, JSON.stringify(line) + "\\n");
});
`;
}

const outputs = await listOutputs(extractedRoot);
const sources = new Map<string, string>();
for (const file of await readdir(samplesRoot, { recursive: true })) sources.set(file.replace(/\.\w+$/, ""), file);

const dir = keep ?? (await mkdtemp(join(tmpdir(), "gongkai-bench-review-")));
const extracted = join(dir, "extracted");
try {
  if (keep === null || (await stat(extracted).catch(() => null)) === null) await makeFolder();
  await rm(join(dir, "peaks.jsonl"), { force: true });
  await measure();
} finally {
  if (keep === null) await rm(dir, { recursive: true, force: true });
}

async function makeFolder(): Promise<void> {
  const manifest: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = outputs[i % outputs.length] as string;
    const out = `机关${String(Math.floor(i / outputs.length)).padStart(3, "0")}/${file}`;
    await mkdir(join(extracted, out, ".."), { recursive: true });
    await cp(join(extractedRoot, file), join(extracted, out));
    const { sha256 } = JSON.parse(await readFile(join(extracted, out), "utf8")).source;
    const source = sources.get(file.replace(/\.json$/, ""));
    if (source !== undefined) {
      manifest.push(
        JSON.stringify({
          file: join(samplesRoot, source),
          out,
          sha256,
          status: "success",
          error_class: null,
          seconds: 1,
        }),
      );
    }
  }
  await writeFile(join(extracted, "manifest.jsonl"), `${manifest.join("\n")}\n`);
}

async function measure(): Promise<void> {
  const peaksLog = join(dir, "peaks.jsonl");
  const preload = join(dir, "record-peak.mjs");
  await writeFile(preload, recordPeakModule(peaksLog));
  const started = performance.now();
  const child = spawn(process.execPath, [resolve("dist/cli.js"), "review", extracted], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${preload}`.trim() },
  });
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  // VmHWM is a process's own peak resident set; the review's render process (and its replacements) are its
  // children, so the tree's resident total (VmRSS of the build and its descendants) is sampled too.
  let peakTreeKiB = 0;
  let peakChildKiB = 0;
  const sample = setInterval(async () => {
    const own = await readStatus(child.pid as number);
    let tree = rssKiB(own);
    for (const pid of await descendants(child.pid as number)) {
      const kib = rssKiB(await readStatus(pid));
      peakChildKiB = Math.max(peakChildKiB, kib);
      tree += kib;
    }
    peakTreeKiB = Math.max(peakTreeKiB, tree);
  }, 50);
  const code = await new Promise<number | null>((done) => child.on("exit", done));
  clearInterval(sample);
  const seconds = (performance.now() - started) / 1000;
  const siteBytes = await folderBytes(join(extracted, "review"));
  const peaks = (await readFile(peaksLog, "utf8").catch(() => ""))
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { pid: number; entry: string; hwmKiB: number; cpuSeconds: number });
  // The CLI process (dist/cli.js) starts the build process (build-entry), which starts the render processes.
  const kind = (p: { pid: number; entry: string }) =>
    /render-entry/.test(p.entry)
      ? "render"
      : /build-entry/.test(p.entry)
        ? "build"
        : p.pid === child.pid
          ? "cli"
          : "other";
  const lines = peaks.map(
    (p) =>
      `  ${kind(p).padEnd(6)} pid ${p.pid}: peak RSS ${(p.hwmKiB / 1024).toFixed(0)} MiB, ${p.cpuSeconds.toFixed(1)} CPU s`,
  );
  const cpu = peaks.reduce((sum, p) => sum + p.cpuSeconds, 0);
  const peakOf = (k: string) => Math.max(0, ...peaks.filter((p) => kind(p) === k).map((p) => p.hwmKiB));
  const renders = peaks.filter((p) => kind(p) === "render").length;
  process.stdout.write(
    `${stdout.trim().split("\n").at(-1)}\nexit ${code}: ${count} reports in ${seconds.toFixed(1)} s wall, ${cpu.toFixed(1)} CPU s; ` +
      `peak RSS ${(peakOf("cli") / 1024).toFixed(0)} MiB (CLI process), ${(peakOf("build") / 1024).toFixed(0)} MiB (build process), ` +
      `${(peakOf("render") / 1024).toFixed(0)} MiB (largest of ${renders} render process(es)), ` +
      `all together ≥ ${(peakTreeKiB / 1024).toFixed(0)} MiB, review/ ${(siteBytes / 1048576).toFixed(1)} MiB on disk\n${lines.join("\n")}\n`,
  );
}
