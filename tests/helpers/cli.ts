import { join } from "node:path";
import type { WorkerEntry } from "../../src/pipeline/batch/worker-pool.js";

/**
 * The gongkai bin as a user runs it, for tests that start the CLI as a child process (`process.execPath`, then
 * `CLI` and its arguments): `src/` compiled to JavaScript once per test run by tests/helpers/global-setup.ts, in
 * `.test-dist/` beside `dist/` (so it finds package.json and node_modules as `dist/` does) and apart from it (a
 * test run leaves the user's build alone). Started through tsx instead, the CLI and each of its document
 * processes compiled and resolved every module of the pipeline again: a one-document `extract` took 2.8 CPU s
 * instead of 1.0, and the suite starts ~150 such processes.
 */
export const CLI = join(import.meta.dirname, "../../.test-dist/cli.js");

/**
 * The bin's document-process entry, for tests that run a batch in the test process (`runBatch({ workerEntry })`):
 * its document processes then load the compiled pipeline, as the bin's do, instead of compiling it through tsx.
 */
export const WORKER_ENTRY: WorkerEntry = {
  file: join(import.meta.dirname, "../../.test-dist/pipeline/batch/worker-entry.js"),
  execArgv: [],
};
