/** The part of pdf.js's worker module (shipped without types) that `openTask` uses. */
declare module "pdfjs-dist/legacy/build/pdf.worker.mjs" {
  export const WorkerMessageHandler: {
    /** Sets up the worker side of a document on `port` (the other side is a `PDFWorker` given the same port). */
    initializeFromPort(port: unknown): void;
  };
}
