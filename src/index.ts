export { GongkaiError, InputError, UsageError } from "./errors.js";
export * from "./model/index.js";
export { type DocumentResult, type ExtractOptions, extractDocument } from "./pipeline/extract-document.js";
export { type BatchEntry, type BatchOptions, runBatch } from "./pipeline/run-batch.js";
export { OcrEngine, type OcrEngineOptions } from "./stages/ocr/index.js";
export { type TemplateDef, type TemplateVersion, v2021 } from "./templates/index.js";
