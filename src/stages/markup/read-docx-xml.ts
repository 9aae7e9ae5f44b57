import { Unzip, UnzipInflate, UnzipPassThrough } from "fflate";
import { InputError } from "../../errors.js";

/**
 * word/document.xml of a report is well under 10 MiB; the cap stops a ZIP bomb (whose header sizes lie, so
 * they are not trusted) as soon as its inflated bytes pass it.
 */
export const MAX_DOCUMENT_XML_BYTES = 64 * 1024 * 1024;
/** Compressed bytes pushed at once: inflate expands at most ~1032×, so each burst of output stays bounded. */
const PUSH_BYTES = 16 * 1024;

/**
 * word/document.xml of a .docx package, decoded (XML's own rules: a UTF-16 byte-order mark or `<` as a
 * 16-bit unit, else UTF-8), or null when the ZIP has none. Inflated as a stream, counting the bytes it
 * really yields: past `MAX_DOCUMENT_XML_BYTES` it is `too_large`, whatever the ZIP headers say.
 */
export function readDocumentXml(bytes: Uint8Array): string | null {
  if (!hasEndOfDirectory(bytes)) {
    throw new InputError("corrupt", "The ZIP has no end of central directory record (truncated or damaged)");
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  let found = false;
  let done = false;
  let failure: Error | null = null;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  unzip.onfile = (file) => {
    if (file.name !== "word/document.xml" || found) return;
    found = true;
    file.ondata = (error, chunk, final) => {
      if (error) {
        failure ??= error;
        return;
      }
      total += chunk.length;
      if (total > MAX_DOCUMENT_XML_BYTES) {
        failure ??= new InputError(
          "too_large",
          `word/document.xml inflates to more than ${MAX_DOCUMENT_XML_BYTES / 1024 / 1024} MiB (a ZIP bomb?)`,
        );
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) done = true;
    };
    file.start();
  };
  for (let at = 0; at < bytes.length && failure === null && !done; at += PUSH_BYTES) {
    unzip.push(bytes.subarray(at, at + PUSH_BYTES), at + PUSH_BYTES >= bytes.length);
  }
  if (failure) throw failure;
  if (!found) return null;
  if (!done) throw new InputError("corrupt", "word/document.xml ends before its compressed data does (truncated)");
  const xml = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    xml.set(chunk, offset);
    offset += chunk.length;
  }
  return new TextDecoder(xmlEncoding(xml)).decode(xml);
}

/** The end of central directory record (PK 05 06) in the last 64 KiB + 22 bytes, as every ZIP ends. */
function hasEndOfDirectory(bytes: Uint8Array): boolean {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === 0x05 && bytes[at + 3] === 0x06) return true;
  }
  return false;
}

/** XML 1.0 Appendix F: the encoding told by the first bytes. */
function xmlEncoding(xml: Uint8Array): string {
  if (xml[0] === 0xff && xml[1] === 0xfe) return "utf-16le";
  if (xml[0] === 0xfe && xml[1] === 0xff) return "utf-16be";
  if (xml[0] === 0x3c && xml[1] === 0x00) return "utf-16le";
  if (xml[0] === 0x00 && xml[1] === 0x3c) return "utf-16be";
  return "utf-8";
}
