import { availableParallelism } from "node:os";
import { basename, join } from "node:path";
import PQueue from "p-queue";
import type { ReportOutput } from "../model/report.js";
import { addEntry, type BatchEntry, type BatchSummary, emptySummary } from "./batch/batch-summary.js";
import {
  DEFAULT_MAX_MEMORY_MB,
  DEFAULT_MAX_PAGES,
  DEFAULT_RECYCLE_AFTER,
  DEFAULT_TIMEOUT_SECONDS,
} from "./batch/defaults.js";
import { ManifestWriter, readManifest } from "./batch/manifest.js";
import { computePipelineVersion } from "./batch/pipeline-version.js";
import { type HashedInput, planBatch, type WorkGroup } from "./batch/plan-inputs.js";
import { type WorkerEntry, WorkerPool } from "./batch/worker-pool.js";
import { removeStaleTemps, writeAtomic } from "./batch/write-atomic.js";
import { checkReports } from "./check-reports.js";
import { collectInputs } from "./collect-inputs.js";
import { type DocumentResult, failureResult } from "./extract-document.js";

export type { BatchEntry, BatchSummary } from "./batch/batch-summary.js";

export interface BatchOptions {
  readonly outDir: string;
  /** Documents processed at once, each in its own process; default: the number of cores. */
  readonly jobs?: number;
  /** Wall-clock limit per document, in seconds; past it the document fails as `timeout`. */
  readonly timeoutSeconds?: number;
  /** Documents with more pages fail as `too_large`. */
  readonly maxPages?: number;
  /** Memory limit per document process, in MiB; past it the document fails as `too_large`. */
  readonly maxMemoryMb?: number;
  /** Redo inputs whose previous run ended in `failure` (they are skipped otherwise). */
  readonly retryFailed?: boolean;
  readonly recycleAfter?: number;
  /** Run the cross-report rules over the output folder afterwards (default true). */
  readonly crossReport?: boolean;
  /** How document processes are started (tests); default: `worker-entry` beside the pool. */
  readonly workerEntry?: WorkerEntry;
  /** Called once the inputs are planned: `total` inputs to do in this run; `summary` is updated as they finish. */
  readonly onStart?: (plan: {
    total: number;
    skipped: number;
    pipelineVersion: string;
    summary: Readonly<BatchSummary>;
  }) => void;
  readonly onDocument?: (entry: BatchEntry, summary: Readonly<BatchSummary>) => void;
}

/**
 * Extracts every input into `<outDir>` in parallel document processes, resuming from `manifest.jsonl`.
 * Each output is written atomically (temp file + rename) before its manifest line is appended, so after
 * a crash at any moment a rerun redoes exactly the inputs without a line. Outputs depend only on each
 * input's bytes and name, never on timing or order. Only counters are kept (the summary): results are
 * written and dropped as they come.
 */
export async function runBatch(args: readonly string[], options: BatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  const inputs = await collectInputs(args);
  const { outDir } = options;
  await removeStaleTemps(outDir);
  const manifestPath = join(outDir, "manifest.jsonl");
  const pipelineVersion = await computePipelineVersion();
  const plan = await planBatch(inputs, await readManifest(manifestPath), {
    outDir,
    pipelineVersion,
    retryFailed: options.retryFailed ?? false,
  });
  const summary = emptySummary();
  summary.inputs = inputs.length;
  summary.skipped = plan.skipped;
  summary.skippedFailed = plan.skippedFailed;
  const total = plan.groups.reduce((n, g) => n + g.todo.length, 0);
  options.onStart?.({ total, skipped: plan.skipped, pipelineVersion, summary });

  const jobs = options.jobs ?? availableParallelism();
  const timeoutSeconds = options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
  const maxMemoryMb = options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB;
  const extractOptions = { maxPages: options.maxPages ?? DEFAULT_MAX_PAGES };
  const pool = new WorkerPool({
    timeoutMs: timeoutSeconds * 1000,
    memoryMb: maxMemoryMb,
    recycleAfter: options.recycleAfter ?? DEFAULT_RECYCLE_AFTER,
    ...(options.workerEntry ? { entry: options.workerEntry } : {}),
  });
  const manifest = new ManifestWriter(manifestPath);
  const queue = new PQueue({ concurrency: jobs });
  let fatal: unknown = null;

  const finish = async (group: WorkGroup, result: DocumentResult, seconds: number) => {
    for (const [index, member] of group.todo.entries()) {
      const output = withFile(result.output, basename(member.path));
      await writeAtomic(join(outDir, member.out), `${JSON.stringify(output, null, 2)}\n`);
      const duplicateOf = member === group.primary ? null : group.primary.path;
      // The first member written carries the time; the others shared its extraction.
      const entry = toEntry(member, output, result, index === 0 ? seconds : 0, duplicateOf, outDir);
      await manifest.append({
        file: member.path,
        out: member.out,
        sha256: member.sha256,
        status: entry.status,
        error_class: entry.errorClass,
        seconds: entry.seconds,
        pages: entry.pages,
        pipeline_version: pipelineVersion,
        duplicate_of: duplicateOf,
      });
      addEntry(summary, entry);
      options.onDocument?.(entry, summary);
    }
  };

  const runGroup = async (group: WorkGroup) => {
    const first = group.todo[0] as HashedInput;
    const t0 = performance.now();
    const outcome = await pool.run(first.path, extractOptions);
    const seconds = Math.round(performance.now() - t0) / 1000;
    const result =
      outcome.kind === "done"
        ? outcome.result
        : failureResult(
            { file: basename(first.path), sha256: first.sha256, bytes: first.bytes },
            outcome.errorClass,
            outcome.message,
          );
    await finish(group, result, seconds);
  };

  try {
    for (const group of plan.groups) {
      if (fatal) break;
      // Feed the queue lazily: pending tasks stay few however many inputs there are.
      await queue.onSizeLessThan(jobs);
      queue
        .add(() => runGroup(group))
        .catch((error: unknown) => {
          fatal ??= error;
        });
    }
    await queue.onIdle();
  } finally {
    await pool.close();
    await manifest.close();
  }
  // A write that failed (disk full, permissions) is the environment's defect, not the document's.
  if (fatal) throw fatal;
  if (options.crossReport ?? true) {
    const cross = await checkReports(outDir);
    summary.crossFlagsByRule = cross.flagsByRule;
  }
  summary.seconds = Math.round(performance.now() - started) / 1000;
  return summary;
}

/** The output as if this member had been extracted itself: only `source.file` names the input. */
function withFile(output: ReportOutput, file: string): ReportOutput {
  return output.source.file === file ? output : { ...output, source: { ...output.source, file } };
}

function toEntry(
  member: HashedInput,
  output: ReportOutput,
  result: DocumentResult,
  seconds: number,
  duplicateOf: string | null,
  outDir: string,
): BatchEntry {
  const flags = { error: 0, warning: 0, info: 0 };
  for (const flag of output.flags) flags[flag.severity] += 1;
  const failure = result.errorClass ? output.issues.find((i) => i.code === result.errorClass) : undefined;
  return {
    file: member.path,
    out: join(outDir, member.out),
    sha256: member.sha256,
    status: output.status,
    errorClass: result.errorClass,
    message: failure?.message ?? null,
    template: output.report.template,
    pages: output.source.pages,
    flags,
    flagRules: output.flags.map((f) => f.rule),
    seconds,
    duplicateOf,
  };
}
