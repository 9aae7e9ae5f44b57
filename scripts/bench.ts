/**
 * Speed of the whole pipeline against `pdftotext -layout` on the born-digital samples: `npm run bench [-- --runs N]`.
 * Born-digital = a truth file whose `pages_need_ocr` is empty. Every figure is CPU seconds (user + system of every
 * process and thread that did the work, see cpu-time.ts) with wall seconds beside it: on a shared machine wall
 * time measures the load as much as the work. Prints figures only, asserts nothing.
 * 1. The headline: a batch of `--cpu-docs` reports through the built CLI (`--jobs 1`, process start-up, rules and
 *    writing included) against pdftotext on the same files, one process each; goal ≤ 3× (bench-cpu-batch.ts).
 * 2. Per file: `extractDocument` in this (warm) process against a pdftotext process; median of N runs after a
 *    warm-up pass.
 * 3. The batch figure (bench-batch.ts) and the queue figure (bench-queue.ts).
 * Then the scanned samples (samples/scanned, OCR): seconds per scanned page and cell accuracy, against the
 * `tesseract` CLI's full-page chi_sim pass on the same page images, and the peak memory of a 50-page scan run
 * (`--skip-scanned` leaves this part out; `--scan-run <file>` is the child process that measures one run).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { extractDocument } from "../src/pipeline/extract-document.js";
import { tunePdfRuntime } from "../src/stages/ingest/index.js";
import { benchBatch, buildDist, makeCorpus } from "./bench-batch.js";
import { benchCpuBatch } from "./bench-cpu-batch.js";
import { benchQueue } from "./bench-queue.js";
import { benchScanned, scanRunChild } from "./bench-scanned.js";
import { type Cost, costOf, median, medianCost, runCosted } from "./cpu-time.js";

const SAMPLES = "samples";
const BENCH_OPTIONS = {
  runs: { type: "string", default: "5" },
  /** Reports of the headline CPU figure (0: none). */
  "cpu-docs": { type: "string", default: "30" },
  /** Documents of the batch figure (0: no batch figure) and of its single-job baseline. */
  "batch-docs": { type: "string", default: "1000" },
  "single-docs": { type: "string", default: "200" },
  /** Documents of the queue figure (0: none) and waiting jobs of the Redis memory figure (0: none). */
  "queue-docs": { type: "string", default: "200" },
  "memory-jobs": { type: "string", default: "20000" },
  /** Leave out the scanned figure; `--scan-run` is the child process that times one scanned run. */
  "skip-scanned": { type: "boolean", default: false },
  "scan-run": { type: "string" },
} as const;

function readBatchSizes(): { docs: number; single: number } {
  const { values } = parseArgs({ options: BENCH_OPTIONS, strict: true });
  const docs = Number(values["batch-docs"]);
  const single = Number(values["single-docs"]);
  if (!Number.isInteger(docs) || docs < 0 || !Number.isInteger(single) || single < 1) {
    throw new Error(
      `Expected \`--batch-docs\` ≥ 0 and \`--single-docs\` ≥ 1 to be integers, got \`${values["batch-docs"]}\` and \`${values["single-docs"]}\``,
    );
  }
  return { docs, single };
}
/** Per file, in a warm process: gongkai's CPU at most this many times a pdftotext process's (start-up included). */
const TARGET_RATIO = 3;

interface Sample {
  readonly stem: string;
  readonly pdf: string;
}

interface Row {
  readonly stem: string;
  readonly pages: number;
  readonly status: string;
  /** Median CPU and wall seconds per run. */
  readonly gongkai: Cost;
  readonly pdftotext: Cost | null;
}

function readRuns(): number {
  const { values } = parseArgs({ options: BENCH_OPTIONS, strict: true });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 1000) {
    throw new Error(`Expected \`--runs\` to be an integer 1–1000, got \`${values.runs}\` (${typeof values.runs})`);
  }
  return runs;
}

async function listBornDigital(): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (const name of (await readdir(SAMPLES)).filter((f) => f.endsWith(".truth.json")).sort()) {
    const truth = JSON.parse(await readFile(join(SAMPLES, name), "utf8")) as {
      file?: string;
      pages_need_ocr?: readonly number[];
    };
    const stem = name.slice(0, -".truth.json".length);
    const pdf = join(SAMPLES, truth.file ?? `${stem}.pdf`);
    // HTML and .docx samples have no pages for pdftotext to compare with.
    if ((truth.pages_need_ocr ?? []).length === 0 && pdf.endsWith(".pdf") && existsSync(pdf))
      samples.push({ stem, pdf });
  }
  return samples;
}

