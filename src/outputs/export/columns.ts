import { templateVersions } from "../../templates/index.js";
/**
 * The columns of the exported tables, as data: their order, DuckDB type (used for Parquet), meaning, unit and
 * the Chinese label the values come from. DATA_DICTIONARY.md is generated from this list and the templates.
 */
export interface ColumnSpec {
  readonly name: string;
  readonly type: "VARCHAR" | "INTEGER" | "DOUBLE" | "BOOLEAN";
  readonly meaning: string;
  readonly unit?: string;
  readonly label?: string;
  /**
   * A list column: ' ; '-joined in the CSV, a Parquet LIST of this element type. Its `type` is the CSV's
   * (VARCHAR).
   */
  readonly list?: "VARCHAR" | "INTEGER";
}

/**
 * Cells read with less confidence than this are `uncertain`: the threshold of `partial_success` (UNCERTAIN_BELOW
 * in src/model/cell.ts; a test keeps the two equal).
 */
export const UNCERTAIN_CONFIDENCE = 0.9;

/** Separator of the items of a list column in the CSVs. */
export const LIST_SEPARATOR = " ; ";

/**
 * The column of a value path in reports.csv: a name SQL takes without quotes (`s3.new_received.total` →
 * `s3_new_received_total`). Paths hold only lowercase letters, digits and underscores between their dots.
 */
export function columnNameOf(path: string): string {
  return path.replaceAll(".", "_");
}

const reportKey: readonly ColumnSpec[] = [
  { name: "file", type: "VARCHAR", meaning: "Output JSON path relative to the extracted folder (one per input)" },
  { name: "sha256", type: "VARCHAR", meaning: "SHA-256 of the source file (identifies the report)" },
  {
    name: "agency",
    type: "VARCHAR",
    meaning: "Issuing agency as read from the title",
    label: "标题中的机关名称（××政府信息公开工作年度报告）",
  },
  { name: "year", type: "INTEGER", meaning: "Report year", unit: "year", label: "标题中的年度（××年）" },
  { name: "template", type: "VARCHAR", meaning: `Template version of the tables: ${templateVersions().join(", ")}` },
  {
    name: "report_group",
    type: "VARCHAR",
    meaning:
      "The same id for every copy of one report in the archive (a scan and its born-digital twin, a re-publication): normalised agency | year, or sha256:<hash> when either is unknown",
  },
  {
    name: "duplicate_of",
    type: "VARCHAR",
    meaning:
      "Empty for the copy that stands for its report_group (the best read); else that copy's file. Count reports with `WHERE duplicate_of IS NULL`",
  },
];

