import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { LongestFirstSequencer } from "./tests/helpers/sequencer.js";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // No test depends on wall-clock speed: a loaded machine makes the suite slower, never red. 0 = no limit
    // (per test, per hook). A test that hangs is a defect to find with `--reporter=verbose`, not a timeout.
    testTimeout: 0,
    hookTimeout: 0,
    // expect.poll (the review page tests wait for the browser with it) gives up after 1 s by default, which a
    // machine at load 8 trips; 10 min only a defect reaches.
    expect: { poll: { timeout: 600_000 } },
    setupFiles: ["./tests/helpers/setup.ts"],
    // A folder per run where extractOnce shares each input's extraction between the test processes.
    globalSetup: ["./tests/helpers/global-setup.ts"],
    pool: "forks",
    // The long files first, whatever vitest remembers of earlier runs (a fresh clone has nothing), so no process
    // is left alone with a long file at the end.
    sequence: { sequencer: LongestFirstSequencer },
    // Three test processes on two cores: a process that waits (the queue tests for stalled-job recovery, Chromium,
    // document processes starting) leaves its core to the other two; with one per core that core stood idle.
    // Vitest's default for `run` is one fewer than the cores (on two cores one file at a time), and it caps a
    // percentage at the core count ("150%" gives two), hence the number.
    maxWorkers: Math.round(availableParallelism() * 1.5),
    // A test process runs file after file with its modules loaded once (pdf.js, canvas, the pipeline), instead of
    // a fresh process importing them again for each of ~70 files; extractOnce's cache then spans the files a
    // process runs. No test mocks modules, changes the working folder or stubs the environment.
    isolate: false,
    reporters: ["default", "./tests/summary-reporter.ts"],
  },
});
