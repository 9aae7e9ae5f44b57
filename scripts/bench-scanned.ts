// The scanned part of `npm run bench` (see bench.ts): OCR speed and cell accuracy on samples/scanned against the
// tesseract CLI's full-page pass on the same page images, and the peak memory of a 50-page scan run.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createCanvas } from "@napi-rs/canvas";
import { extractDocument } from "../src/pipeline/extract-document.js";
import { withPdfDocument } from "../src/stages/ingest/index.js";
import { type GrayImage, imageFilePages, OcrEngine, type PageImage, pdfPageImage } from "../src/stages/ocr/index.js";
import { compareWithTruth, type Truth } from "../tests/golden/compare-truth.js";

const SCANNED = "samples/scanned";
const WORK = "/tmp/gongkai-bench-scanned";
/** The stated goal: gongkai's seconds per scanned page no more than the CLI's full-page pass. */
const TARGET_RATIO = 1;

interface ScanRow {
  readonly file: string;
  readonly ocrPages: number;
  readonly seconds: number;
  readonly exact: number;
  readonly cells: number;
  readonly cliSecondsPerPage: number | null;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function hasTesseract(): boolean {
  const probe = spawnSync("tesseract", ["--list-langs"], { encoding: "utf8" });
  return probe.status === 0 && probe.stdout.includes("chi_sim");
}

/** The page images gongkai OCRs for `file` (same source: embedded scan or render, or the image file). */
async function pageImages(file: string, pages: readonly number[]): Promise<PageImage[]> {
  const bytes = new Uint8Array(readFileSync(file));
  if (!file.endsWith(".pdf")) return imageFilePages(bytes, file.endsWith(".png") ? "png" : "tiff");
  return withPdfDocument(bytes, async (doc) => {
    const images: PageImage[] = [];
    for (const n of pages) {
      const page = await doc.getPage(n);
      images.push(await pdfPageImage(page, page.rotate));
    }
    return images;
  });
}

function writePng(image: GrayImage, path: string): void {
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext("2d");
  const pixels = context.createImageData(image.width, image.height);
  for (let i = 0; i < image.data.length; i++) {
    const v = image.data[i] as number;
    pixels.data[4 * i] = v;
    pixels.data[4 * i + 1] = v;
    pixels.data[4 * i + 2] = v;
    pixels.data[4 * i + 3] = 255;
  }
  context.putImageData(pixels, 0, 0);
  writeFileSync(path, canvas.toBuffer("image/png"));
}

/** Wall time (ms) of `tesseract page.png - -l chi_sim` (a full-page pass), process start-up included. */
function timeCli(png: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn("tesseract", [png, "-", "-l", "chi_sim"], { stdio: ["ignore", "pipe", "ignore"] });
    child.stdout.resume();
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`tesseract exited ${code}`)),
    );
  });
}

