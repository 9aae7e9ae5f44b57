/**
 * A/B of the bench's headline figure between two builds: `npx tsx scripts/dev/ab-batch.ts [--runs N] [--docs N]
 * [--jobs N] <rootA> <rootB>`, where a root is a folder holding a built `dist/` (a checkout or worktree of another
 * commit after `npm run build`). Both run `dist/cli.js extract <corpus> --out <tmp> --jobs N` on the same corpus
 * (bench-batch.ts's copies of the born-digital samples) in alternating order, after one warm-up each; prints CPU
 * seconds (process tree, cpu-time.ts) per run, medians, and the paired differences B − A. On a shared machine one
 * run's CPU seconds move by ±10 %: compare medians of many pairs, and the sign of the differences.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { makeCorpus } from "../bench-batch.js";
import { type Cost, median, runCosted } from "../cpu-time.js";

const ROOT = join(import.meta.dirname, "../..");
const { values, positionals } = parseArgs({
  options: {
    runs: { type: "string", default: "10" },
    docs: { type: "string", default: "30" },
    jobs: { type: "string", default: "1" },
  },
  allowPositionals: true,
});
if (positionals.length !== 2) throw new Error(`Expected two roots (folders holding dist/), got ${positionals.length}`);
const roots = positionals.map((p) => resolve(p));
for (const root of roots) {
  if (!existsSync(join(root, "dist/cli.js"))) throw new Error(`Expected a built \`dist/cli.js\` under \`${root}\``);
}

/** The born-digital PDF samples, as bench.ts picks them (a truth file with an empty `pages_need_ocr`). */
async function bornDigital(): Promise<string[]> {
  const pdfs: string[] = [];
  for (const name of (await readdir(join(ROOT, "samples"))).filter((f) => f.endsWith(".truth.json")).sort()) {
    const truth = JSON.parse(await readFile(join(ROOT, "samples", name), "utf8")) as {
      file?: string;
      pages_need_ocr?: readonly number[];
    };
    const pdf = join(ROOT, "samples", truth.file ?? name.replace(/\.truth\.json$/, ".pdf"));
    if ((truth.pages_need_ocr ?? []).length === 0 && pdf.endsWith(".pdf") && existsSync(pdf)) pdfs.push(pdf);
  }
  return pdfs;
}

const dir = await mkdtemp(join(tmpdir(), "gongkai-ab-"));
try {
  const inbox = await makeCorpus(dir, await bornDigital(), Number(values.docs));
  const run = async (root: string): Promise<Cost> => {
    const out = join(dir, "out");
    const cost = await runCosted(
      process.execPath,
      [join(root, "dist/cli.js"), "extract", inbox, "--out", out, "--jobs", values.jobs, "--quiet"],
      { cwd: root },
    );
    await rm(out, { recursive: true, force: true });
    return cost;
  };
  const costs: Cost[][] = [[], []];
  for (let i = 0; i <= Number(values.runs); i++) {
    const order = i % 2 === 0 ? [0, 1] : [1, 0];
    for (const k of order) {
      const cost = await run(roots[k] as string);
      if (i > 0) costs[k]?.push(cost);
    }
  }
  const [a = [], b = []] = costs;
  const line = (label: string, c: readonly Cost[]) =>
    `${label}: median ${median(c.map((x) => x.cpu)).toFixed(2)} CPU s (wall ${median(c.map((x) => x.wall)).toFixed(2)} s)  [${c.map((x) => x.cpu.toFixed(2)).join(" ")}]`;
  const diffs = b.map((x, i) => x.cpu - (a[i]?.cpu ?? 0));
  process.stdout.write(
    [
      `${values.docs} born-digital reports, --jobs ${values.jobs}, ${values.runs} alternating pairs after a warm-up:`,
      line(`A ${roots[0]}`, a),
      line(`B ${roots[1]}`, b),
      `B − A: median ${median(diffs).toFixed(2)} CPU s, ${diffs.filter((d) => d < 0).length} of ${diffs.length} pairs lower  [${diffs.map((d) => d.toFixed(2)).join(" ")}]`,
      "",
    ].join("\n"),
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
