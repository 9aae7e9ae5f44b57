import type { ErrorClass } from "./issue.js";

/** One line per error class, for summaries and the README (the message says what happened in detail). */
export const ERROR_CLASS_MESSAGES: Readonly<Record<ErrorClass, string>> = {
  encrypted: "the PDF or Word document is password-protected; gongkai does not guess passwords",
  corrupt:
    "the file is empty, truncated or damaged beyond repair (PDF, a scanned page's picture, compound file, web archive)",
  not_a_report: "a readable document, but no report title and none of the template's tables",
  unreadable:
    "a scan or page image on which OCR could read (next to) nothing, or a web page shown as pictures that could not be had",
  timeout: "processing took longer than --timeout; the document's process was killed",
  too_large: "more pages than --max-pages, or more memory than --max-memory",
  unsupported: "an input kind gongkai does not read (yet), or pages that need OCR",
  internal: "a defect in gongkai (a crash or an exception); please report it with the file",
  no_tables:
    "a report (its title was found) without any of the template's tables: they may be in an attachment or a missing picture",
};
