import { describeError, InputError } from "../../errors.js";
import { type CompoundFile, type InputFile, readCompoundFile } from "../../stages/ingest/index.js";
import { wordBinaryBlocks } from "../../stages/markup/index.js";
import { analyseBlocks } from "../analyse-blocks.js";
import { type FrontEndResult, failedDocument } from "../document-result.js";
import type { FrontEnd } from "./input-kind.js";

/**
 * A Word 97–2003 binary document (.doc), and a WPS Office .wps saved in that format: an OLE compound file with a
 * WordDocument stream. Its paragraphs and tables go through the same mapping as a .docx's, each cell located by
 * its table/paragraph index (`tbl[2]/tr[27]/tc[9]`, `p[12]`).
 */
export const extractWord: FrontEnd = async (input, source) => {
  const container = readCompoundFile(input.bytes);
  const wordDocument = container.stream("WordDocument");
  if (wordDocument === null) return notWord(container, input);
  let blocks: ReturnType<typeof wordBinaryBlocks>;
  try {
    blocks = wordBinaryBlocks({ wordDocument, stream: container.stream });
  } catch (error) {
    if (error instanceof InputError) throw error;
    return failedDocument("corrupt", `The Word file cannot be read: ${describeError(error)}`);
  }
  return analyseBlocks(blocks, source);
};

/**
 * A .wps file that is no compound file (the bytes say nothing gongkai reads): WPS Office's own format of WPS 2000
 * and before, which no published specification describes.
 */
export const extractOldWps: FrontEnd = async () =>
  failedDocument(
    "unsupported",
    "A .wps file that is not in the Word 97–2003 binary format (an OLE compound file with a WordDocument stream): WPS Office's own older format, which gongkai does not read; save it from WPS Office as .doc or .docx",
  );

/** What a compound file without a WordDocument stream is, by the streams it holds. */
function notWord(container: CompoundFile, input: InputFile): FrontEndResult {
  const has = (name: string) => container.stream(name) !== null;
  if (has("EncryptionInfo") && has("EncryptedPackage")) {
    return failedDocument(
      "encrypted",
      "A password-protected Office document (an encrypted .docx in a compound file): it cannot be read without the password",
    );
  }
  const what =
    has("Workbook") || has("Book")
      ? "an Excel workbook"
      : has("PowerPoint Document")
        ? "a PowerPoint presentation"
        : has("MatOST") || has("CONTENTS")
          ? "a Microsoft Works document"
          : container.names.some((n) => n.startsWith("__substg1.0_"))
            ? "an Outlook message"
            : "no Word document";
  // Property-set streams start with a control character (\x05SummaryInformation): shown without it.
  const streams = container.names.map((n) => [...n].filter((c) => c >= " ").join("")).join(", ");
  const wps = /\.wps$/i.test(String(input.path)) ? "A .wps file that is not Word-binary compatible: " : "";
  return failedDocument(
    "unsupported",
    `${wps}an OLE compound file without a WordDocument stream (${what}; streams: ${streams || "none"}), so not a Word 97–2003 document`,
  );
}
