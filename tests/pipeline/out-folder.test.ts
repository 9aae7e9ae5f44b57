import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { runBatch } from "../../src/pipeline/run-batch.js";
import { WORKER_ENTRY } from "../helpers/cli.js";

/** `--out` equal to an input folder (issue 13): gongkai removes and overwrites only what it wrote. */
const NOT_A_REPORT = join(import.meta.dirname, "../fixtures/bad-input/not-a-report.pdf");

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "gongkai-out-folder-"));
  await copyFile(NOT_A_REPORT, join(dir, "report.pdf"));
  await writeFile(join(dir, "notes.123.tmp"), "the user's own temp file\n");
  await writeFile(join(dir, "report.json"), '{"mine": true}\n');
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("an output folder that is an input folder", () => {
  it("refuses to overwrite a file gongkai did not write, naming it, and changes nothing", async () => {
    const error = await runBatch([dir], { outDir: dir, jobs: 1, workerEntry: WORKER_ENTRY }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(join(dir, "report.json"));
    expect(await readFile(join(dir, "report.json"), "utf8")).toBe('{"mine": true}\n');
    expect((await readdir(dir)).sort()).toEqual(["notes.123.tmp", "report.json", "report.pdf"]);
  });

  it("once the file is gone, writes and rewrites its own outputs and leaves the user's temp file", async () => {
    await rm(join(dir, "report.json"));
    await runBatch([dir], { outDir: dir, jobs: 1, workerEntry: WORKER_ENTRY });
    const first = JSON.parse(await readFile(join(dir, "report.json"), "utf8")) as { status: string };
    expect(first.status).toBe("failure");
    // A rerun with retryFailed rewrites report.json: it is gongkai's now.
    const again = await runBatch([dir], { outDir: dir, jobs: 1, retryFailed: true, workerEntry: WORKER_ENTRY });
    expect(again.done).toBe(1);
    expect(await readFile(join(dir, "notes.123.tmp"), "utf8")).toBe("the user's own temp file\n");
    expect((await readdir(dir)).sort()).toEqual([
      ".gongkai",
      "cross-report.json",
      "manifest.jsonl",
      "notes.123.tmp",
      "report.json",
      "report.pdf",
    ]);
  });
});
