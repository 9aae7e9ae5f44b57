import { appendFile, mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { ErrorClass } from "../model/issue.js";
import type { Status } from "../model/report.js";
import { OcrEngine } from "../stages/ocr/index.js";
import { collectInputs, type PlannedInput } from "./collect-inputs.js";
import { extractDocument } from "./extract-document.js";

export interface BatchEntry {
  readonly file: string;
  readonly out: string;
  readonly sha256: string;
  readonly status: Status;
  readonly errorClass: ErrorClass | null;
  readonly template: string;
  readonly flags: { error: number; warning: number; info: number };
  readonly seconds: number;
}

export interface BatchOptions {
  readonly outDir: string;
  /** OCR worker pool for the batch; default: one created for the batch (sized to the cores) and terminated after it. */
  readonly ocr?: OcrEngine;
  readonly onDocument?: (entry: BatchEntry) => void;
}

/**
 * Extracts every input into `<outDir>`, one JSON per input written atomically (temp file + rename), and
 * appends a line per input to `<outDir>/manifest.jsonl`. A bad input costs its own line, nothing more.
 */
export async function runBatch(args: readonly string[], options: BatchOptions): Promise<BatchEntry[]> {
  const inputs = await collectInputs(args);
  await mkdir(options.outDir, { recursive: true });
  const entries: BatchEntry[] = [];
  // Created lazily: tesseract.js workers start only when a scanned page or page image comes up.
  const ocr = options.ocr ?? new OcrEngine();
  try {
    for (const input of inputs) entries.push(await runOne(input, options, ocr));
  } finally {
    if (!options.ocr) await ocr.terminate();
  }
  return entries;
}

async function runOne(input: PlannedInput, options: BatchOptions, ocr: OcrEngine): Promise<BatchEntry> {
  const started = performance.now();
  const { output, errorClass } = await extractDocument(input.path, { ocr });
  const out = join(options.outDir, input.outRelative);
  await writeAtomic(out, `${JSON.stringify(output, null, 2)}\n`);
  const flags = { error: 0, warning: 0, info: 0 };
  for (const flag of output.flags) flags[flag.severity] += 1;
  const entry: BatchEntry = {
    file: input.path,
    out,
    sha256: output.source.sha256,
    status: output.status,
    errorClass,
    template: output.report.template,
    flags,
    seconds: Math.round(performance.now() - started) / 1000,
  };
  const line = {
    file: entry.file,
    sha256: entry.sha256,
    status: entry.status,
    error_class: entry.errorClass,
    seconds: entry.seconds,
  };
  await appendFile(join(options.outDir, "manifest.jsonl"), `${JSON.stringify(line)}\n`);
  options.onDocument?.(entry);
  return entry;
}

async function writeAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, text);
  await rename(temp, path);
}
