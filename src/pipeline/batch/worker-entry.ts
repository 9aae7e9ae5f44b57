/**
 * Entry of a document process (child_process.fork): extracts one document per request, in order, for as
 * long as the batch keeps it. Exits when the batch goes away: on IPC disconnect, and, while busy in synchronous
 * work where no event fires, by its watchdog thread (watchdog.ts), so a `kill -9` of the batch leaves no orphans.
 * The process owns one OCR engine (the PP-OCRv4 models, one thread each),
 * created on the first scanned page and terminated when the process ends: the batch's `--jobs` processes
 * together hold one OCR worker per job, sized to the cores by default. The OCR stage's modules (onnxruntime,
 * the models' code) are imported with that first scanned page, so a process that reads only born-digital
 * documents never loads them.
 */
import { describeError } from "../../errors.js";
import { tunePdfRuntime } from "../../stages/ingest/index.js";
import type { OcrEngine } from "../../stages/ocr/index.js";
import { enableCompileCache } from "./compile-cache.js";
import { startWatchdog, watchdogLimitsFromArgv } from "./watchdog.js";
import type { WorkerReply, WorkerRequest } from "./worker-protocol.js";

// Both before the pipeline's modules (and pdf.js with them) load: see enableCompileCache and tunePdfRuntime.
enableCompileCache();
const pdfjsLoaded = tunePdfRuntime();
const pipeline = import("../extract-document.js").finally(pdfjsLoaded);

let engine: Promise<OcrEngine> | null = null;
const ocr = (): Promise<OcrEngine> => {
  engine ??= import("../../stages/ocr/index.js").then(({ OcrEngine }) => new OcrEngine({ workers: 1 }));
  return engine;
};
const limits = watchdogLimitsFromArgv(process.argv);
const watchdog = limits ? startWatchdog(limits) : null;

process.on("disconnect", () => {
  // The OCR workers are threads of this process; give them a moment to close, never hang on them.
  setTimeout(() => process.exit(0), 2000).unref();
  void (engine ?? Promise.resolve(null)).then((started) => started?.terminate()).finally(() => process.exit(0));
});
process.on("message", (message: WorkerRequest) => {
  void handle(message).then((reply) => process.send?.(reply));
});

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  await watchdog?.ready;
  watchdog?.begin();
  try {
    const { extractDocument } = await pipeline;
    return {
      id: request.id,
      result: await extractDocument(typeof request.path === "string" ? request.path : Buffer.from(request.path), {
        ...request.options,
        ocr,
      }),
    };
  } catch (error) {
    // extractDocument turns bad input into a failure output; a throw here is a defect.
    return { id: request.id, error: describeError(error, { stack: true }) };
  } finally {
    watchdog?.end();
  }
}
