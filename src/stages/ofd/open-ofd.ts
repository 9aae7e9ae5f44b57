import { InputError } from "../../errors.js";
import type { OfdPage } from "./ofd-marks.js";
import { OfdPackage } from "./ofd-package.js";
import { type OfdDocument, readDocument } from "./read-document.js";
import { readPage, type TemplateCache } from "./walk-page.js";

/** An opened OFD: its page count, its pages read one at a time, and its parts (images) for drawing. */
export interface OfdFile {
  readonly pageCount: number;
  /** Notes on the document as a whole (a resource file not found). */
  readonly notes: readonly string[];
  /** Page `n` (1-based); throws an `InputError` for a page that cannot be read. */
  readonly page: (n: number) => OfdPage;
  /** A part's bytes (an image a mark names), under the package's caps. */
  readonly part: (path: string) => Uint8Array;
}

/**
 * Opens an OFD (GB/T 33190-2016) held in `bytes`: the ZIP's directory, OFD.xml and the first document's
 * Document.xml and resources. Nothing outside the package is ever opened. Throws an `InputError`: `corrupt`
 * for a damaged ZIP or a package without OFD.xml or a document, `too_large` past `maxPages` or the caps on
 * inflated bytes, `encrypted` for an encrypted ZIP entry, `unsupported` for DTD entities or ZIP64.
 */
export function openOfd(bytes: Uint8Array, { maxPages }: { maxPages?: number } = {}): OfdFile {
  const pkg = new OfdPackage(bytes);
  const doc: OfdDocument = readDocument(pkg);
  if (maxPages !== undefined && doc.pages.length > maxPages) {
    throw new InputError(
      "too_large",
      `The OFD has ${doc.pages.length} pages, more than the limit of ${maxPages} (--max-pages)`,
    );
  }
  const templates: TemplateCache = new Map();
  return {
    pageCount: doc.pages.length,
    notes: doc.notes,
    page: (n) => readPage(doc, n - 1, templates),
    part: (path) => pkg.read(path),
  };
}
