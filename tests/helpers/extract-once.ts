import { type DocumentResult, extractDocument } from "../../src/pipeline/extract-document.js";
import { OcrEngine } from "../../src/stages/ocr/index.js";

/**
 * One OCR engine per test process (vitest runs each test file in a process of its own), as a batch owns one:
 * its workers (one per core and model, created on first use) are shared by every document the file reads,
 * instead of each `extractDocument` call starting and loading its own. `tests/helpers/setup.ts` terminates it
 * after each file.
 */
let engine: OcrEngine | null = null;

export function sharedOcrEngine(): OcrEngine {
  engine ??= new OcrEngine();
  return engine;
}

export async function terminateSharedOcrEngine(): Promise<void> {
  const current = engine;
  engine = null;
  await current?.terminate();
}

const results = new Map<string, Promise<DocumentResult>>();

/**
 * `extractDocument(path)` with the shared engine, run once per path in a test file however many tests look at
 * the result. Outputs depend only on the input's bytes and name, so a second extraction could only repeat it.
 * Callers must not mutate the result.
 */
export function extractOnce(path: string): Promise<DocumentResult> {
  let result = results.get(path);
  if (result === undefined) {
    result = extractDocument(path, { ocr: sharedOcrEngine() });
    results.set(path, result);
  }
  return result;
}
