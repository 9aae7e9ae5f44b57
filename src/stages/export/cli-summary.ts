import type { ExportSummary } from "./run-export.js";

export { runExport } from "./run-export.js";

/** The lines `gongkai export` prints: files written, counts, and every correction that did not apply. */
export function formatExportSummary(summary: ExportSummary): string {
  const lines = summary.files.map((f) => `${f.name}  ${f.bytes} bytes`);
  lines.push(
    `${summary.reports} report(s), ${summary.cells} cell row(s), ${summary.flags} flag(s), ${summary.crossFlags} cross-report flag(s)`,
  );
  if (summary.corrections.length > 0) {
    const counts = new Map<string, number>();
    for (const o of summary.corrections) counts.set(o.status, (counts.get(o.status) ?? 0) + 1);
    lines.push(`corrections: ${[...counts].map(([status, n]) => `${n} ${status}`).join(", ")}`);
    for (const o of summary.corrections) {
      if (o.status === "applied" || o.status === "checked" || o.status === "superseded") continue;
      lines.push(`  line ${o.line}: ${o.status}: ${o.correction?.path ?? ""} ${o.detail}`);
    }
  }
  for (const s of summary.skipped) lines.push(`skipped ${s.file}: ${s.reason}`);
  return `${lines.join("\n")}\n`;
}
