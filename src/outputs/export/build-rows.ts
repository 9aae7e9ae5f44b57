import type { Flag } from "../../model/flag.js";
import type { CorrectionSet, CrossFlag, ExtractedReport, ReportCorrections } from "../extracted/index.js";
import { canRecheck, describePath, labelOf, listKnownPaths, recheckFlags } from "../extracted/index.js";
import { LIST_SEPARATOR, UNCERTAIN_CONFIDENCE } from "./columns.js";
import type { ReportGroup } from "./report-groups.js";
import type { CsvValue } from "./write-csv.js";

type Row = CsvValue[];

/** A report with its corrections resolved and its flags after them. */
export interface ExportedReport {
  readonly report: ExtractedReport;
  readonly corrections: ReportCorrections | undefined;
  readonly flags: readonly Flag[];
  readonly recomputed: boolean;
  readonly group: ReportGroup;
}

export function prepareReports(
  reports: readonly ExtractedReport[],
  corrections: CorrectionSet,
  groups: ReadonlyMap<string, ReportGroup>,
): ExportedReport[] {
  return reports.map((report) => {
    const own = corrections.byReport.get(report.file);
    const changed =
      own !== undefined &&
      [...own.entries()].some(([path, c]) => report.output.cells[path]?.value !== c.correction.new);
    const recomputed = changed && canRecheck(report.output);
    return {
      report,
      corrections: own,
      flags: recomputed ? recheckFlags(report.output, own) : report.output.flags,
      recomputed,
      group: groups.get(report.file) ?? { id: `sha256:${report.output.source.sha256}`, duplicateOf: null },
    };
  });
}

/** The columns every table starts with (CELL_COLUMNS, REPORT_COLUMNS): which report, and which copy of it. */
function reportKey({ report, group }: ExportedReport): Row {
  const { output } = report;
  return [
    report.file,
    output.source.sha256,
    output.report.agency,
    output.report.year,
    output.report.template,
    group.id,
    group.duplicateOf,
  ];
}

export function isUncertain(cell: { value: number | null; confidence: number }): boolean {
  return cell.value !== null && cell.confidence < UNCERTAIN_CONFIDENCE;
}

/** cells.csv: one row per report × cell path, in the order of the report's cells. Matches CELL_COLUMNS. */
export function buildCellRows(reports: readonly ExportedReport[]): Row[] {
  const rows: Row[] = [];
  for (const exported of reports) {
    const { report, corrections } = exported;
    const key = reportKey(exported);
    for (const [path, cell] of Object.entries(report.output.cells)) {
      const info = describePath(path);
      const fix = corrections?.get(path)?.correction;
      const corrected = fix !== undefined && fix.new !== cell.value;
      rows.push([
        ...key,
        path,
        info.section,
        info.row,
        info.column,
        labelOf(info) || null,
        info.unit,
        corrected ? fix.new : cell.value,
        cell.value,
        cell.raw,
        cell.blank,
        cell.source,
        cell.confidence,
        isUncertain(cell),
        cell.page,
        ...(cell.bbox ?? [null, null, null, null]),
        cell.locator ?? null,
        corrected,
        fix?.who ?? null,
        fix?.why ?? null,
        fix?.when ?? null,
        fix !== undefined && !corrected,
      ]);
    }
  }
  return rows;
}

/** flags.csv: the reports' flags (after corrections), then the cross-report flags. Matches FLAG_COLUMNS. */
export function buildFlagRows(reports: readonly ExportedReport[], crossFlags: readonly CrossFlag[]): Row[] {
  const rows: Row[] = [];
  for (const { report, flags, recomputed } of reports) {
    const { output } = report;
    for (const flag of flags) {
      rows.push([
        "report",
        report.file,
        output.source.sha256,
        output.report.agency,
        output.report.year,
        null,
        output.report.template,
        flag.rule,
        flag.severity,
        flag.uncertain_reading === true,
        flag.path,
        flag.expected,
        flag.actual,
        flag.cells.map((c) => c.path).join(LIST_SEPARATOR),
        uniqueJoin(flag.cells.map((c) => c.page)),
        uniqueJoin(flag.cells.map((c) => c.locator ?? null)),
        recomputed,
        flag.message.zh,
        flag.message.en,
      ]);
    }
  }
  for (const flag of crossFlags) {
    rows.push([
      "cross",
      flag.files.join(LIST_SEPARATOR),
      null,
      flag.agency,
      flag.years.length === 0 ? null : Math.max(...flag.years),
      flag.years.join(LIST_SEPARATOR),
      null,
      flag.rule,
      flag.severity,
      false,
      flag.path,
      flag.expected,
      flag.actual,
      flag.cells.map((c) => `${c.file}#${c.path}`).join(LIST_SEPARATOR),
      uniqueJoin(flag.cells.map((c) => c.page)),
      "",
      false,
      flag.message.zh,
      flag.message.en,
    ]);
  }
  return rows;
}

/**
 * The value columns of reports.csv: every section 二 and 四 path and the total column of section 三, known
 * paths in template order, then any other path found in the outputs (sorted). A path names its section, so the
 * 2019 section 二 (`s2v19.*`) and the 2021 one (`s2.*`) are never the same column.
 */
export function listWideColumns(reports: readonly ExportedReport[]): string[] {
  const wide = (path: string) => !path.startsWith("s3.") || path.endsWith(".total");
  const known = listKnownPaths()
    .map((p) => p.path)
    .filter(wide);
  const seen = new Set(known);
  const extra = new Set<string>();
  for (const { report } of reports) {
    for (const path of Object.keys(report.output.cells)) if (wide(path) && !seen.has(path)) extra.add(path);
  }
  return [...known, ...[...extra].sort()];
}

/** reports.csv: one row per report. Matches REPORT_COLUMNS followed by `valueColumns`. */
export function buildReportRows(
  reports: readonly ExportedReport[],
  crossFlags: readonly CrossFlag[],
  valueColumns: readonly string[],
): Row[] {
  return reports.map((exported) => {
    const { report, corrections, flags } = exported;
    const { output } = report;
    const cells = Object.entries(output.cells);
    const counts = { error: 0, warning: 0, info: 0 };
    for (const flag of flags) counts[flag.severity] += 1;
    const cross = crossFlags.filter((f) => f.files.includes(report.file));
    const corrected = [...(corrections?.entries() ?? [])].filter(
      ([path, c]) => output.cells[path]?.value !== c.correction.new,
    );
    const rules = [...new Set([...flags.map((f) => f.rule), ...cross.map((f) => f.rule)])].sort();
    const value = (path: string) => {
      const fix = corrections?.get(path)?.correction;
      return fix !== undefined ? fix.new : (output.cells[path]?.value ?? null);
    };
    return [
      ...reportKey(exported),
      output.source.file,
      output.report.title,
      output.status,
      output.source.pages,
      cells.filter(([, c]) => c.value !== null).length,
      cells.filter(([, c]) => c.value === null).length,
      corrected.length,
      counts.error,
      counts.warning,
      counts.info,
      cross.length,
      rules.join(LIST_SEPARATOR),
      cells.filter(([, c]) => isUncertain(c)).length,
      ...valueColumns.map(value),
    ];
  });
}

function uniqueJoin(values: readonly (number | string | null)[]): string {
  return [...new Set(values.filter((v) => v !== null))].join(LIST_SEPARATOR);
}
