import { availableParallelism } from "node:os";
import { join } from "node:path";
import PQueue from "p-queue";
import { addEntry, addUnlisted, type BatchEntry, type BatchSummary, emptySummary } from "./batch/batch-summary.js";
import { resolveLimits, runDocument, writeMemberOutput } from "./batch/document-task.js";
import { ManifestWriter, readManifest } from "./batch/manifest.js";
import { refuseForeignFiles } from "./batch/output-guard.js";
import { computePipelineVersion } from "./batch/pipeline-version.js";
import { type HashedInput, planBatch, type WorkGroup } from "./batch/plan-inputs.js";
import { type WorkerEntry, WorkerPool } from "./batch/worker-pool.js";
import { removeStaleTemps } from "./batch/write-atomic.js";
import { checkReports } from "./check-reports.js";
import { collectInputs } from "./collect-inputs.js";
import type { DocumentResult } from "./extract-document.js";

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
  /** Inputs larger than this many bytes fail as `too_large` unread. */
  readonly maxBytes?: number;
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
  const summary = emptySummary();
  const inputs = await collectInputs(args, (entry) => addUnlisted(summary, entry));
  const { outDir } = options;
  await removeStaleTemps(outDir);
  const manifestPath = join(outDir, "manifest.jsonl");
  const pipelineVersion = await computePipelineVersion();
  const limits = resolveLimits(options, options.recycleAfter);
  const done = await readManifest(manifestPath);
  const plan = await planBatch(inputs, done, {
    outDir,
    pipelineVersion,
    retryFailed: options.retryFailed ?? false,
    ...(limits.extract.maxBytes === undefined ? {} : { maxBytes: limits.extract.maxBytes }),
  });
  await refuseForeignFiles(outDir, plannedOuts(plan.groups), done);
  summary.inputs = inputs.length;
  summary.skipped = plan.skipped;
  summary.skippedFailed = plan.skippedFailed;
  const total = plan.groups.reduce((n, g) => n + g.todo.length, 0);
  options.onStart?.({ total, skipped: plan.skipped, pipelineVersion, summary });

  const jobs = options.jobs ?? availableParallelism();
  const pool = new WorkerPool({
    ...limits.pool,
    ...(options.workerEntry ? { entry: options.workerEntry } : {}),
  });
  const manifest = new ManifestWriter(manifestPath);
  const queue = new PQueue({ concurrency: jobs });
  let fatal: unknown = null;

  const finish = async (group: WorkGroup, result: DocumentResult, seconds: number) => {
    for (const [index, member] of group.todo.entries()) {
      const duplicateOf = member === group.primary ? null : group.primary.path;
      // The first member written carries the time; the others shared its extraction.
      const { line, entry } = await writeMemberOutput(
        outDir,
        member,
        result,
        index === 0 ? seconds : 0,
        duplicateOf,
        pipelineVersion,
      );
      await manifest.append(line);
      addEntry(summary, entry);
      options.onDocument?.(entry, summary);
    }
  };

  const runGroup = async (group: WorkGroup) => {
    const { result, seconds } = await runDocument(pool, group.todo[0] as HashedInput, limits.extract);
    await finish(group, result, seconds);
  };

  // Largest inputs first (scans are the large ones and take the longest): the long documents start at once and
  // the short ones fill the gaps, instead of a few long ones running alone at the end of the batch. Outputs do
  // not depend on the order.
  const order = [...plan.groups].sort((a, b) => (b.todo[0]?.bytes ?? 0) - (a.todo[0]?.bytes ?? 0));
  try {
    for (const group of order) {
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

function* plannedOuts(groups: readonly WorkGroup[]): Generator<string> {
  for (const group of groups) for (const member of group.todo) yield member.out;
}
