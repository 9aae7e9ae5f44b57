import { InputError } from "../../errors.js";
import type { OfdPage } from "./ofd-marks.js";
import { OfdPackage } from "./ofd-package.js";
import { type OfdDocument, readDocuments } from "./read-document.js";
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
 * Opens an OFD (GB/T 33190-2016) held in `bytes`: the ZIP's directory, OFD.xml and every document's
 * Document.xml and resources; the documents' pages are numbered on from one to the next. Nothing outside the package is ever opened. Throws an `InputError`: `corrupt`
 * for a damaged ZIP or a package without OFD.xml or a document, `too_large` past `maxPages` or the caps on
 * inflated bytes, `encrypted` for an encrypted ZIP entry, `unsupported` for DTD entities or ZIP64.
 */
export function openOfd(bytes: Uint8Array, { maxPages }: { maxPages?: number } = {}): OfdFile {
  const pkg = new OfdPackage(bytes);
  const docs: readonly OfdDocument[] = readDocuments(pkg);
  const pageCount = docs.reduce((n, doc) => n + doc.pages.length, 0);
  if (maxPages !== undefined && pageCount > maxPages) {
    throw new InputError(
      "too_large",
      `The OFD has ${pageCount} pages, more than the limit of ${maxPages} (--max-pages)`,
    );
  }
  // Template IDs are a document's own: one cache per document.
  const templates = docs.map((): TemplateCache => new Map());
  return {
    pageCount,
    notes: docs.flatMap((doc) => doc.notes),
    page: (n) => {
      let index = n - 1;
      for (const [i, doc] of docs.entries()) {
        if (index < doc.pages.length) return readPage(doc, index, templates[i] as TemplateCache, n);
        index -= doc.pages.length;
      }
      return readPage(docs[0] as OfdDocument, n - 1, templates[0] as TemplateCache);
    },
    part: (path) => pkg.read(path),
  };
}
