/** Extracts every sample and prints its differences from the truth file: `npx tsx scripts/check-samples.ts [stem…]`. */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { extractDocument } from "../src/pipeline/extract-document.js";
import { compareWithTruth, type Truth } from "../tests/golden/compare-truth.js";

const dir = "samples";
const only = process.argv.slice(2);
let cells = 0;
let exact = 0;
for (const name of (await readdir(dir)).filter((f) => f.endsWith(".truth.json")).sort()) {
  const truth = JSON.parse(await readFile(join(dir, name), "utf8")) as Truth;
  const stem = name.replace(/\.truth\.json$/, "");
  if (only.length > 0 && !only.includes(stem)) continue;
  const { output } = await extractDocument(join(dir, truth.file));
  const diff = compareWithTruth(output, truth);
  cells += diff.cells;
  exact += diff.exact;
  console.log(`${diff.problems.length === 0 ? "ok  " : "FAIL"} ${stem}: ${diff.exact}/${diff.cells} cells exact`);
  for (const problem of diff.problems.slice(0, 25)) console.log(`     ${problem}`);
  if (diff.problems.length > 25) console.log(`     … ${diff.problems.length - 25} more`);
}
console.log(`total: ${exact}/${cells} cells exact`);
