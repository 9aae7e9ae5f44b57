import { describeError, InputError } from "../../errors.js";
import { decodeHtml, docxBlocks, readDocumentXml } from "../../stages/markup/index.js";
import { analyseBlocks } from "../analyse-blocks.js";
import { failedDocument } from "../document-result.js";
import { readWebPage } from "../read-web-page.js";
import { folderImages, NO_PICTURES } from "../web-images.js";
import type { FrontEnd } from "./input-kind.js";

/**
 * A saved web page (any charset): its tables and paragraphs, each cell located by its DOM path; pictures of tables
 * are read by OCR from the folder the browser saved beside it (`<stem>_files/`).
 */
export const extractHtml: FrontEnd = async (input, source, context) =>
  readWebPage(
    decodeHtml(input.bytes).text,
    source,
    context,
    // A path given as bytes (a name that is not UTF-8) is not resolved against: its pictures are not looked for.
    typeof input.path === "string" ? folderImages(input.path) : NO_PICTURES,
  );

/** A Word .docx: the tables and paragraphs of word/document.xml, each cell located by its table/paragraph index. */
export const extractDocx: FrontEnd = async (input, source) => {
  let xml: string | null;
  try {
    xml = readDocumentXml(input.bytes);
  } catch (error) {
    if (error instanceof InputError) throw error;
    return failedDocument("corrupt", `Cannot unzip the .docx: ${describeError(error)}`);
  }
  if (xml === null) return failedDocument("corrupt", "The ZIP has no word/document.xml");
  return analyseBlocks(docxBlocks(xml), source);
};
