import type { CrossReport } from "../../model/cross-report.js";
import { ERROR_CLASS_MESSAGES } from "../../model/error-class-messages.js";
import type { ErrorClass } from "../../model/issue.js";
import type { BatchSummary } from "./batch-summary.js";

/** The end-of-batch summary: counts by status and error class, flags by rule, slowest files, failures. */
export function formatBatchSummary(summary: BatchSummary): string {
  const lines: string[] = [];
  const done = [
    `${summary.done} done`,
    ...(summary.duplicates > 0 ? [`${summary.duplicates} of them duplicates extracted once`] : []),
    `${summary.skipped} skipped as already done`,
    ...(summary.skippedFailed > 0
      ? [`${summary.skippedFailed} of them failed before (--retry-failed redoes them)`]
      : []),
  ];
  lines.push(
    `${summary.inputs} input(s): ${done.join(", ")}; ${summary.pages} pages in ${summary.seconds.toFixed(1)} s`,
  );
  lines.push(`status: ${formatCounts(summary.byStatus) || "none"}`);
  const classes = Object.entries(summary.byErrorClass).sort(([a], [b]) => (a < b ? -1 : 1));
  if (classes.length > 0) {
    lines.push("error classes:");
    for (const [cls, n] of classes) lines.push(`  ${cls} ${n}: ${ERROR_CLASS_MESSAGES[cls as ErrorClass]}`);
  }
  lines.push(`flags by rule: ${formatCounts(summary.flagsByRule) || "none"}`);
  lines.push(`cross-report flags: ${formatCounts(summary.crossFlagsByRule) || "none"}`);
  if (summary.slowest.length > 0) {
    lines.push("slowest:");
    for (const s of summary.slowest) lines.push(`  ${s.seconds.toFixed(2)} s  ${s.pages ?? "?"} p  ${s.file}`);
  }
  if (summary.failures.length > 0) {
    lines.push(`failures${summary.failures.length < (summary.byStatus.failure ?? 0) ? " (first ones)" : ""}:`);
    for (const f of summary.failures)
      lines.push(`  ${f.file}  failure (${f.errorClass ?? "none"}): ${f.message ?? ""}`);
  }
  if (summary.unlisted > 0) {
    lines.push(`not collected: ${summary.unlisted} folder entr${summary.unlisted === 1 ? "y" : "ies"}`);
    for (const u of summary.unlistedFirst) lines.push(`  ${u.path}  ${u.reason}`);
  }
  return `${lines.join("\n")}\n`;
}

/** The `gongkai check` summary: one line per flag, then counts by rule. */
export function formatCrossSummary(report: CrossReport, path: string): string {
  const lines = report.flags.map(
    (f) => `${f.rule}  ${f.agency} ${f.years.join("→")}  ${f.path}  expected ${f.expected} actual ${f.actual}`,
  );
  const byRule: Record<string, number> = {};
  for (const flag of report.flags) byRule[flag.rule] = (byRule[flag.rule] ?? 0) + 1;
  lines.push(
    `${report.reports} report(s) checked, ${report.flags.length} flag(s)${report.flags.length > 0 ? `: ${formatCounts(byRule)}` : ""}; written to ${path}`,
  );
  return `${lines.join("\n")}\n`;
}

function formatCounts(counts: Readonly<Record<string, number | undefined>>): string {
  return Object.entries(counts)
    .filter(([, n]) => (n ?? 0) > 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, n]) => `${key} ${n}`)
    .join(", ");
}
