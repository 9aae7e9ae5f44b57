import { normalizeAgencies } from "../../stages/cross/index.js";
import type { ExtractedReport } from "../extracted/index.js";

/** Where a report stands among the copies of one report in the archive. */
export interface ReportGroup {
  /** The same id for every copy: `<normalised agency>|<year>`, or `sha256:<hash>` when agency or year is unknown. */
  readonly id: string;
  /** The output path of the copy that stands for the group; null for that copy itself. */
  readonly duplicateOf: string | null;
}

const STATUS_RANK: Readonly<Record<string, number>> = { success: 0, partial_success: 1, failure: 2 };

/**
 * Groups the copies of one report: an agency publishes one annual report a year, so outputs with the same
 * agency (normalised as the cross-report rules do: 洪泽区人民政府 = 淮安市洪泽区人民政府) and the same year
 * are one report — a scan and its born-digital twin, a re-publication, the same file saved twice. The copy
 * that stands for the group is the best read: status (success first), then fewest cells read below
 * certainty (text before OCR), then output path. The others name it in `duplicateOf`, so a total per year
 * counts each report once (`WHERE duplicate_of IS NULL`). Failed outputs are grouped by their bytes only.
 */
export function groupReports(reports: readonly ExtractedReport[]): Map<string, ReportGroup> {
  const agencies = normalizeAgencies(
    reports.map((r) => r.output.report.agency).filter((a): a is string => a !== null && a !== ""),
  );
  const members = new Map<string, ExtractedReport[]>();
  for (const report of reports) {
    const { agency, year } = report.output.report;
    const id =
      agency && year !== null && report.output.status !== "failure"
        ? `${agencies.get(agency) ?? agency}|${year}`
        : `sha256:${report.output.source.sha256}`;
    const list = members.get(id) ?? [];
    list.push(report);
    members.set(id, list);
  }
  const groups = new Map<string, ReportGroup>();
  for (const [id, list] of members) {
    const primary = [...list].sort(compareCopies)[0] as ExtractedReport;
    for (const report of list) {
      groups.set(report.file, { id, duplicateOf: report === primary ? null : primary.file });
    }
  }
  return groups;
}

function compareCopies(a: ExtractedReport, b: ExtractedReport): number {
  return (
    (STATUS_RANK[a.output.status] ?? 3) - (STATUS_RANK[b.output.status] ?? 3) ||
    uncertainCells(a) - uncertainCells(b) ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)
  );
}

function uncertainCells(report: ExtractedReport): number {
  return Object.values(report.output.cells).filter((c) => c.value === null || c.source === "ocr").length;
}
