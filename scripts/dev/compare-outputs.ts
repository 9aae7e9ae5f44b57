import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * Compares two `gongkai extract` output folders byte for byte, for a refactor that must not change behaviour:
 *
 *   npx tsx scripts/dev/compare-outputs.ts <dirA> <dirB>
 *
 * Every report JSON and `cross-report.json` must be identical bytes. `manifest.jsonl` lines are appended as
 * documents finish (order depends on scheduling), and two of their fields legitimately change between two runs
 * of different code: `seconds` (timing) and `pipeline_version` (a hash of the source). The manifest is therefore
 * compared as a set of lines keyed by `out`, with only those two fields removed. `.gongkai/` (temp files) is
 * skipped. Exit code 0 when equal, 1 with a list of differences otherwise, 2 on a usage error.
 */
const IGNORED_MANIFEST_FIELDS = ["seconds", "pipeline_version"];

const [dirA, dirB] = process.argv.slice(2);
if (dirA === undefined || dirB === undefined) {
  console.error("Usage: npx tsx scripts/dev/compare-outputs.ts <dirA> <dirB>");
  process.exit(2);
}

const filesA = listFiles(dirA);
const filesB = listFiles(dirB);
const problems: string[] = [];
for (const file of filesA) if (!filesB.includes(file)) problems.push(`only in ${dirA}: ${file}`);
for (const file of filesB) if (!filesA.includes(file)) problems.push(`only in ${dirB}: ${file}`);
let compared = 0;
for (const file of filesA.filter((f) => filesB.includes(f))) {
  compared++;
  const a = readFileSync(join(dirA, file));
  const b = readFileSync(join(dirB, file));
  if (file === "manifest.jsonl") problems.push(...compareManifests(a.toString("utf8"), b.toString("utf8")));
  else if (!a.equals(b)) problems.push(`differs: ${file}${firstDifference(a.toString("utf8"), b.toString("utf8"))}`);
}
if (problems.length > 0) {
  console.error(problems.join("\n"));
  console.error(`${problems.length} difference(s) over ${compared} file(s) in both folders`);
  process.exit(1);
}
console.log(`identical: ${compared} file(s) (manifest.jsonl without ${IGNORED_MANIFEST_FIELDS.join(", ")})`);

/** Files under `dir`, as sorted paths relative to it, without the run's temp folder. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) {
        if (name !== ".gongkai") walk(path);
      } else out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out.sort();
}

function compareManifests(a: string, b: string): string[] {
  const linesA = manifestLines(a);
  const linesB = manifestLines(b);
  const problems: string[] = [];
  for (const [out, line] of linesA) {
    const other = linesB.get(out);
    if (other === undefined) problems.push(`manifest.jsonl: no line for ${out} in the second folder`);
    else if (other !== line) problems.push(`manifest.jsonl: ${out}\n  A ${line}\n  B ${other}`);
  }
  for (const out of linesB.keys()) {
    if (!linesA.has(out)) problems.push(`manifest.jsonl: no line for ${out} in the first folder`);
  }
  return problems;
}

/** Manifest lines by `out`, each re-serialised without the fields that legitimately change. */
function manifestLines(text: string): Map<string, string> {
  const lines = new Map<string, string>();
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    const entry = JSON.parse(line) as Record<string, unknown>;
    for (const field of IGNORED_MANIFEST_FIELDS) delete entry[field];
    lines.set(String(entry.out ?? entry.file), JSON.stringify(entry));
  }
  return lines;
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return ` (first difference at character ${i}: ${JSON.stringify(a.slice(i, i + 60))} vs ${JSON.stringify(b.slice(i, i + 60))})`;
}
