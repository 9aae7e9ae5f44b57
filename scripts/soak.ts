/**
 * Soak of the batch runner (issue 13): `npm run soak [-- --docs 10000 --hostile 0.06 --distinct 0.05 --kills 3]`.
 * Builds an archive of `--docs` inputs (the born-digital samples and the hostile inputs of
 * tests/fixtures/bad-input, copied under many names: agency folders, long names, GBK names, run-file names),
 * at least `--hostile` of them hostile; `--distinct` of the good copies get a byte appended so they are
 * extracted on their own (the others are duplicates, extracted once). Then:
 * 1. one clean run (`gongkai extract --jobs 2`), sampling the RSS of the whole process tree every second;
 * 2. a run killed with -9 at `--kills` random moments, rerun each time, then run to the end;
 * and checks that the final outputs are byte-identical to the clean run's, that the manifests agree, and
 * that no document process outlived a killed batch. Prints figures and the RSS curve; asserts nothing else
 * (exit code 1 when outputs differ or a process was orphaned). Needs `mkfifo`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { MAKERS } from "../tests/bad-input/make-hostile.js";

const ROOT = join(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    docs: { type: "string", default: "10000" },
    hostile: { type: "string", default: "0.06" },
    distinct: { type: "string", default: "0.05" },
    kills: { type: "string", default: "3" },
    seed: { type: "string", default: "13" },
    keep: { type: "boolean", default: false },
  },
});
const DOCS = Number(values.docs);
const HOSTILE = Number(values.hostile);
const DISTINCT = Number(values.distinct);
const KILLS = Number(values.kills);
/** Marks the soak's processes (inherited by document processes) so the orphan check finds only them. */
const MARK = `GONGKAI_SOAK=${process.pid}`;

/** mulberry32: a reproducible archive for a given seed. */
let state = Number(values.seed) >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

/** Hostile kinds copied from a prototype; `fifo` and `sparse` are made in place each time. */
const COPIED = Object.keys(MAKERS).filter(
  (k) => !["longName", "copyPdf", "copyHtml", "gbkName", "symlinkedFolder", "fifo", "sparse", "hairlines"].includes(k),
);
const EXTENSION: Record<string, string> = {
  htmlRows: "html",
  htmlNestedTables: "html",
  htmlNestedDivs: "html",
  htmlUtf16Label: "html",
  htmlUtf16NoBom: "html",
  titleOnly: "html",
  portalPage: "html",
  docxNestedTables: "docx",
  docxUtf16: "docx",
  docxGridSpan: "docx",
  docxPdfMarker: "docx",
  zipBomb: "docx",
  pngBomb: "png",
  tiffLoop: "tif",
  tiffPages: "tif",
};