function hasPdftotext(): boolean {
  const probe = spawnSync("pdftotext", ["-v"], { stdio: "ignore" });
  return probe.error === undefined && probe.status === 0;
}

/** `pdftotext -layout <file> -` in its own process, start-up included; stdout is dropped. */
function timePdftotext(pdf: string): Promise<Cost> {
  return runCosted("pdftotext", ["-layout", pdf, "-"]);
}

/** One `extractDocument` (ingest → text layer → layout → mapping → rules) in this process. */
async function timeGongkai(pdf: string): Promise<{ cost: Cost; pages: number; status: string }> {
  const { value, cost } = await costOf(() => extractDocument(pdf));
  return { cost, pages: value.output.source.pages ?? 0, status: value.output.status };
}

async function measure(samples: readonly Sample[], runs: number, withPdftotext: boolean): Promise<Row[]> {
  for (const sample of samples) {
    await timeGongkai(sample.pdf);
    if (withPdftotext) await timePdftotext(sample.pdf);
  }
  const rows: Row[] = [];
  for (const sample of samples) {
    const ours: Cost[] = [];
    const theirs: Cost[] = [];
    let pages = 0;
    let status = "";
    for (let i = 0; i < runs; i++) {
      const run = await timeGongkai(sample.pdf);
      ours.push(run.cost);
      pages = run.pages;
      status = run.status;
      if (withPdftotext) theirs.push(await timePdftotext(sample.pdf));
    }
    rows.push({
      stem: sample.stem,
      pages,
      status,
      gongkai: medianCost(ours),
      pdftotext: withPdftotext ? medianCost(theirs) : null,
    });
  }
  return rows;
}

