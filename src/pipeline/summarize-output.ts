import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { type BatchSummary, emptySummary, FAILURES_KEPT, SLOWEST_KEPT } from "./batch/batch-summary.js";
import { readManifest } from "./batch/manifest.js";
import { CROSS_REPORT_FILE } from "./check-reports.js";

const outputFacts = z.object({
  flags: z.array(z.object({ rule: z.string() })).default([]),
  issues: z.array(z.object({ code: z.string(), message: z.string() })).default([]),
});

/**
 * The summary of what an output folder holds, from its manifest (last line per output), its outputs' flags
 * and its cross-report: what a rerun that had nothing to do reports instead of an empty run. `seconds` is the
 * sum of the recorded extraction times; `done` counts the outputs.
 */
export async function summarizeOutputFolder(outDir: string): Promise<BatchSummary> {
  const lines = [...(await readManifest(join(outDir, "manifest.jsonl"), { repairTail: false })).values()];
  const summary: BatchSummary = { ...emptySummary(), inputs: lines.length, done: lines.length };
  for (const line of lines) {
    summary.byStatus[line.status] = (summary.byStatus[line.status] ?? 0) + 1;
    if (line.error_class) summary.byErrorClass[line.error_class] = (summary.byErrorClass[line.error_class] ?? 0) + 1;
    const facts = await readOutputFacts(join(outDir, line.out));
    for (const flag of facts?.flags ?? []) summary.flagsByRule[flag.rule] = (summary.flagsByRule[flag.rule] ?? 0) + 1;
    if (line.duplicate_of !== null) {
      summary.duplicates += 1;
      continue;
    }
    if (line.status !== "failure") summary.pages += line.pages ?? 0;
    summary.seconds += line.seconds;
    if (line.status === "failure" && summary.failures.length < FAILURES_KEPT) {
      summary.failures.push({
        file: line.file,
        errorClass: line.error_class,
        message: facts?.issues.find((i) => i.code === line.error_class)?.message ?? null,
      });
    }
    summary.slowest.push({ file: line.file, seconds: line.seconds, pages: line.pages });
  }
  summary.slowest.sort((a, b) => b.seconds - a.seconds || a.file.localeCompare(b.file));
  summary.slowest.length = Math.min(summary.slowest.length, SLOWEST_KEPT);
  summary.seconds = Math.round(summary.seconds * 10) / 10;
  try {
    const cross = JSON.parse(await readFile(join(outDir, CROSS_REPORT_FILE), "utf8")) as {
      flags?: { rule: string }[];
    };
    for (const flag of cross.flags ?? [])
      summary.crossFlagsByRule[flag.rule] = (summary.crossFlagsByRule[flag.rule] ?? 0) + 1;
  } catch {
    // no cross-report yet: no cross-report flags to count
  }
  return summary;
}

async function readOutputFacts(path: string): Promise<z.infer<typeof outputFacts> | null> {
  try {
    const parsed = outputFacts.safeParse(JSON.parse(await readFile(path, "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
