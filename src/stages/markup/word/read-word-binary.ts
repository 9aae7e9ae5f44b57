import { InputError } from "../../../errors.js";
import type { DocBlock } from "../doc-blocks.js";
import { StreamReader } from "./bytes.js";
import { readFib } from "./fib.js";
import { readPapxRuns } from "./papx.js";
import { readParagraphs } from "./paragraphs.js";
import { readPieces } from "./pieces.js";
import { readSymbols } from "./symbols.js";
import { toDocBlocks } from "./word-blocks.js";
import { nestTables } from "./word-tables.js";

/** The streams of a Word 97–2003 binary document, as its compound file holds them. */
export interface WordStreams {
  readonly wordDocument: Uint8Array;
  /** A root stream by name (`0Table`, `1Table`, `Data`), or null. */
  readonly stream: (name: string) => Uint8Array | null;
}

/**
 * Paragraphs and tables of a Word 97–2003 binary document ([MS-DOC]) in reading order, as the block model of
 * the .docx front end (same locators). Text comes from the piece table (UTF-16 and 8-bit pieces), paragraph
 * and table structure from the paragraph properties (PAPX: in-table, table depth, row ends with their cell
 * layout and merges). Throws `InputError`: `encrypted` for a password-protected file, `unsupported` for the
 * Word 6.0/95 format, `corrupt` for broken structures.
 */
export function wordBinaryBlocks(streams: WordStreams): DocBlock[] {
  const word = new StreamReader(streams.wordDocument, "WordDocument");
  const fib = readFib(word);
  if (fib.encrypted) {
    throw new InputError(
      "encrypted",
      `The Word document is password-protected (${fib.obfuscated ? "XOR obfuscation" : "RC4 encryption"}): its text cannot be read without the password`,
    );
  }
  const tableBytes = streams.stream(fib.tableStream);
  if (tableBytes === null) {
    throw new InputError("corrupt", `The Word file has no ${fib.tableStream} stream, which its FIB names`);
  }
  const table = new StreamReader(tableBytes, fib.tableStream);
  const dataBytes = streams.stream("Data");
  const data = dataBytes === null ? null : new StreamReader(dataBytes, "Data");
  const pieces = readPieces(table, fib);
  const papx = readPapxRuns(word, table, fib);
  const symbols = readSymbols(word, table, fib);
  return toDocBlocks(nestTables(readParagraphs(word, data, fib, pieces, papx, symbols)));
}
