// Are two `gongkai extract` output folders the same? `npx tsx scripts/dev/compare-outputs.ts <before> <after>`.
// Every file must be byte-identical, except manifest.jsonl, whose lines are compared as a set (their order is
// the order documents finished in) without the two fields that legitimately differ between runs: `seconds`
// (timing) and `pipeline_version` (a hash of the code). Prints each difference; exit code 1 when there is one.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

const IGNORED_MANIFEST_FIELDS = ["seconds", "pipeline_version"];

function listFiles(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(root, full) : [relative(root, full)];
  });
}

function manifestLines(path: string): string[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const record = JSON.parse(line) as Record<string, unknown>;
      for (const field of IGNORED_MANIFEST_FIELDS) delete record[field];
      return JSON.stringify(record);
    })
    .sort();
}

function compare(before: string, after: string): string[] {
  const differences: string[] = [];
  const left = new Set(listFiles(before));
  const right = new Set(listFiles(after));
  for (const file of left) if (!right.has(file)) differences.push(`only in ${before}: ${file}`);
  for (const file of right) if (!left.has(file)) differences.push(`only in ${after}: ${file}`);
  for (const file of [...left].filter((f) => right.has(f)).sort()) {
    if (file === "manifest.jsonl") {
      const a = manifestLines(join(before, file));
      const b = manifestLines(join(after, file));
      const missing = a.filter((line) => !b.includes(line));
      const extra = b.filter((line) => !a.includes(line));
      for (const line of missing) differences.push(`manifest.jsonl: line only in ${before}: ${line}`);
      for (const line of extra) differences.push(`manifest.jsonl: line only in ${after}: ${line}`);
    } else if (!readFileSync(join(before, file)).equals(readFileSync(join(after, file)))) {
      differences.push(`differs: ${file}`);
    }
  }
  return differences;
}

const [before, after] = process.argv.slice(2);
if (before === undefined || after === undefined) {
  process.stderr.write("Usage: npx tsx scripts/dev/compare-outputs.ts <before folder> <after folder>\n");
  process.exit(2);
}
const differences = compare(before, after);
const files = new Set([...listFiles(before), ...listFiles(after)]).size;
for (const line of differences) process.stdout.write(`${line}\n`);
process.stdout.write(
  differences.length === 0
    ? `${files} files: identical (manifest.jsonl without ${IGNORED_MANIFEST_FIELDS.join(", ")}, as a set of lines)\n`
    : `${differences.length} difference(s) over ${files} files\n`,
);
process.exitCode = differences.length === 0 ? 0 : 1;