export const CELL_COLUMNS: readonly ColumnSpec[] = [
  ...reportKey,
  { name: "path", type: "VARCHAR", meaning: "Dotted value path (SPEC §2), e.g. s3.granted.natural" },
  { name: "section", type: "VARCHAR", meaning: "Section key: s2 (二), s2v19 (二, 2019 layout), s3 (三), s4 (四)" },
  { name: "row_key", type: "VARCHAR", meaning: "Row key (s3 row, s2 item, s4 group); the second part of path" },
  {
    name: "column_key",
    type: "VARCHAR",
    meaning:
      "Column key (s3 applicant column, s2 field, s4 outcome); the last part of path (named so because COLUMN is reserved in SQL)",
  },
  {
    name: "label",
    type: "VARCHAR",
    meaning: "Chinese labels of the row and column in the template",
    label: "see path table",
  },
  { name: "unit", type: "VARCHAR", meaning: "Unit of value: 件 for counts, 万元 for amounts" },
  {
    name: "value",
    type: "DOUBLE",
    meaning:
      "The value used for analysis: the corrected value where a reviewer corrected the cell, else the printed one; empty when not read",
    unit: "see unit",
  },
  {
    name: "value_printed",
    type: "DOUBLE",
    meaning: "The value as printed and extracted; empty when not read",
    unit: "see unit",
  },
  { name: "raw", type: "VARCHAR", meaning: "The cell's printed text, whitespace-collapsed" },
  {
    name: "blank",
    type: "BOOLEAN",
    meaning: "Printed blank, —, -, / or 无 and read as 0",
    label: "空白 / — / - / / / 无",
  },
  {
    name: "source",
    type: "VARCHAR",
    meaning:
      "How the cell was read: text (a PDF's text layer, an HTML page, a .docx), ocr (a scanned page or an image), derived (computed from other cells of the report, e.g. s3.other_processing of a v2021 report = the sum of its three （六） rows; no place of its own)",
  },
  {
    name: "confidence",
    type: "DOUBLE",
    meaning:
      "0–1, how sure the reading is (text cells matched by label are 1; a derived cell takes its least sure part's)",
  },
  {
    name: "uncertain",
    type: "BOOLEAN",
    meaning:
      "Read, but with confidence below 0.9: check it against the page before relying on it (the same threshold makes a report partial_success)",
  },
  { name: "page", type: "INTEGER", meaning: "1-based page of the source document; empty for HTML and .docx" },
  { name: "bbox_x0", type: "DOUBLE", meaning: "Cell box left edge, from the page's left", unit: "PDF point (1/72 in)" },
  { name: "bbox_y0", type: "DOUBLE", meaning: "Cell box top edge, from the page's top", unit: "PDF point (1/72 in)" },
  {
    name: "bbox_x1",
    type: "DOUBLE",
    meaning: "Cell box right edge, from the page's left",
    unit: "PDF point (1/72 in)",
  },
  {
    name: "bbox_y1",
    type: "DOUBLE",
    meaning: "Cell box bottom edge, from the page's top",
    unit: "PDF point (1/72 in)",
  },
  {
    name: "locator",
    type: "VARCHAR",
    meaning:
      "Where an HTML or .docx cell was read (they have no pages): a DOM path such as html[1]/body[1]/table[2]/tr[5]/td[3], or a Word body index such as tbl[3]/tr[5]/tc[4] or p[12]; empty for PDFs and images",
  },
  { name: "corrected", type: "BOOLEAN", meaning: "A reviewer's correction changed the value (value ≠ value_printed)" },
  { name: "corrected_by", type: "VARCHAR", meaning: "Who corrected or checked the cell (corrections.jsonl `who`)" },
  { name: "correction_why", type: "VARCHAR", meaning: "The reviewer's reason (corrections.jsonl `why`)" },
  { name: "correction_when", type: "VARCHAR", meaning: "When the reviewer corrected or checked it (ISO 8601)" },
  {
    name: "checked",
    type: "BOOLEAN",
    meaning: "A reviewer confirmed the printed value (a corrections line with new = old)",
  },
];

export const FLAG_COLUMNS: readonly ColumnSpec[] = [
  {
    name: "scope",
    type: "VARCHAR",
    meaning: "report: a rule on one report (SPEC §4); cross: a rule across reports (cross-report.json)",
  },
  {
    name: "file",
    type: "VARCHAR",
    meaning: "The report's output path; for cross flags the reports' paths joined by ' ; '",
  },
  { name: "sha256", type: "VARCHAR", meaning: "SHA-256 of the report's source file; empty for cross flags" },
  { name: "agency", type: "VARCHAR", meaning: "Agency of the report(s)" },
  { name: "year", type: "INTEGER", meaning: "Report year; for cross flags the latest year compared", unit: "year" },
  { name: "years", type: "VARCHAR", meaning: "Years compared (cross flags; a list)", list: "INTEGER" },
  { name: "template", type: "VARCHAR", meaning: "Template version of the report; empty for cross flags" },
  { name: "rule", type: "VARCHAR", meaning: "Rule id (SPEC §4), e.g. s3.balance" },
  {
    name: "severity",
    type: "VARCHAR",
    meaning:
      "error (arithmetic the template guarantees, among sure readings), warning (usually holds, or an uncertain reading), info",
  },
  {
    name: "uncertain_reading",
    type: "BOOLEAN",
    meaning:
      "An s3/s4 arithmetic rule failed where a cell involved is below confidence 0.9 (an OCR reading): the reading, not the publication, may be wrong; severity is warning",
  },
  { name: "path", type: "VARCHAR", meaning: "What the flag concerns: a cell, row, column or group path" },
  { name: "expected", type: "DOUBLE", meaning: "The value the rule expects (empty when the rule has none)" },
  { name: "actual", type: "DOUBLE", meaning: "The value printed" },
  {
    name: "cells",
    type: "VARCHAR",
    meaning: "Paths of the cells involved (a list; file#path for cross flags)",
    list: "VARCHAR",
  },
  { name: "pages", type: "VARCHAR", meaning: "Pages of those cells (a list)", list: "INTEGER" },
  {
    name: "locators",
    type: "VARCHAR",
    meaning: "HTML/.docx locators of those cells (a list; empty for PDFs)",
    list: "VARCHAR",
  },
  {
    name: "recomputed",
    type: "BOOLEAN",
    meaning: "The report had corrections and this flag comes from re-running the rules on corrected values",
  },
  { name: "message_zh", type: "VARCHAR", meaning: "The flag's message in Chinese" },
  { name: "message_en", type: "VARCHAR", meaning: "The flag's message in English" },
];

