export { CELL_COLUMNS, CORRECTION_COLUMNS, type ColumnSpec, FLAG_COLUMNS, REPORT_COLUMNS } from "./columns.js";
export {
  type Correction,
  type CorrectionOutcome,
  type CorrectionStatus,
  correctionSchema,
  parseCorrections,
  resolveCorrections,
} from "./corrections.js";
export { describePath, EXPORT_TEMPLATES, labelOf, listKnownPaths, type PathInfo } from "./path-catalog.js";
export {
  type CrossFlag,
  type ExtractedDir,
  type ExtractedOutput,
  type ExtractedReport,
  readExtractedDir,
} from "./read-extracted.js";
export { applyCorrections, recheckFlags } from "./recheck-rules.js";
export { type ExportOptions, type ExportSummary, runExport } from "./run-export.js";
export { withDuckDb } from "./write-parquet.js";
