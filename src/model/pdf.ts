/**
 * pdf.js's document and page, as the stages that read a PDF (ingest opens it; text-layer, layout and ocr read its
 * pages) pass them to each other. Types only: opening a PDF is `withPdfDocument` in stages/ingest.
 */
export type { PDFDocumentProxy as PdfDocument, PDFPageProxy as PdfPage } from "pdfjs-dist/legacy/build/pdf.mjs";
