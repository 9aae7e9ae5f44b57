import type { ExportSummary } from "./run-export.js";

export { runExport } from "./run-export.js";

/** The lines `gongkai export` prints on stdout: files written, counts, corrections by status. */
export function formatExportSummary(summary: ExportSummary): string {
  const lines = summary.files.map((f) => `${f.name}  ${f.bytes} bytes`);
  lines.push(
    `${summary.reports} report(s), ${summary.cells} cell row(s), ${summary.flags} flag(s), ${summary.crossFlags} cross-report flag(s)`,
  );
  if (summary.corrections.length > 0) {
    const counts = new Map<string, number>();
    for (const o of summary.corrections) counts.set(o.status, (counts.get(o.status) ?? 0) + 1);
    lines.push(`corrections: ${[...counts].map(([status, n]) => `${n} ${status}`).join(", ")}`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * What needs the user's attention, for stderr (printed even with --quiet): correction lines that did not apply
 * and JSON files that are not report outputs. Empty when there is none.
 */
export function formatExportProblems(summary: ExportSummary): string {
  const lines: string[] = [];
  for (const o of summary.corrections) {
    if (o.status === "applied" || o.status === "checked" || o.status === "superseded") continue;
    lines.push(
      `gongkai: corrections line ${o.line} not applied (${o.status}): ${o.correction?.path ?? ""} ${o.detail}`,
    );
  }
  for (const s of summary.skipped) lines.push(`gongkai: skipped ${s.file}: ${s.reason}`);
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}
