import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { CROSS_REPORT_SCHEMA_ID, type CrossReport, crossReportSchema } from "../model/cross-report.js";
import { crossPaths, evaluateCross, type ReportFacts, readReportFacts } from "../stages/cross/index.js";
import { crossRules } from "../templates/v2021/rules-cross.js";
import { writeAtomic } from "./batch/write-atomic.js";

export const CROSS_REPORT_FILE = "cross-report.json";

export interface CheckResult {
  readonly report: CrossReport;
  readonly path: string;
  readonly flagsByRule: Record<string, number>;
}

/**
 * Runs the cross-report rules over every gongkai output under `dir` and writes `<dir>/cross-report.json`.
 * Outputs are read one at a time and reduced to the few cells the rules need.
 */
export async function checkReports(dir: string): Promise<CheckResult> {
  const paths = crossPaths(crossRules);
  const facts: ReportFacts[] = [];
  for (const file of (await listJson(dir)).sort()) {
    const rel = relative(dir, file).split(sep).join("/");
    if (rel === CROSS_REPORT_FILE) continue;
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, "utf8"));
    } catch {
      continue; // not an output of ours
    }
    const fact = readReportFacts(rel, json, paths);
    if (fact) facts.push(fact);
  }
  const report = crossReportSchema.parse({
    schema: CROSS_REPORT_SCHEMA_ID,
    reports: facts.length,
    flags: evaluateCross(facts, crossRules),
  });
  const path = join(dir, CROSS_REPORT_FILE);
  await writeAtomic(dir, CROSS_REPORT_FILE, `${JSON.stringify(report, null, 2)}\n`);
  const flagsByRule: Record<string, number> = {};
  for (const flag of report.flags) flagsByRule[flag.rule] = (flagsByRule[flag.rule] ?? 0) + 1;
  return { report, path, flagsByRule };
}

async function listJson(dir: string): Promise<string[]> {
  const files: string[] = [];
  // A run whose jobs all failed before writing (e.g. refused by workers of another pipeline version) has no
  // output folder yet: it has no reports, and the cross-report says so.
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listJson(full)));
    else if (entry.isFile() && entry.name.endsWith(".json")) files.push(full);
  }
  return files;
}
