export { CELL_COLUMNS, CORRECTION_COLUMNS, type ColumnSpec, FLAG_COLUMNS, REPORT_COLUMNS } from "./columns.js";
export { type ExportOptions, type ExportSummary, runExport } from "./run-export.js";
export { withDuckDb } from "./write-parquet.js";
