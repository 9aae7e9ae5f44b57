export { GongkaiError, InputError, UsageError } from "./errors.js";
export * from "./model/index.js";
export { type CheckResult, checkReports } from "./pipeline/check-reports.js";
export { type DocumentResult, type ExtractOptions, extractDocument } from "./pipeline/extract-document.js";
export { type BatchEntry, type BatchOptions, type BatchSummary, runBatch } from "./pipeline/run-batch.js";
export { type ExportOptions, type ExportSummary, runExport } from "./stages/export/index.js";
export { buildReviewSite, type ReviewOptions, type ReviewSite } from "./stages/review/index.js";
export { legacy, type TemplateDef, type TemplateVersion, v2019, v2021 } from "./templates/index.js";
export { selectTemplate } from "./templates/select-template.js";
