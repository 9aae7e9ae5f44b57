export { detectKind, type InputKind } from "./detect-kind.js";
export { type PdfDocument, type PdfPage, withPdfDocument } from "./open-pdf.js";
export { type InputFile, readInput } from "./read-input.js";
