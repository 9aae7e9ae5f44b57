import { createHash } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { open, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { inject } from "vitest";
import { type DocumentResult, extractDocument } from "../../src/pipeline/extract-document.js";
import { OcrEngine } from "../../src/stages/ocr/index.js";

/**
 * One OCR engine per test process, as a batch owns one: its workers (one per core and model, created on first
 * use) are shared by every document the process reads, instead of each `extractDocument` call starting and
 * loading its own. `tests/helpers/setup.ts` terminates it after each file.
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

/** A shared extraction, and how often it asked for the OCR engine (given as a function, as a document process gives it). */
export interface SharedExtraction {
  readonly result: DocumentResult;
  readonly ocrAsked: number;
}

const results = new Map<string, Promise<SharedExtraction>>();

/**
 * `extractDocument(path)` with the shared engine, run once per path in the whole test run however many tests,
 * files and test processes look at the result. Outputs depend only on the input's bytes and name, so a second
 * extraction could only repeat it. Within a process the promise is shared; across the run's test processes the
 * result is shared through `tests/helpers/global-setup.ts`'s cache folder (fresh for each run): the first
 * process to ask for a path claims it (an exclusive lock file), extracts and writes the result; the others wait
 * for that file. Callers must not mutate the result.
 */
export async function extractOnce(path: string): Promise<DocumentResult> {
  return (await extractOnceCounted(path)).result;
}

/** `extractOnce`, with the number of times the extraction asked for the OCR engine. */
export function extractOnceCounted(path: string): Promise<SharedExtraction> {
  const full = resolve(path);
  let shared = results.get(full);
  if (shared === undefined) {
    shared = extractShared(full);
    results.set(full, shared);
  }
  return shared;
}

async function extractShared(path: string): Promise<SharedExtraction> {
  const cache = inject("extractCache");
  const key = createHash("sha256").update(path).update("\0").update(readFileSync(path)).digest("hex");
  const done = join(cache, `${key}.json`);
  const lock = join(cache, `${key}.lock`);
  const claimed = await open(lock, "wx").then(
    async (handle) => {
      await handle.close();
      return true;
    },
    () => false,
  );
  if (!claimed) return waitFor(done);
  try {
    let ocrAsked = 0;
    const ocr = async (): Promise<OcrEngine> => {
      ocrAsked += 1;
      return sharedOcrEngine();
    };
    const shared: SharedExtraction = { result: await extractDocument(path, { ocr }), ocrAsked };
    writeFileSync(`${done}.tmp`, JSON.stringify(shared));
    renameSync(`${done}.tmp`, done);
    return shared;
  } catch (error) {
    // A defect (extractDocument turns bad input into a failure result): the waiting processes fail with it too.
    writeFileSync(`${done}.tmp`, JSON.stringify({ defect: String((error as Error)?.stack ?? error) }));
    renameSync(`${done}.tmp`, done);
    throw error;
  }
}

/** The result another test process is extracting: polled, with no limit (a loaded machine is slow, not wrong). */
async function waitFor(done: string): Promise<SharedExtraction> {
  for (;;) {
    const text = await readFile(done, "utf8").catch(() => null);
    if (text !== null) {
      const parsed = JSON.parse(text) as SharedExtraction | { defect: string };
      if ("defect" in parsed) throw new Error(`extraction failed in another test process: ${parsed.defect}`);
      return parsed;
    }
    await sleep(200);
  }
}
