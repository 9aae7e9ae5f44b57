import { appendFileSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, expect } from "vitest";
import { terminateSharedOcrEngine } from "./extract-once.js";

/**
 * GONGKAI_TEST_CPU=<file>: each test file appends a line to <file>: its test process's pid, the CPU seconds that
 * process spent in the file (user + system, its hooks and tests, not its imports), those of the child processes
 * it waited for (CLI runs, document processes, probes), the wall clock (Unix seconds) when this setup file was
 * loaded for the file (before the file's imports) and when its tests ended, and the file's path: each test
 * process's files in order, with how long each kept it busy. Issue 12 measures the suite with it;
 * the sum is below what `/usr/bin/time` says by vitest's own process and the test processes' start.
 */
const cpuLog = process.env.GONGKAI_TEST_CPU;

/** Seconds of CPU, own and of waited-for children, from /proc/self/stat (Linux, 100 ticks a second). */
function cpuSeconds(): { own: number; children: number } {
  const stat = readFileSync("/proc/self/stat", "utf8");
  const [utime, stime, cutime, cstime] = stat
    .slice(stat.lastIndexOf(")") + 2)
    .split(" ")
    .slice(11, 15)
    .map((ticks) => Number(ticks) / 100) as [number, number, number, number];
  return { own: utime + stime, children: cutime + cstime };
}

const loaded = Date.now() / 1000;
let start = { own: 0, children: 0 };
beforeAll(() => {
  if (cpuLog) start = cpuSeconds();
});

// Runs in every test file's process (vitest `setupFiles`): the shared OCR engine's workers end with the file.
afterAll(async () => {
  await terminateSharedOcrEngine();
  if (!cpuLog) return;
  const end = cpuSeconds();
  const cpu = [(end.own - start.own).toFixed(1), (end.children - start.children).toFixed(1)];
  const line = [process.pid, ...cpu, loaded.toFixed(1), (Date.now() / 1000).toFixed(1)];
  appendFileSync(cpuLog, `${[...line, expect.getState().testPath].join("\t")}\n`);
});
