import type { LocatorKind } from "../../model/locator.js";
import type { InputFile } from "../../stages/ingest/index.js";
import type { OcrEngine } from "../../stages/ocr/index.js";
import type { DocumentSource, FrontEndResult } from "../document-result.js";

/** What a front end may use besides its input: the per-document limits and the OCR engine. */
export interface FrontEndContext {
  /** A PDF or TIFF with more pages than this fails as `too_large` before any page is read. */
  readonly maxPages?: number;
  /** The document's OCR engine, made (and the OCR runtime loaded) on first use. */
  readonly engine: () => Promise<OcrEngine>;
}

/**
 * One kind of input the pipeline reads: how it is recognised, how it locates what is read in it, and the front
 * end that turns it into the common model — pages of positioned text (`analysePages`, for PDF, OFD and page
 * images) or blocks of a document without pages (`analyseBlocks`, for HTML, .docx and .doc) — and on through
 * mapping, rules and output (`finishDocument`).
 */
export interface InputKindDef {
  /** Short name, e.g. `pdf`. */
  readonly name: string;
  /** How messages name the kind, e.g. `PDF`, `.docx`. */
  readonly label: string;
  /**
   * How its output locates cells (model/locator.ts): `page` — page and box; `path` — the markup part's path (and
   * for a picture in the page read by OCR, the picture's page and box too). The front end locates with the
   * matching locator of locators.ts.
   */
  readonly locator: LocatorKind;
  /** File name extensions (lower case, with the dot) the folder scan collects as inputs of this kind. */
  readonly extensions: readonly string[];
  /** Whether an input is of this kind: its leading bytes, or ingest's coarse `kind` from them. */
  readonly sniff: (input: InputFile) => boolean;
  /**
   * The document's output, or — for an input that fails as a whole — the `Failed` side (`failedDocument`: its
   * error class, why, and its page count and pages if it got that far). Throws only for a defect, or an
   * `InputError` the caller turns into the failure.
   */
  readonly extract: FrontEnd;
}

/** A front end: an input of its kind read into the document's output (see `InputKindDef.extract`). */
export type FrontEnd = (input: InputFile, source: DocumentSource, context: FrontEndContext) => Promise<FrontEndResult>;
