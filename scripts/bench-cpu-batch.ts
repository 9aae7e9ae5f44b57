/**
 * The headline figure of `npm run bench`: the CPU seconds of a batch of N born-digital reports (distinct copies
 * of the born-digital samples, see `makeCorpus`) through the built CLI, `dist/cli.js extract <folder> --out
 * <tmp> --jobs 1`, against `pdftotext -layout` run on the same N files, one process per file. Both are CPU
 * seconds with process start-up included: for gongkai the CLI process and its document process(es), rules,
 * cross-report rules and output writing included; for pdftotext every one of its processes. Median of `runs`
 * runs, after one warm-up run of each. Prints, asserts nothing.
 */
import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { type Cost, medianCost, runCosted } from "./cpu-time.js";

const ROOT = join(import.meta.dirname, "..");

/** The stated goal (issue 14): gongkai's CPU seconds for the batch at most this many times pdftotext's. */
export const CPU_TARGET_RATIO = 3;

async function gongkaiRun(inbox: string, out: string): Promise<Cost> {
  await rm(out, { recursive: true, force: true });
  const cost = await runCosted(
    process.execPath,
    [join(ROOT, "dist/cli.js"), "extract", inbox, "--out", out, "--jobs", "1", "--quiet"],
    { cwd: ROOT },
  );
  await rm(out, { recursive: true, force: true });
  return cost;
}

async function pdftotextRun(files: readonly string[]): Promise<Cost> {
  let cpu = 0;
  let wall = 0;
  for (const file of files) {
    const cost = await runCosted("pdftotext", ["-layout", file, "-"]);
    cpu += cost.cpu;
    wall += cost.wall;
  }
  return { cpu, wall };
}

/** Runs the figure over the PDFs in `inbox` (`dist/` must be current) and returns its lines. */
export async function benchCpuBatch(inbox: string, out: string, runs: number, withPdftotext: boolean): Promise<string> {
  const files = (await readdir(inbox)).sort().map((name) => join(inbox, name));
  await gongkaiRun(inbox, out);
  const ours: Cost[] = [];
  for (let i = 0; i < runs; i++) ours.push(await gongkaiRun(inbox, out));
  const gongkai = medianCost(ours);
  const s = (cost: Cost) => `${cost.cpu.toFixed(2)} CPU s (wall ${cost.wall.toFixed(2)} s)`;
  const lines = [
    `batch of ${files.length} born-digital reports, CPU seconds with process start-up, median of ${runs} run(s) after a warm-up:`,
    `  gongkai  dist/cli.js extract --jobs 1: ${s(gongkai)} = ${((gongkai.cpu / files.length) * 1000).toFixed(0)} CPU ms/report (the CLI process and its document process: reading, layout, mapping, rules, cross-report rules, writing)`,
  ];
  if (!withPdftotext) {
    lines.push(`  pdftotext not found: no comparison (target ≤ ${CPU_TARGET_RATIO}× pdftotext's CPU)`);
    return lines.join("\n");
  }
  await pdftotextRun(files);
  const theirs: Cost[] = [];
  for (let i = 0; i < runs; i++) theirs.push(await pdftotextRun(files));
  const pdftotext = medianCost(theirs);
  const ratio = gongkai.cpu / pdftotext.cpu;
  lines.push(
    `  pdftotext -layout, one process per file: ${s(pdftotext)} = ${((pdftotext.cpu / files.length) * 1000).toFixed(0)} CPU ms/report`,
    `  CPU ratio: ${ratio.toFixed(2)}× pdftotext — target ≤ ${CPU_TARGET_RATIO}×: ${ratio <= CPU_TARGET_RATIO ? "within target" : "over target"} (wall ratio ${(gongkai.wall / pdftotext.wall).toFixed(2)}×, which on a shared machine measures the load too)`,
  );
  return lines.join("\n");
}
