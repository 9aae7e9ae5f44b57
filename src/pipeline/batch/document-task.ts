import { basename, join } from "node:path";
import type { ReportOutput } from "../../model/report.js";
import type { FsPath } from "../../stages/ingest/index.js";
import { type DocumentResult, failDocument as failureResult } from "../document-result.js";
import type { ExtractOptions } from "../extract-document.js";
import type { BatchEntry } from "./batch-summary.js";
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_MEMORY_MB,
  DEFAULT_MAX_PAGES,
  DEFAULT_RECYCLE_AFTER,
  DEFAULT_TIMEOUT_SECONDS,
} from "./defaults.js";
import type { ManifestLine } from "./manifest.js";
import type { HashedInput } from "./plan-inputs.js";
import type { PoolOptions, WorkerPool } from "./worker-pool.js";
import { writeAtomic } from "./write-atomic.js";

/**
 * The per-document steps every runner shares (the local batch and the queue workers): run one input in a
 * document process under the limits, then write its output atomically and describe it for the manifest.
 */

/** The per-document limits a run is given (CLI `--timeout`, `--max-memory`, `--max-pages`). */
export interface DocumentLimits {
  readonly timeoutSeconds?: number;
  readonly maxMemoryMb?: number;
  readonly maxPages?: number;
  /** Inputs larger than this fail as `too_large` unread (CLI `--max-bytes`). */
  readonly maxBytes?: number;
}

/** The limits with their defaults applied, as the pool and `extractDocument` take them. */
export function resolveLimits(
  limits: DocumentLimits,
  recycleAfter?: number,
): { pool: Omit<PoolOptions, "entry">; extract: ExtractOptions } {
  return {
    pool: {
      timeoutMs: (limits.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
      memoryMb: limits.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB,
      recycleAfter: recycleAfter ?? DEFAULT_RECYCLE_AFTER,
    },
    extract: { maxPages: limits.maxPages ?? DEFAULT_MAX_PAGES, maxBytes: limits.maxBytes ?? DEFAULT_MAX_BYTES },
  };
}

/**
 * Extracts one input in a document process of `pool`. A process killed for its time or memory, or one that
 * crashed, gives the failure output of its class (`timeout`, `too_large`, `internal`), as a bad input does.
 */
export async function runDocument(
  pool: WorkerPool,
  input: { readonly path: string; readonly fsPath?: FsPath; readonly sha256: string; readonly bytes: number },
  options: ExtractOptions,
): Promise<{ result: DocumentResult; seconds: number }> {
  const t0 = performance.now();
  const outcome = await pool.run(input.fsPath ?? input.path, options);
  const seconds = Math.round(performance.now() - t0) / 1000;
  const result =
    outcome.kind === "done"
      ? outcome.result
      : failureResult(
          { file: basename(input.path), sha256: input.sha256, bytes: input.bytes },
          outcome.errorClass,
          outcome.message,
        );
  return { result, seconds };
}

/**
 * Writes `member`'s output (the result as if this member had been extracted itself) atomically under
 * `outDir` and returns its manifest line and batch entry. The bytes depend only on the input's bytes and
 * name, so writing the same output twice leaves the same file.
 */
export async function writeMemberOutput(
  outDir: string,
  member: HashedInput,
  result: DocumentResult,
  seconds: number,
  duplicateOf: string | null,
  pipelineVersion: string,
): Promise<{ line: ManifestLine; entry: BatchEntry }> {
  const output = withFile(result.output, basename(member.path));
  await writeAtomic(outDir, member.out, `${JSON.stringify(output, null, 2)}\n`);
  const entry = toEntry(member, output, result, seconds, duplicateOf, outDir);
  const line: ManifestLine = {
    file: member.path,
    out: member.out,
    sha256: member.sha256,
    status: entry.status,
    error_class: entry.errorClass,
    seconds: entry.seconds,
    pages: entry.pages,
    pipeline_version: pipelineVersion,
    duplicate_of: duplicateOf,
  };
  return { line, entry };
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
