import { mkdir, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  type CorrectionOutcome,
  listKnownPaths,
  readCorrectionsFile,
  readExtractedDir,
  resolveCorrections,
} from "../extracted/index.js";
import { buildCellRows, buildFlagRows, buildReportRows, listWideColumns, prepareReports } from "./build-rows.js";
import {
  CELL_COLUMNS,
  CORRECTION_COLUMNS,
  type ColumnSpec,
  columnNameOf,
  FLAG_COLUMNS,
  REPORT_COLUMNS,
} from "./columns.js";
import { buildDataDictionary } from "./data-dictionary.js";
import { groupReports } from "./report-groups.js";
import { writeCsv } from "./write-csv.js";
import { convertCsvToParquet } from "./write-parquet.js";

export interface ExportOptions {
  readonly outDir: string;
  /** A corrections.jsonl to apply; without it `<extracted dir>/corrections.jsonl` is used when present. */
  readonly corrections?: string;
  /** Start each CSV with a UTF-8 byte-order mark, for Excel. */
  readonly excel?: boolean;
}

export interface ExportSummary {
  readonly reports: number;
  readonly cells: number;
  readonly flags: number;
  readonly crossFlags: number;
  readonly corrections: readonly CorrectionOutcome[];
  readonly skipped: readonly { readonly file: string; readonly reason: string }[];
  /** Written files with their sizes in bytes, in writing order. */
  readonly files: readonly { readonly name: string; readonly bytes: number }[];
}

/**
 * Writes the researcher datasets of an extracted folder: cells (long), reports (wide) and flags, each as CSV and
 * Parquet; corrections.csv (when corrections are given) and DATA_DICTIONARY.md.
 */
export async function runExport(extractedDir: string, options: ExportOptions): Promise<ExportSummary> {
  const extracted = await readExtractedDir(extractedDir);
  const correctionsPath = options.corrections ?? join(extractedDir, "corrections.jsonl");
  const lines =
    options.corrections !== undefined || (await exists(correctionsPath))
      ? await readCorrectionsFile(correctionsPath)
      : [];
  const corrections = resolveCorrections(lines, extracted);
  const reports = prepareReports(extracted.reports, corrections, groupReports(extracted.reports));
  await mkdir(options.outDir, { recursive: true });
  const out = (name: string) => join(options.outDir, name);
  const csv = { bom: options.excel === true };

  const cellRows = buildCellRows(reports);
  await writeCsv(out("cells.csv"), names(CELL_COLUMNS), cellRows, csv);
  await convertCsvToParquet(out("cells.csv"), out("cells.parquet"), CELL_COLUMNS);
  const valueColumns = listWideColumns(reports);
  const reportColumns: ColumnSpec[] = [
    ...REPORT_COLUMNS,
    ...valueColumns.map((path) => ({ name: columnNameOf(path), type: "DOUBLE" as const, meaning: path })),
  ];
  await writeCsv(
    out("reports.csv"),
    names(reportColumns),
    buildReportRows(reports, extracted.crossFlags, valueColumns),
    csv,
  );
  await convertCsvToParquet(out("reports.csv"), out("reports.parquet"), reportColumns);
  const flagRows = buildFlagRows(reports, extracted.crossFlags);
  await writeCsv(out("flags.csv"), names(FLAG_COLUMNS), flagRows, csv);
  await convertCsvToParquet(out("flags.csv"), out("flags.parquet"), FLAG_COLUMNS);
  const written = ["cells.csv", "cells.parquet", "reports.csv", "reports.parquet", "flags.csv", "flags.parquet"];
  if (lines.length > 0) {
    await writeCsv(
      out("corrections.csv"),
      names(CORRECTION_COLUMNS),
      corrections.outcomes.map((o) => [
        o.line,
        o.status,
        o.report,
        o.correction?.path ?? null,
        o.printed,
        o.correction?.old ?? null,
        o.correction?.new ?? null,
        o.correction?.who ?? null,
        o.correction?.why ?? null,
        o.correction?.when ?? null,
        o.detail,
      ]),
      csv,
    );
    written.push("corrections.csv");
  }
  const pathIndex = names(CELL_COLUMNS).indexOf("path");
  const cellPaths = [
    ...new Set([...listKnownPaths().map((p) => p.path), ...cellRows.map((r) => String(r[pathIndex]))]),
  ];
  await writeFile(out("DATA_DICTIONARY.md"), buildDataDictionary(cellPaths, valueColumns, lines.length > 0));
  written.push("DATA_DICTIONARY.md");
  const files = [];
  for (const name of written) files.push({ name, bytes: (await stat(out(name))).size });
  return {
    reports: reports.length,
    cells: cellRows.length,
    flags: flagRows.length - extracted.crossFlags.length,
    crossFlags: extracted.crossFlags.length,
    corrections: corrections.outcomes,
    skipped: extracted.skipped,
    files,
  };
}

function names(columns: readonly { readonly name: string }[]): string[] {
  return columns.map((c) => c.name);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
