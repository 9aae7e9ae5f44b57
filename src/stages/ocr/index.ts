export * from "./components.js";
export { detectRules } from "./detect-rules.js";
export { OcrEngine, type OcrEngineOptions } from "./engine.js";
export { type OcrPage, ocrPage } from "./ocr-page.js";
export { imageFileFrame, imageFilePages, type PageImage, pdfPageImage, RENDER_PIXEL_BUDGET } from "./page-image.js";
export * from "./raster.js";
export { estimateSkew, rotate } from "./skew.js";
export { planeShift, toGray } from "./to-gray.js";
export * from "./turn-page.js";