export async function benchScanned(): Promise<void> {
  const truths = readdirSync(SCANNED)
    .filter((f) => f.endsWith(".truth.json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(SCANNED, f), "utf8")) as Truth);
  if (truths.length === 0) {
    process.stdout.write(`\nNo scanned samples in ${SCANNED}/.\n`);
    return;
  }
  const cli = hasTesseract();
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  process.stdout.write(
    `\n${truths.length} scanned sample(s), one OCR engine (warmed up on the first), one run each${cli ? "; tesseract CLI full-page chi_sim on the same page images" : "; tesseract CLI not found: no comparison"}\n\n`,
  );
  const engine = new OcrEngine();
  const rows: ScanRow[] = [];
  try {
    const first = truths[0] as Truth;
    await extractDocument(join(SCANNED, first.file), { ocr: engine });
    for (const truth of truths) {
      const file = join(SCANNED, truth.file);
      const started = performance.now();
      const { output } = await extractDocument(file, { ocr: engine });
      const seconds = (performance.now() - started) / 1000;
      const diff = compareWithTruth(output, truth);
      const ocrPages = output.pages.filter((p) => p.method === "ocr").map((p) => p.page);
      let cliSecondsPerPage: number | null = null;
      if (cli) {
        const images = await pageImages(file, ocrPages);
        const times: number[] = [];
        for (const [i, image] of images.entries()) {
          const png = join(WORK, `${truth.file}-${i + 1}.png`);
          writePng(image.image, png);
          times.push(await timeCli(png));
        }
        cliSecondsPerPage = times.reduce((a, b) => a + b, 0) / 1000 / Math.max(1, times.length);
      }
      rows.push({
        file: truth.file,
        ocrPages: ocrPages.length,
        seconds,
        exact: diff.exact,
        cells: diff.cells,
        cliSecondsPerPage,
      });
    }
  } finally {
    await engine.terminate();
  }
  const header = ["file", "OCR pages", "s/page", "cells exact", "CLI s/page", "ratio"];
  const body = rows.map((r) => {
    const perPage = r.seconds / Math.max(1, r.ocrPages);
    return [
      r.file,
      String(r.ocrPages),
      perPage.toFixed(2),
      `${r.exact}/${r.cells}`,
      r.cliSecondsPerPage === null ? "—" : r.cliSecondsPerPage.toFixed(2),
      r.cliSecondsPerPage === null ? "—" : `${(perPage / r.cliSecondsPerPage).toFixed(2)}×`,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((c) => (c[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    `${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ")}\n`;
  process.stdout.write(line(header) + body.map(line).join(""));
  const perPage = median(rows.map((r) => r.seconds / Math.max(1, r.ocrPages)));
  const exact = rows.reduce((n, r) => n + r.exact, 0);
  const cells = rows.reduce((n, r) => n + r.cells, 0);
  process.stdout.write(
    `\ngongkai: median ${perPage.toFixed(2)} s per scanned page; cells exact ${exact}/${cells} (${((100 * exact) / cells).toFixed(2)}%)\n`,
  );
  const compared = rows.filter((r) => r.cliSecondsPerPage !== null);
  if (compared.length > 0) {
    const cliPerPage = median(compared.map((r) => r.cliSecondsPerPage as number));
    const ratio = perPage / cliPerPage;
    process.stdout.write(
      `tesseract CLI full page (chi_sim): median ${cliPerPage.toFixed(2)} s per page (text only, no cells)\nratio: ${ratio.toFixed(2)}× the CLI — target ≤ ${TARGET_RATIO}×: ${ratio <= TARGET_RATIO ? "within target" : "over target"}\n`,
    );
  }
  await peakMemory50(truths);
}

/** Assembles a 50-page scanned PDF from the scanned PDF samples and measures one extraction in a child process. */
async function peakMemory50(truths: readonly Truth[]): Promise<void> {
  const pdfs = truths.map((t) => join(SCANNED, t.file)).filter((f) => f.endsWith(".pdf"));
  const pageArgs: string[] = [];
  let pages = 0;
  while (pages < 50 && pdfs.length > 0) {
    for (const pdf of pdfs) {
      const count = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1] ?? 0);
      const take = Math.min(count, 50 - pages);
      if (take <= 0) break;
      pageArgs.push(pdf, `1-${take}`);
      pages += take;
    }
  }
  const big = join(WORK, "scan-50-pages.pdf");
  execFileSync("qpdf", ["--empty", "--pages", ...pageArgs, "--", big]);
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1] as string, "--scan-run", big], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  const result = /SCAN-RUN (\{.*\})/.exec(child.stdout ?? "")?.[1];
  if (!result) {
    process.stdout.write(`50-page scan run failed: ${child.stderr?.slice(-400) ?? ""}\n`);
    return;
  }
  const run = JSON.parse(result) as { pages: number; seconds: number; maxRssMiB: number; status: string };
  process.stdout.write(
    `50-page scan run (one process, engine sized to the cores): ${run.pages} pages in ${run.seconds.toFixed(1)} s, peak RSS ${run.maxRssMiB.toFixed(0)} MiB (status ${run.status})\n`,
  );
}

/** Child side of the 50-page run: one extraction with its own engine, then its own peak RSS. */
export async function scanRunChild(file: string): Promise<void> {
  const engine = new OcrEngine();
  const started = performance.now();
  try {
    const { output } = await extractDocument(file, { ocr: engine });
    const seconds = (performance.now() - started) / 1000;
    const maxRssMiB = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(
      `SCAN-RUN ${JSON.stringify({ pages: output.source.pages, seconds, maxRssMiB, status: output.status })}\n`,
    );
  } finally {
    await engine.terminate();
  }
}