async function buildArchive(dir: string): Promise<{ good: number; hostile: number }> {
  const inbox = join(dir, "in");
  const protos = join(dir, "protos");
  await mkdir(inbox, { recursive: true });
  for (const kind of COPIED) await MAKERS[kind]?.(protos, `${kind}.${EXTENSION[kind] ?? "pdf"}`);
  const badPdfs = readdirSync(join(ROOT, "tests/fixtures/bad-input")).filter((f) => f.endsWith(".pdf"));
  const truths = readdirSync(join(ROOT, "samples")).filter((f) => f.endsWith(".truth.json"));
  const good = truths
    .filter((t) => (JSON.parse(readFileSync(join(ROOT, "samples", t), "utf8")).pages_need_ocr ?? []).length === 0)
    .map((t) => t.replace(/\.truth\.json$/, ""))
    .flatMap((stem) => ["pdf", "html", "docx"].filter((e) => existsIn(`${stem}.${e}`)).map((e) => `${stem}.${e}`));
  let hostile = 0;
  const used = new Set<string>();
  for (let i = 0; i < DOCS; i++) {
    const folder = join(inbox, `机构${String(i % 97).padStart(2, "0")}`, i % 5 === 0 ? "附件" : "");
    await mkdir(folder, { recursive: true });
    const name = (ext: string) => {
      const r = random();
      if (r < 0.02) return `${"报告".repeat(41)}${i}.${ext}`; // up to 254 bytes
      // Run-file names, each once per folder (a second would overwrite the first in the archive).
      const reserved = join(folder, i % 2 ? `cross-report.${ext}` : `manifest.${ext}`);
      if (r < 0.03 && !used.has(reserved)) {
        used.add(reserved);
        return reserved.slice(folder.length + 1);
      }
      return `${2015 + (i % 10)}年报${i}.${ext}`;
    };
    if (random() < HOSTILE) {
      hostile += 1;
      const r = random();
      if (r < 0.05) await MAKERS.fifo?.(folder, name("pdf"));
      else if (r < 0.1) await MAKERS.sparse?.(folder, name("pdf"));
      else if (r < 0.4)
        await copyFile(join(ROOT, "tests/fixtures/bad-input", pick(badPdfs)), join(folder, name("pdf")));
      else {
        const kind = pick(COPIED);
        const ext = EXTENSION[kind] ?? "pdf";
        await copyFile(join(protos, `${kind}.${ext}`), join(folder, name(ext)));
      }
      continue;
    }
    const source = pick(good);
    const ext = source.slice(source.lastIndexOf(".") + 1);
    const bytes = await readFile(join(ROOT, "samples", source));
    const target = join(folder, name(ext));
    // A distinct copy: a PDF comment after %%EOF, or an HTML comment; the content is unchanged.
    if (random() < DISTINCT && ext !== "docx") {
      await writeFile(
        target,
        Buffer.concat([bytes, Buffer.from(ext === "pdf" ? `\n%soak ${i}\n` : `\n<!-- soak ${i} -->\n`)]),
      );
    } else await writeFile(target, bytes);
  }
  return { good: DOCS - hostile, hostile };
}

function existsIn(file: string): boolean {
  try {
    readFileSync(join(ROOT, "samples", file), { flag: "r" });
    return true;
  } catch {
    return false;
  }
}

/** Pids of the soak's live processes (the batch and its document processes), from /proc. */
function soakPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const env = readFileSync(`/proc/${entry}/environ`, "latin1");
      const state = /State:\s+(\w)/.exec(readFileSync(`/proc/${entry}/status`, "utf8"))?.[1];
      if (env.split("\0").includes(MARK) && state !== "Z") pids.push(Number(entry));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return pids;
}

function treeRssMb(): number {
  let kb = 0;
  for (const pid of soakPids()) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return kb / 1024;
}

function startBatch(inbox: string, out: string): ChildProcess {
  const args = ["--import", "tsx", join(ROOT, "src/cli.ts"), "extract", inbox, "--out", out, "--jobs", "2", "--quiet"];
  args.push("--timeout", "120", "--max-memory", "1024");
  const [key, value] = MARK.split("=") as [string, string];
  return spawn(process.execPath, args, { cwd: ROOT, stdio: "ignore", env: { ...process.env, [key]: value } });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(relative(dir, join(entry.parentPath, entry.name)));
  }
  return out.filter((f) => !f.startsWith(".gongkai/") && f !== "manifest.jsonl").sort();
}

/** Lines of the manifest so far (0 before it exists). */
function manifestLines(dir: string): number {
  try {
    return readFileSync(join(dir, "manifest.jsonl"), "latin1").split("\n").length - 1;
  } catch {
    return 0;
  }
}

