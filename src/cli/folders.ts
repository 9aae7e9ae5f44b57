import { open, readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { UsageError } from "../errors.js";
import { REPORT_SCHEMA_ID } from "../model/report.js";

/** `--out` may be missing (it is created) or a folder; an existing file is a usage error, not a stack trace. */
export async function assertOutFolder(path: string): Promise<void> {
  const info = await stat(path).catch(() => null);
  if (info && !info.isDirectory()) {
    throw new UsageError(`Expected \`--out\` to be a folder, but \`${path}\` is a file`);
  }
}

/**
 * `export`, `check` and `review` read and write inside an extract output; any other folder is refused so
 * they never write into it. An extract output holds `manifest.jsonl` or at least one report JSON.
 */
export async function assertExtractOutput(dir: string, command: string): Promise<void> {
  const info = await stat(dir).catch(() => null);
  if (!info) throw new UsageError(`Expected an extract output folder, but \`${dir}\` does not exist`);
  if (!info.isDirectory()) throw new UsageError(`Expected an extract output folder, but \`${dir}\` is a file`);
  if ((await stat(join(dir, "manifest.jsonl")).catch(() => null))?.isFile()) return;
  if (await holdsReportJson(dir, 3)) return;
  throw new UsageError(
    `\`${dir}\` is not an output of \`gongkai extract\` (no manifest.jsonl, no report JSON): ` +
      `run \`gongkai extract <inputs> --out ${dir}\` first, then \`gongkai ${command} ${dir}\``,
  );
}

/** Whether a `.json` under `dir` (to `depth` folders down) starts as a gongkai report. */
async function holdsReportJson(dir: string, depth: number): Promise<boolean> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.isFile() && entry.name.endsWith(".json") && (await startsAsReport(join(dir, entry.name)))) return true;
  }
  if (depth === 0) return false;
  for (const entry of entries) {
    if (entry.isDirectory() && (await holdsReportJson(join(dir, entry.name), depth - 1))) return true;
  }
  return false;
}

async function startsAsReport(path: string): Promise<boolean> {
  const handle = await open(path, "r").catch(() => null);
  if (!handle) return false;
  try {
    const buffer = Buffer.alloc(256);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString("utf8").includes(`"${REPORT_SCHEMA_ID}"`);
  } finally {
    await handle.close();
  }
}