/** reports.csv columns before the value columns; those follow, one per path (`s2.rules.made`, `s3.granted.total`). */
export const REPORT_COLUMNS: readonly ColumnSpec[] = [
  ...reportKey,
  { name: "source_file", type: "VARCHAR", meaning: "File name of the source document" },
  { name: "title", type: "VARCHAR", meaning: "Report title as printed" },
  { name: "status", type: "VARCHAR", meaning: "Extraction status: success, partial_success, failure (SPEC §5)" },
  { name: "pages", type: "INTEGER", meaning: "Pages in the source document" },
  { name: "cells_read", type: "INTEGER", meaning: "Template cells with a value" },
  { name: "cells_missing", type: "INTEGER", meaning: "Template cells not read (value empty)" },
  { name: "cells_corrected", type: "INTEGER", meaning: "Cells whose value a reviewer corrected" },
  { name: "flags_error", type: "INTEGER", meaning: "Flags of severity error (after corrections)" },
  { name: "flags_warning", type: "INTEGER", meaning: "Flags of severity warning (after corrections)" },
  { name: "flags_info", type: "INTEGER", meaning: "Flags of severity info (after corrections)" },
  { name: "flags_cross", type: "INTEGER", meaning: "Cross-report flags naming this report" },
  {
    name: "rules_flagged",
    type: "VARCHAR",
    meaning: "Distinct rule ids flagged on this report, cross-report rules included (a list)",
    list: "VARCHAR",
  },
  {
    name: "cells_uncertain",
    type: "INTEGER",
    meaning: "Cells read with confidence below 0.9 (why a report is partial_success)",
  },
];

export const CORRECTION_COLUMNS: readonly ColumnSpec[] = [
  { name: "line", type: "INTEGER", meaning: "Line number in corrections.jsonl" },
  {
    name: "status",
    type: "VARCHAR",
    meaning: "applied, checked, old_mismatch, report_not_found, report_ambiguous, path_not_found, superseded, invalid",
  },
  { name: "file", type: "VARCHAR", meaning: "The report the line was matched to (output path)" },
  { name: "path", type: "VARCHAR", meaning: "Cell path corrected" },
  { name: "printed", type: "DOUBLE", meaning: "The value as printed and extracted" },
  { name: "old", type: "DOUBLE", meaning: "The value the reviewer saw (must equal the printed value)" },
  { name: "new", type: "DOUBLE", meaning: "The reviewer's value" },
  { name: "who", type: "VARCHAR", meaning: "Reviewer" },
  { name: "why", type: "VARCHAR", meaning: "Reason" },
  { name: "when", type: "VARCHAR", meaning: "When (ISO 8601)" },
  { name: "detail", type: "VARCHAR", meaning: "What happened to the line" },
];
