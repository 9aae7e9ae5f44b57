import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The run's folder of extraction results shared by its test processes (tests/helpers/extract-once.ts). */
    extractCache: string;
  }
}

/** vitest globalSetup: one cache folder of extraction results per run, removed when the run ends. */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), "gongkai-test-extract-"));
  project.provide("extractCache", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
