import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { join, sep } from "node:path";
import type { FsPath } from "../../stages/ingest/index.js";
import type { PlannedInput } from "../collect-inputs.js";
import type { ManifestLine } from "./manifest.js";

/** An input with its content hash and output path (`/`-separated, relative to the output folder). */
export interface HashedInput extends PlannedInput {
  readonly sha256: string;
  readonly bytes: number;
  readonly out: string;
}

/** Inputs with the same bytes: extracted once, the output written for each member that still needs it. */
export interface WorkGroup {
  readonly sha256: string;
  /** The first member in input order; the others' manifest lines name it in `duplicate_of`. */
  readonly primary: HashedInput;
  /** Members whose output is missing or stale, in input order. */
  readonly todo: readonly HashedInput[];
}

export interface BatchPlan {
  readonly groups: readonly WorkGroup[];
  /** Inputs already done by this pipeline version with these bytes (their outputs are kept). */
  readonly skipped: number;
  /** Inputs skipped although their last run failed (rerun them with `--retry-failed`). */
  readonly skippedFailed: number;
}

/**
 * Decides what a (re)run must do. An input is skipped when the manifest says its output path was written
 * from the same bytes (sha256) by the same pipeline version and the output file exists, unless its status
 * was `failure` and `retryFailed` is set. Inputs are hashed here, streaming, one at a time.
 */
export async function planBatch(
  inputs: readonly PlannedInput[],
  done: ReadonlyMap<string, ManifestLine>,
  options: { outDir: string; pipelineVersion: string; retryFailed: boolean; maxBytes?: number },
): Promise<BatchPlan> {
  const groups = new Map<string, { primary: HashedInput; todo: HashedInput[] }>();
  let skipped = 0;
  let skippedFailed = 0;
  for (const input of inputs) {
    // An unreadable file is its own group: its document process reports it (`corrupt`, "Cannot read the file").
    // So is a file that must not be read whole: not a regular file (a FIFO would block, /dev/zero never
    // ends) or larger than --max-bytes; its document process fails it (`unsupported`, `too_large`) unread.
    const info = await stat(input.fsPath).catch(() => null);
    const readable = info?.isFile() && (options.maxBytes === undefined || info.size <= options.maxBytes);
    const read = readable ? await hashFile(input.fsPath).catch(() => null) : null;
    const { sha256, bytes } = read ?? { sha256: UNREAD_SHA256, bytes: 0 };
    const hashed: HashedInput = { ...input, sha256, bytes, out: input.outRelative.split(sep).join("/") };
    const key = read ? sha256 : `unread:${hashed.out}`;
    let group = groups.get(key);
    if (!group) {
      group = { primary: hashed, todo: [] };
      groups.set(key, group);
    }
    const line = done.get(hashed.out);
    const current =
      line !== undefined &&
      line.sha256 === sha256 &&
      line.pipeline_version === options.pipelineVersion &&
      (await exists(join(options.outDir, hashed.out)));
    if (current && !(options.retryFailed && line.status === "failure")) {
      skipped += 1;
      if (line.status === "failure") skippedFailed += 1;
    } else group.todo.push(hashed);
  }
  const work = [...groups.values()].flatMap((g) => (g.todo.length > 0 ? [{ sha256: g.primary.sha256, ...g }] : []));
  return { groups: work, skipped, skippedFailed };
}

/** The hash written for a file that could not be read (as extractDocument does). */
const UNREAD_SHA256 = "0".repeat(64);

export async function hashFile(path: FsPath): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest("hex"), bytes };
}

function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
