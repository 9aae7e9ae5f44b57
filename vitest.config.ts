import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // No test depends on wall-clock speed: a loaded machine makes the suite slower, never red. 0 = no limit
    // (per test, per hook). A test that hangs is a defect to find with `--reporter=verbose`, not a timeout.
    testTimeout: 0,
    hookTimeout: 0,
    setupFiles: ["./tests/helpers/setup.ts"],
    pool: "forks",
    reporters: ["default", "./tests/summary-reporter.ts"],
  },
});
