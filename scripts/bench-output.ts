/**
 * Speed and size of `gongkai export` and `gongkai review` over the committed extracted/ (with samples/ as the
 * sources), in a temporary copy: `npm run bench:output [-- --runs N]`. Export: median of N runs. Review: one run
 * that renders every page image, then the median of N runs that reuse them. Prints figures only, asserts nothing.
 */
import { cp, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { runExport } from "../src/outputs/export/index.js";
import { buildReviewSite } from "../src/outputs/review/index.js";

const { values } = parseArgs({ options: { runs: { type: "string", default: "5" } }, strict: true });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1 || runs > 100) {
  throw new Error(`Expected \`--runs\` to be an integer 1–100, got \`${values.runs}\` (${typeof values.runs})`);
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

const dir = await mkdtemp(join(tmpdir(), "gongkai-bench-output-"));
try {
  await cp("extracted", dir, { recursive: true });
  const samples = resolve("samples");
  const exportTimes: number[] = [];
  let summary: Awaited<ReturnType<typeof runExport>> | null = null;
  for (let i = 0; i < runs; i++) {
    exportTimes.push(
      await time(async () => {
        summary = await runExport(dir, { outDir: join(dir, "export") });
      }),
    );
  }
  const s = summary as Awaited<ReturnType<typeof runExport>> | null;
  const lines = [`export: ${s?.reports} reports, ${s?.cells} cell rows, median ${median(exportTimes).toFixed(0)} ms`];
  for (const file of s?.files ?? []) lines.push(`  ${file.name}: ${(file.bytes / 1024).toFixed(1)} KiB`);
  let site: Awaited<ReturnType<typeof buildReviewSite>> | null = null;
  const fresh = await time(async () => {
    site = await buildReviewSite(dir, { inputs: samples });
  });
  const reruns: number[] = [];
  for (let i = 0; i < runs; i++) reruns.push(await time(() => buildReviewSite(dir, { inputs: samples })));
  const built = site as Awaited<ReturnType<typeof buildReviewSite>> | null;
  const images = built?.images ?? 0;
  lines.push(
    `review: ${built?.reports} report pages, ${images} page images`,
    `  first run (renders every page): ${(fresh / 1000).toFixed(2)} s, ${(fresh / Math.max(1, images)).toFixed(0)} ms per page`,
    `  rerun (images reused): median ${median(reruns).toFixed(0)} ms`,
    `  site size: ${((await folderBytes(join(dir, "review"))) / 1024 / 1024).toFixed(1)} MiB`,
    `peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
  );
  process.stdout.write(`${lines.join("\n")}\n`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
