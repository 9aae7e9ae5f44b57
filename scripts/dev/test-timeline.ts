import { readFileSync } from "node:fs";
import { relative } from "node:path";

/**
 * Dev: `tsx scripts/dev/test-timeline.ts <file> [min-seconds]` reads what `GONGKAI_TEST_CPU=<file> npm test` wrote
 * (tests/helpers/setup.ts: a line per test file) and prints, per test process, its files in the order it ran them
 * (those that took at least min-seconds, default 5): start and end from the first file's start, wall seconds, CPU
 * seconds of the process and of its children; then each process's totals and when it ended. A process that ends
 * long before the others, or a file whose wall time is far above its CPU, is where the suite's wall time goes.
 */
const [file, min = "5"] = process.argv.slice(2);
if (!file) throw new Error("usage: test-timeline.ts <GONGKAI_TEST_CPU file> [min-seconds]");

interface Row {
  pid: string;
  own: number;
  children: number;
  start: number;
  end: number;
  path: string;
}

const rows: Row[] = readFileSync(file, "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => {
    const [pid = "", own, children, start, end, path = ""] = line.split("\t");
    return { pid, own: Number(own), children: Number(children), start: Number(start), end: Number(end), path };
  });
const t0 = Math.min(...rows.map((r) => r.start));
const byPid = new Map<string, Row[]>();
for (const r of rows) byPid.set(r.pid, [...(byPid.get(r.pid) ?? []), r]);
const total = (list: Row[], key: "own" | "children") => list.reduce((sum, r) => sum + r[key], 0);
console.log(
  `${rows.length} files, CPU ${total(rows, "own").toFixed(1)} s in the test processes, ` +
    `${total(rows, "children").toFixed(1)} s in their children`,
);
for (const [pid, list] of byPid) {
  list.sort((a, b) => a.start - b.start);
  const last = list.at(-1) as Row;
  console.log(
    `process ${pid}: ${list.length} files, ended at ${(last.end - t0).toFixed(1)} s, ` +
      `CPU ${total(list, "own").toFixed(1)} s own, ${total(list, "children").toFixed(1)} s children`,
  );
  for (const r of list) {
    if (r.end - r.start < Number(min)) continue;
    const span = `${(r.start - t0).toFixed(1).padStart(7)} ${(r.end - t0).toFixed(1).padStart(7)}`;
    const cpu = `own ${r.own.toFixed(1).padStart(6)} children ${r.children.toFixed(1).padStart(5)}`;
    console.log(
      `  ${span}  wall ${(r.end - r.start).toFixed(1).padStart(6)}  ${cpu}  ${relative(process.cwd(), r.path)}`,
    );
  }
}
