import { describeError, InputError } from "../../errors.js";
import { done } from "../../model/result.js";
import { type OfdFile, openOfd } from "../../stages/ofd/index.js";
import { analyseWithOcr } from "../analyse-with-ocr.js";
import { failedDocument } from "../document-result.js";
import { ocrOfdPages, readOfdPages } from "../ofd-pages.js";
import type { FrontEnd } from "./input-kind.js";

/**
 * An OFD (GB/T 33190-2016, 开放版式文档): its pages read into the PDF reader's page model (text items and ruling
 * lines, in points from the page's top-left corner), image-only pages by OCR, then layout, mapping and rules as
 * for a PDF; cells are located by page and box.
 */
export const extractOfd: FrontEnd = async (input, source, { maxPages, engine }) => {
  let file: OfdFile;
  try {
    file = openOfd(input.bytes, maxPages === undefined ? {} : { maxPages });
  } catch (error) {
    if (error instanceof InputError) return failedDocument(error.errorClass, error.message);
    return failedDocument("corrupt", `The OFD could not be opened: ${describeError(error)}`);
  }
  const counted = { pageCount: file.pageCount };
  if (file.pageCount === 0) return failedDocument("corrupt", "The OFD's document lists no pages", counted);
  let text: ReturnType<typeof readOfdPages>;
  try {
    text = readOfdPages(file);
  } catch (error) {
    if (error instanceof InputError) return failedDocument(error.errorClass, error.message, counted);
    throw error;
  }
  if (text.value.drawn.every((page) => page === null)) {
    const why = text.issues.find((i) => i.code === "page.unreadable")?.message ?? "";
    return failedDocument("corrupt", `None of the OFD's ${file.pageCount} page(s) could be read (${why})`, counted);
  }
  const pages = done(text.value.pages, text.issues);
  return analyseWithOcr(source, file.pageCount, pages, engine, (ocrEngine, current, extra) =>
    ocrOfdPages(ocrEngine, file, text.value, current, extra),
  );
};
