import { copyFile, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SandboxedJob } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computePipelineVersion } from "../../src/pipeline/batch/pipeline-version.js";
import { hashFile } from "../../src/pipeline/batch/plan-inputs.js";
import type { DocumentJobData, DocumentJobResult } from "../../src/pipeline/queue/job.js";
import processDocument, { closeProcessorPool } from "../../src/pipeline/queue/processor.js";

/** The sandboxed processor called directly with job objects as BullMQ passes them. */
const ROOT = join(import.meta.dirname, "../..");
let tmp = "";
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "gongkai-processor-"));
  await copyFile(join(ROOT, "samples/html-nested-2023.html"), join(tmp, "good.html"));
  await copyFile(join(ROOT, "tests/fixtures/bad-input/truncated-50.pdf"), join(tmp, "bad.pdf"));
  await copyFile(join(ROOT, "samples/ruled-clean-2023.pdf"), join(tmp, "slow.pdf"));
});
afterAll(async () => {
  await closeProcessorPool();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

async function job(
  name: string,
  run: { attemptsMade?: number; attemptsStarted?: number; timeoutSeconds?: number } = {},
): Promise<SandboxedJob<DocumentJobData, DocumentJobResult>> {
  const path = join(tmp, name);
  const { sha256, bytes } = await hashFile(path);
  const data: DocumentJobData = {
    runId: "run-1",
    path,
    outDir: join(tmp, "out"),
    out: name.replace(/\.\w+$/, ".json"),
    sha256,
    bytes,
    pipelineVersion: await computePipelineVersion(),
    limits: run.timeoutSeconds === undefined ? {} : { timeoutSeconds: run.timeoutSeconds },
  };
  return {
    id: `job-${name}`,
    data,
    opts: { attempts: 3 },
    attemptsMade: run.attemptsMade ?? 0,
    attemptsStarted: run.attemptsStarted ?? 1,
    stalledCounter: 0,
  } as unknown as SandboxedJob<DocumentJobData, DocumentJobResult>;
}

const manifest = async () =>
  (await readFile(join(tmp, "out/manifest.jsonl"), "utf8").catch(() => ""))
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { out: string; status: string; error_class: string | null; job_id: string });

describe("queue processor", () => {
  it("writes the output and one manifest line; a re-run after a stall does not write the line again", async () => {
    const first = await processDocument(await job("good.html"));
    expect(first).toMatchObject({ status: "success", errorClass: null, appended: true });
    const output = await readFile(join(tmp, "out/good.json"), "utf8");
    const again = await processDocument(await job("good.html", { attemptsStarted: 2 }));
    expect(again.appended).toBe(false);
    expect(await readFile(join(tmp, "out/good.json"), "utf8")).toBe(output);
    expect((await manifest()).filter((l) => l.out === "good.json").map((l) => l.job_id)).toEqual(["job-good.html"]);
  });

  it("a final class (corrupt) is written at the first attempt, not retried", async () => {
    const result = await processDocument(await job("bad.pdf"));
    expect(result).toMatchObject({ status: "failure", errorClass: "corrupt", appended: true });
  });

  it("a timeout is retried once (the job throws), then written as timeout", async () => {
    await expect(processDocument(await job("slow.pdf", { timeoutSeconds: 0.001 }))).rejects.toThrow(/^timeout: /);
    expect((await manifest()).some((l) => l.out === "slow.json")).toBe(false);
    const second = await processDocument(await job("slow.pdf", { timeoutSeconds: 0.001, attemptsMade: 1 }));
    expect(second).toMatchObject({ status: "failure", errorClass: "timeout", appended: true });
  });
});
