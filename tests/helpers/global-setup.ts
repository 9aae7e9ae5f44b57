import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The run's folder of extraction results shared by its test processes (tests/helpers/extract-once.ts). */
    extractCache: string;
  }
}

const ROOT = join(import.meta.dirname, "../..");

/**
 * vitest globalSetup: builds the bin the CLI tests start (tests/helpers/cli.ts) and makes one cache folder of
 * extraction results per run, removed when the run ends.
 */
export default function setup(project: TestProject): () => void {
  buildTestBin();
  const dir = mkdtempSync(join(tmpdir(), "gongkai-test-extract-"));
  project.provide("extractCache", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}

/**
 * `src/` compiled into `.test-dist/` as `npm run build` compiles it into `dist/`, without declarations.
 * Incremental: when no source changed since the last run, tsc only checks that (~0.7 CPU s instead of ~3.5).
 * A type error fails `npm run typecheck`, not the tests: the JavaScript is emitted all the same.
 */
function buildTestBin(): void {
  const out = ".test-dist";
  const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
  const args = ["-p", "tsconfig.build.json", "--outDir", out, "--declaration", "false", "--declarationMap", "false"];
  const incremental = ["--incremental", "--tsBuildInfoFile", join(out, ".tsbuildinfo")];
  let failure = "";
  try {
    execFileSync(process.execPath, [tsc, ...args, ...incremental], { cwd: ROOT, stdio: "pipe" });
  } catch (error) {
    // Exit status 2 with type errors, whose output is emitted anyway.
    failure = String((error as { stdout?: Buffer }).stdout ?? error);
  }
  if (!existsSync(join(ROOT, out, "cli.js"))) throw new Error(`Expected tsc to build ${out}/cli.js: ${failure}`);
  execFileSync(process.execPath, [join(ROOT, "scripts/copy-assets.mjs"), out], { cwd: ROOT, stdio: "inherit" });
}
