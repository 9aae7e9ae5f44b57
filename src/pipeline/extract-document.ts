import { describeError, InputError } from "../errors.js";
import { type FsPath, fileNameOf, type InputFile, readInput } from "../stages/ingest/index.js";
import type { OcrEngine } from "../stages/ocr/index.js";
import { type DocumentResult, documentResult, failDocument } from "./document-result.js";
import { describeInputKinds, findInputKind } from "./input-kinds/index.js";
// Loads the front ends with this module (see front-ends.ts).
import "./input-kinds/front-ends.js";

export type { DocumentResult };

/** Per-document limits and resources; every field is optional. */
export interface ExtractOptions {
  /** A PDF with more pages than this fails as `too_large` before any page is read. */
  readonly maxPages?: number;
  /** An input larger than this many bytes fails as `too_large` without being read. */
  readonly maxBytes?: number;
  /**
   * The OCR engine (the PP-OCRv4 models) for scanned pages and page-image inputs, owned by the caller
   * (a batch creates one and terminates it in `finally`), or a function that gives it the first time a page
   * needs OCR (a document process passes one, so a born-digital document never loads the OCR runtime).
   * Without one, a document that needs OCR gets its own engine for the call.
   */
  readonly ocr?: OcrEngine | (() => Promise<OcrEngine>);
}

/**
 * Runs one document through ingest → text layer (or OCR of its page images) → layout → mapping → rules.
 * Never throws for a bad input: the result is a `failure` output with an issue naming the error class.
 */
export async function extractDocument(path: FsPath, options: ExtractOptions = {}): Promise<DocumentResult> {
  let own: Promise<OcrEngine> | null = null;
  const engine = (): Promise<OcrEngine> => {
    const given = options.ocr;
    if (typeof given === "function") return given();
    if (given) return Promise.resolve(given);
    own ??= import("../stages/ocr/index.js").then(({ OcrEngine }) => new OcrEngine());
    return own;
  };
  try {
    return await extractWith(path, options, engine);
  } finally {
    if (own) await (await (own as Promise<OcrEngine>)).terminate();
  }
}

async function extractWith(
  path: FsPath,
  options: ExtractOptions,
  engine: () => Promise<OcrEngine>,
): Promise<DocumentResult> {
  const file = fileNameOf(path);
  let input: InputFile;
  try {
    input = await readInput(path, options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes });
  } catch (error) {
    const unread = { file, sha256: "0".repeat(64), bytes: 0 };
    if (error instanceof InputError) return failDocument(unread, error.errorClass, error.message);
    return failDocument(unread, "corrupt", `Cannot read the file: ${describeError(error)}`);
  }
  const source = { file, sha256: input.sha256, bytes: input.bytes.length };
  if (input.kind === "empty") return failDocument(source, "corrupt", "The file is empty (0 bytes)");
  const kind = findInputKind(input);
  if (kind === undefined)
    return failDocument(
      source,
      "unsupported",
      `Unsupported input kind "${input.kind}": ${describeInputKinds()} are read`,
    );
  try {
    const result = await kind.extract(input, source, {
      engine,
      ...(options.maxPages === undefined ? {} : { maxPages: options.maxPages }),
    });
    return documentResult(source, result);
  } catch (error) {
    if (error instanceof InputError) return failDocument(source, error.errorClass, error.message);
    return failDocument(source, "internal", `Internal error: ${describeError(error)}`);
  }
}

/** The output of an input that failed as a whole (the batch uses it for `timeout`, `too_large`, `internal`). */
export { failDocument as failureResult };