function manifestFacts(dir: string): Map<string, string> {
  const facts = new Map<string, string>();
  for (const line of readFileSync(join(dir, "manifest.jsonl"), "utf8").split("\n")) {
    if (!line.trim()) continue;
    const l = JSON.parse(line) as Record<string, unknown>;
    facts.set(String(l.out), JSON.stringify([l.file, l.sha256, l.status, l.error_class, l.pages]));
  }
  return facts;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "gongkai-soak-"));
  const t0 = performance.now();
  const archive = await buildArchive(dir);
  const inbox = join(dir, "in");
  const files = (await readdir(inbox, { recursive: true, withFileTypes: true })).filter((e) => !e.isDirectory());
  console.log(
    `archive: ${files.length} files for ${DOCS} inputs (${archive.hostile} hostile, ${((archive.hostile / DOCS) * 100).toFixed(1)} %) built in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  // 1. The clean run, with the RSS of its process tree every second.
  const clean = join(dir, "clean");
  const c0 = performance.now();
  const curve: { s: number; mb: number }[] = [];
  const batch = startBatch(inbox, clean);
  const sampler = setInterval(() => curve.push({ s: (performance.now() - c0) / 1000, mb: treeRssMb() }), 1000);
  const code = await exited(batch);
  clearInterval(sampler);
  const cleanSeconds = (performance.now() - c0) / 1000;
  console.log(`clean run: exit ${code}, ${cleanSeconds.toFixed(1)} s, ${(DOCS / cleanSeconds).toFixed(1)} inputs/s`);
  printCurve(curve);

  // 2. The same archive, killed with -9 at random moments and rerun each time.
  const soak = join(dir, "soak");
  let orphans = 0;
  for (let k = 0; k < KILLS; k++) {
    // A random moment while the batch works: once the manifest has reached a random share of what is left.
    const before = manifestLines(soak);
    const target = before + Math.ceil((0.1 + 0.6 * random()) * (DOCS - before));
    const run = startBatch(inbox, soak);
    const r0 = performance.now();
    while (manifestLines(soak) < target && run.exitCode === null) await new Promise((r) => setTimeout(r, 50));
    const children = soakPids().filter((p) => p !== run.pid);
    run.kill("SIGKILL");
    await exited(run);
    // Document processes must go with their batch (IPC disconnect, or their watchdog thread when busy).
    let left = children;
    for (let i = 0; i < 100 && left.length > 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      left = soakPids().filter((p) => children.includes(p));
    }
    orphans += left.length;
    console.log(
      `kill ${k + 1} after ${((performance.now() - r0) / 1000).toFixed(1)} s: ${manifestLines(soak)} of ${DOCS} manifest lines, ${children.length} document process(es) alive at the kill, ${left.length} left after 10 s`,
    );
  }
  const last = startBatch(inbox, soak);
  console.log(`final rerun: exit ${await exited(last)}`);

  // 3. Same outputs, byte for byte, and the same manifest facts.
  const a = await listFiles(clean);
  const b = await listFiles(soak);
  let differ = a.length === b.length ? 0 : Math.abs(a.length - b.length);
  for (const file of a) {
    if (!b.includes(file)) continue;
    const [x, y] = await Promise.all([readFile(join(clean, file)), readFile(join(soak, file))]);
    if (!x.equals(y)) differ += 1;
  }
  const ma = manifestFacts(clean);
  const mb = manifestFacts(soak);
  const manifestDiffers = [...ma].filter(([out, fact]) => mb.get(out) !== fact).length + Math.abs(ma.size - mb.size);
  console.log(
    `outputs: ${a.length} clean, ${b.length} after kills; ${differ} differ; manifest: ${ma.size} vs ${mb.size} outputs, ${manifestDiffers} differ; orphaned document processes: ${orphans}`,
  );
  if (!values.keep) await rm(dir, { recursive: true, force: true });
  else console.log(`kept ${dir}`);
  if (differ > 0 || manifestDiffers > 0 || orphans > 0) process.exitCode = 1;
}

/** The RSS of the process tree over the clean run: ten buckets of its duration, the peak of each. */
function printCurve(curve: readonly { s: number; mb: number }[]): void {
  if (curve.length === 0) return;
  const end = curve.at(-1)?.s ?? 1;
  const buckets = Array.from({ length: 10 }, () => 0);
  for (const p of curve) {
    const i = Math.min(9, Math.floor((p.s / end) * 10));
    buckets[i] = Math.max(buckets[i] ?? 0, p.mb);
  }
  console.log("RSS of the process tree (MiB, peak per tenth of the clean run):");
  console.log(`  ${buckets.map((mb) => mb.toFixed(0).padStart(5)).join(" ")}`);
}

await main();
