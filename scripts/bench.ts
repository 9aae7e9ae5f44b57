/**
 * Speed of the whole pipeline against `pdftotext -layout` on the born-digital samples:
 * `npm run bench [-- --runs N]`. Born-digital = a truth file whose `pages_need_ocr` is empty. One warm-up pass,
 * then N timed runs per file and tool; each file's figure is the median. Prints figures only, asserts nothing.
 * Then the scanned samples (samples/scanned, OCR): seconds per scanned page and cell accuracy, against the
 * `tesseract` CLI's full-page chi_sim pass on the same page images, and the peak memory of a 50-page scan run
 * (`--skip-scanned` leaves this part out; `--scan-run <file>` is the child process that measures one run).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { extractDocument } from "../src/pipeline/extract-document.js";
import { benchBatch } from "./bench-batch.js";
import { benchQueue } from "./bench-queue.js";
import { benchScanned, scanRunChild } from "./bench-scanned.js";

const SAMPLES = "samples";
const BENCH_OPTIONS = {
  runs: { type: "string", default: "5" },
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
/** The stated goal: gongkai's median time per report at most this many times pdftotext's. */
const TARGET_RATIO = 5;

interface Sample {
  readonly stem: string;
  readonly pdf: string;
}

interface Row {
  readonly stem: string;
  readonly pages: number;
  readonly status: string;
  /** Median milliseconds per run. */
  readonly gongkai: number;
  readonly pdftotext: number | null;
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

/** Wall time (ms) of `pdftotext -layout <file> -`, process start-up included; stdout is read and dropped. */
function timePdftotext(pdf: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn("pdftotext", ["-layout", pdf, "-"], { stdio: ["ignore", "pipe", "ignore"] });
    child.stdout.resume();
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(performance.now() - started);
      else reject(new Error(`pdftotext exited with ${code} on ${pdf}`));
    });
  });
}

/** Wall time (ms) of one `extractDocument` (ingest → text layer → layout → mapping → rules), in process. */
async function timeGongkai(pdf: string): Promise<{ ms: number; pages: number; status: string }> {
  const started = performance.now();
  const { output } = await extractDocument(pdf);
  return { ms: performance.now() - started, pages: output.source.pages ?? 0, status: output.status };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function measure(samples: readonly Sample[], runs: number, withPdftotext: boolean): Promise<Row[]> {
  for (const sample of samples) {
    await timeGongkai(sample.pdf);
    if (withPdftotext) await timePdftotext(sample.pdf);
  }
  const rows: Row[] = [];
  for (const sample of samples) {
    const ours: number[] = [];
    const theirs: number[] = [];
    let pages = 0;
    let status = "";
    for (let i = 0; i < runs; i++) {
      const run = await timeGongkai(sample.pdf);
      ours.push(run.ms);
      pages = run.pages;
      status = run.status;
      if (withPdftotext) theirs.push(await timePdftotext(sample.pdf));
    }
    rows.push({
      stem: sample.stem,
      pages,
      status,
      gongkai: median(ours),
      pdftotext: withPdftotext ? median(theirs) : null,
    });
  }
  return rows;
}

function formatTable(rows: readonly Row[]): string {
  const header = ["file", "pages", "gongkai ms", "pdftotext ms", "ratio"];
  const body = rows.map((r) => [
    r.status === "success" ? r.stem : `${r.stem} (${r.status})`,
    String(r.pages),
    r.gongkai.toFixed(1),
    r.pdftotext === null ? "—" : r.pdftotext.toFixed(1),
    r.pdftotext === null ? "—" : `${(r.gongkai / r.pdftotext).toFixed(2)}×`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => (cells[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    `${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ")}\n`;
  return line(header) + body.map(line).join("");
}

async function main(): Promise<void> {
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
      `bench: ${error instanceof Error ? error.message : String(error)}\nUsage: npm run bench -- [--runs N] [--batch-docs N] [--single-docs N] [--queue-docs N] [--memory-jobs N] [--skip-scanned]\n`,
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
    `${samples.length} born-digital sample(s), 1 warm-up pass, median of ${runs} run(s) per file\n\n`,
  );
  const rows = await measure(samples, runs, withPdftotext);
  process.stdout.write(formatTable(rows));

  const pages = rows.reduce((sum, r) => sum + r.pages, 0);
  const seconds = rows.reduce((sum, r) => sum + r.gongkai, 0) / 1000;
  process.stdout.write(`\ngongkai throughput: ${(pages / seconds).toFixed(1)} pages/s (${pages} pages)\n`);
  const compared = rows.filter((r): r is Row & { pdftotext: number } => r.pdftotext !== null);
  if (compared.length > 0) {
    const ratio = median(compared.map((r) => r.gongkai / r.pdftotext));
    const theirSeconds = compared.reduce((sum, r) => sum + r.pdftotext, 0) / 1000;
    process.stdout.write(
      `pdftotext throughput: ${(pages / theirSeconds).toFixed(1)} pages/s (process start included)\n`,
    );
    const verdict = ratio <= TARGET_RATIO ? "within target" : "over target";
    process.stdout.write(`median ratio: ${ratio.toFixed(2)}× pdftotext — target ≤ ${TARGET_RATIO}×: ${verdict}\n`);
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
  const { values } = parseArgs({ options: BENCH_OPTIONS, strict: true });
  const queueDocs = Number(values["queue-docs"]);
  const memoryJobs = Number(values["memory-jobs"]);
  if (queueDocs > 0 || memoryJobs > 0) {
    // The queue figure runs dist/cli.js, which the batch figure rebuilds; without it, build here.
    if (batch.docs === 0) spawnSync("npx", ["tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
    process.stdout.write(
      `\n${await benchQueue(
        samples.map((s) => s.pdf),
        queueDocs,
        memoryJobs,
      )}\n`,
    );
  }
  if (!values["skip-scanned"]) await benchScanned();
}

await main();
