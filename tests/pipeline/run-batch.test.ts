import { appendFile, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ReportOutput } from "../../src/model/report.js";
import { defaultWorkerEntry, tsxExecArgv } from "../../src/pipeline/batch/worker-pool.js";
import { type BatchEntry, type BatchOptions, runBatch } from "../../src/pipeline/run-batch.js";
import { WORKER_ENTRY } from "../helpers/cli.js";

const ROOT = join(import.meta.dirname, "../..");
const FIXTURES = join(ROOT, "tests/fixtures/bad-input");
const GOOD = join(ROOT, "samples/ruled-clean-2023.pdf");
const OTHER = join(ROOT, "samples/three-line-2022.pdf");

interface Line {
  readonly out: string;
  readonly status: string;
  readonly error_class: string | null;
  readonly pipeline_version: string;
}

let tmp = "";
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "gongkai-run-batch-"));
});
afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const readLines = async (out: string) =>
  (await readFile(join(out, "manifest.jsonl"), "utf8"))
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);

/** A folder with a good report, a failing input and another report. */
async function makeInbox(name: string): Promise<string> {
  const inbox = join(tmp, name);
  await mkdir(inbox, { recursive: true });
  await copyFile(GOOD, join(inbox, "a.pdf"));
  await copyFile(join(FIXTURES, "not-a-report.pdf"), join(inbox, "b.pdf"));
  await copyFile(OTHER, join(inbox, "c.pdf"));
  return inbox;
}

/**
 * A batch whose document processes load the compiled pipeline (tests/helpers/cli.ts), as the bin's do: through
 * tsx each process compiled the pipeline again. The first batch of "resume" keeps the default entry, the
 * TypeScript source through tsx (`tsx src/cli.ts`), so that path still reads documents.
 */
async function batch(inbox: string, out: string, options: Partial<BatchOptions> = {}) {
  const entries: BatchEntry[] = [];
  const summary = await runBatch([inbox], {
    outDir: out,
    jobs: 2,
    workerEntry: WORKER_ENTRY,
    ...options,
    onDocument: (e) => entries.push(e),
  });
  return { summary, done: entries.map((e) => e.out.slice(out.length + 1)).sort() };
}

describe("resume", () => {
  it("skips what is done, redoes failures only with retryFailed, and inputs whose bytes changed", async () => {
    const inbox = await makeInbox("resume");
    const out = join(tmp, "resume-out");
    const first = await batch(inbox, out, { workerEntry: defaultWorkerEntry() });
    expect(first.done).toEqual(["a.json", "b.json", "c.json"]);
    const a = await readFile(join(out, "a.json"), "utf8");

    const second = await batch(inbox, out);
    expect(second.done).toEqual([]);
    expect(second.summary).toMatchObject({ inputs: 3, skipped: 3, skippedFailed: 1, done: 0 });

    const retry = await batch(inbox, out, { retryFailed: true });
    expect(retry.done).toEqual(["b.json"]);

    await copyFile(GOOD, join(inbox, "c.pdf"));
    const changed = await batch(inbox, out);
    expect(changed.done).toEqual(["c.json"]);
    expect(JSON.parse(await readFile(join(out, "c.json"), "utf8")).source.file).toBe("c.pdf");
    expect(await readFile(join(out, "a.json"), "utf8")).toBe(a);
    const outs = (await readLines(out)).map((l) => l.out);
    expect([outs.slice(0, 3).sort(), outs.slice(3)]).toEqual([
      ["a.json", "b.json", "c.json"],
      ["b.json", "c.json"],
    ]);
  });

  it("redoes everything after a pipeline change, and survives a torn last manifest line", async () => {
    const inbox = await makeInbox("version");
    const out = join(tmp, "version-out");
    await batch(inbox, out);
    const lines = await readLines(out);
    expect(new Set(lines.map((l) => l.pipeline_version)).size).toBe(1);
    // The same lines, written by an older pipeline; then the torn start of a line (a kill -9 mid-write).
    const older = lines.map((l) => JSON.stringify({ ...l, pipeline_version: "0.0.1+000000000000" })).join("\n");
    await writeFile(join(out, "manifest.jsonl"), `${older}\n`);
    await appendFile(join(out, "manifest.jsonl"), '{"file":"/somewhere/a.pdf","out":"a.js');
    const rerun = await batch(inbox, out);
    expect(rerun.done).toEqual(["a.json", "b.json", "c.json"]);
    const after = await readLines(out); // parses: the torn tail was cut before appending
    expect(after).toHaveLength(6);
    expect(after.slice(3).every((l) => l.pipeline_version === lines[0]?.pipeline_version)).toBe(true);
    expect((await batch(inbox, out)).done).toEqual([]);
  });
});

describe("isolation", () => {
  it("records timeout and internal for the documents that hang or crash; the others are read", async () => {
    const inbox = join(tmp, "isolation");
    await mkdir(inbox);
    await copyFile(GOOD, join(inbox, "a-good.pdf"));
    await copyFile(join(FIXTURES, "not-a-report.pdf"), join(inbox, "b-hang.pdf"));
    await copyFile(join(FIXTURES, "not-a-pdf.pdf"), join(inbox, "c-crash.pdf"));
    await copyFile(OTHER, join(inbox, "d-good.pdf"));
    const out = join(tmp, "isolation-out");
    // The batch's clock is the test's: the 25 s limit runs out when the test says so, once the three documents
    // that end have ended and the one that never answers is the only one under a limit, however slow the machine.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    let summary: Awaited<ReturnType<typeof runBatch>>;
    try {
      let othersDone: () => void = () => undefined;
      const others = new Promise<void>((resolve) => {
        othersDone = resolve;
      });
      let ended = 0;
      const run = runBatch([inbox], {
        outDir: out,
        jobs: 2,
        timeoutSeconds: 25,
        workerEntry: { file: join(ROOT, "tests/fixtures/workers/behave.ts"), execArgv: tsxExecArgv() },
        onDocument: () => {
          ended += 1;
          if (ended === 3) othersDone();
        },
      });
      await others;
      // The hung document is taken up when a process is free: its limit is then the one timer set.
      await vi.waitFor(() => expect(vi.getTimerCount()).toBe(1), { timeout: 600_000, interval: 20 });
      vi.advanceTimersByTime(25_000);
      summary = await run;
    } finally {
      vi.useRealTimers();
    }
    const read = async (name: string) => JSON.parse(await readFile(join(out, name), "utf8")) as ReportOutput;
    expect((await read("a-good.json")).status).toBe("success");
    expect((await read("d-good.json")).status).toBe("success");
    const hung = await read("b-hang.json");
    expect(hung.status).toBe("failure");
    expect(hung.issues).toEqual([
      expect.objectContaining({
        code: "timeout",
        message: "Processing took longer than the limit of 25 s (--timeout)",
      }),
    ]);
    expect(hung.source).toMatchObject({
      file: "b-hang.pdf",
      bytes: (await readFile(join(inbox, "b-hang.pdf"))).length,
    });
    expect((await read("c-crash.json")).issues[0]).toMatchObject({ code: "internal" });
    expect(summary.byErrorClass).toEqual({ timeout: 1, internal: 1 });
    const lines = await readLines(out);
    expect(lines.map((l) => [l.out, l.error_class]).sort()).toEqual([
      ["a-good.json", null],
      ["b-hang.json", "timeout"],
      ["c-crash.json", "internal"],
      ["d-good.json", null],
    ]);
  });
});