function formatTable(rows: readonly Row[]): string {
  const header = ["file", "pages", "gongkai CPU ms", "wall", "pdftotext CPU ms", "wall", "CPU ratio"];
  const ms = (seconds: number) => (seconds * 1000).toFixed(1);
  const body = rows.map((r) => [
    r.status === "success" ? r.stem : `${r.stem} (${r.status})`,
    String(r.pages),
    ms(r.gongkai.cpu),
    ms(r.gongkai.wall),
    r.pdftotext === null ? "—" : ms(r.pdftotext.cpu),
    r.pdftotext === null ? "—" : ms(r.pdftotext.wall),
    r.pdftotext === null ? "—" : `${(r.gongkai.cpu / r.pdftotext.cpu).toFixed(2)}×`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => (cells[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    `${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ")}\n`;
  return line(header) + body.map(line).join("");
}

/** The headline CPU figure: `docs` copies of the samples through the built CLI against pdftotext. */
async function cpuBatchFigure(samples: readonly Sample[], docs: number, runs: number, withPdftotext: boolean) {
  const dir = await mkdtemp(join(tmpdir(), "gongkai-bench-cpu-"));
  try {
    const inbox = await makeCorpus(
      dir,
      samples.map((s) => s.pdf),
      docs,
    );
    return await benchCpuBatch(inbox, join(dir, "out"), runs, withPdftotext);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  // pdf.js as a document process runs it (pdf.js is loaded already: the canvas part has no effect here).
  tunePdfRuntime();
  const { values: flags } = parseArgs({ options: BENCH_OPTIONS, strict: true });
  if (flags["scan-run"] !== undefined) {
    await scanRunChild(flags["scan-run"]);
    return;
  }
  let runs: number;
  let batch: { docs: number; single: number };
  try {
    runs = readRuns();
    batch = readBatchSizes();
  } catch (error) {
    process.stderr.write(
      `bench: ${error instanceof Error ? error.message : String(error)}\nUsage: npm run bench -- [--runs N] [--cpu-docs N] [--batch-docs N] [--single-docs N] [--queue-docs N] [--memory-jobs N] [--skip-scanned]\n`,
    );
    process.exitCode = 2;
    return;
  }
  const samples = await listBornDigital();
  if (samples.length === 0) {
    process.stdout.write(`No born-digital samples in ${SAMPLES}/ (a *.truth.json with empty pages_need_ocr).\n`);
    return;
  }
  const withPdftotext = hasPdftotext();
  if (!withPdftotext) {
    process.stdout.write(
      "Note: pdftotext (poppler-utils) was not found on PATH: timing gongkai alone, no comparison.\n\n",
    );
  }
  process.stdout.write(
    [
      "What is measured: CPU seconds = user + system time of every process and thread that did the work (for a",
      "command: bash's `times` over it and every descendant it waited for; in this process: process.cpuUsage()),",
      "process start-up included where a process is started. Wall seconds beside: on a shared machine they measure",
      "the load as much as the work.",
      "",
      "",
    ].join("\n"),
  );
  const cpuDocs = Number(flags["cpu-docs"]);
  if (!Number.isInteger(cpuDocs) || cpuDocs < 0) {
    process.stderr.write(`bench: Expected \`--cpu-docs\` to be an integer ≥ 0, got \`${flags["cpu-docs"]}\`\n`);
    process.exitCode = 2;
    return;
  }
  const queueDocs = Number(flags["queue-docs"]);
  const memoryJobs = Number(flags["memory-jobs"]);
  if (cpuDocs > 0 || batch.docs > 0 || queueDocs > 0 || memoryJobs > 0) buildDist();
  if (cpuDocs > 0) {
    process.stdout.write(`${await cpuBatchFigure(samples, cpuDocs, runs, withPdftotext)}\n\n`);
  }
  process.stdout.write(
    `per file: ${samples.length} born-digital sample(s), extractDocument in this process (warm: 1 warm-up pass) against a pdftotext process, median of ${runs} run(s)\n\n`,
  );
  const rows = await measure(samples, runs, withPdftotext);
  process.stdout.write(formatTable(rows));

  const pages = rows.reduce((sum, r) => sum + r.pages, 0);
  const cpu = rows.reduce((sum, r) => sum + r.gongkai.cpu, 0);
  const wall = rows.reduce((sum, r) => sum + r.gongkai.wall, 0);
  process.stdout.write(
    `\ngongkai: ${(pages / cpu).toFixed(1)} pages per CPU second (${pages} pages; wall ${(pages / wall).toFixed(1)} pages/s)\n`,
  );
  const compared = rows.filter((r): r is Row & { pdftotext: Cost } => r.pdftotext !== null);
  if (compared.length > 0) {
    const ratio = median(compared.map((r) => r.gongkai.cpu / r.pdftotext.cpu));
    const theirCpu = compared.reduce((sum, r) => sum + r.pdftotext.cpu, 0);
    const theirWall = compared.reduce((sum, r) => sum + r.pdftotext.wall, 0);
    process.stdout.write(
      `pdftotext: ${(pages / theirCpu).toFixed(1)} pages per CPU second (process start included; wall ${(pages / theirWall).toFixed(1)} pages/s)\n`,
    );
    const verdict = ratio <= TARGET_RATIO ? "within" : "over";
    process.stdout.write(
      `median CPU ratio per file (warm process, no start-up): ${ratio.toFixed(2)}× pdftotext — ${verdict} ${TARGET_RATIO}×\n`,
    );
  } else process.stdout.write(`target: ≤ ${TARGET_RATIO}× pdftotext (not compared)\n`);
  // maxRSS is in kilobytes (getrusage ru_maxrss on Linux).
  const rssMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`peak RSS of this process: ${rssMiB.toFixed(0)} MiB\n`);
  const failed = rows.filter((r) => r.status !== "success");
  if (failed.length > 0) {
    process.stdout.write(`note: ${failed.length} file(s) did not extract as success; their times may not compare\n`);
  }
  if (batch.docs > 0) {
    process.stdout.write("\n");
    const pdfs = samples.map((s) => s.pdf);
    process.stdout.write(`${await benchBatch(pdfs, batch.docs, Math.min(batch.single, batch.docs))}\n`);
  }
  if (queueDocs > 0 || memoryJobs > 0) {
    process.stdout.write(
      `\n${await benchQueue(
        samples.map((s) => s.pdf),
        queueDocs,
        memoryJobs,
      )}\n`,
    );
  }
  if (!flags["skip-scanned"]) await benchScanned();
}

await main();
