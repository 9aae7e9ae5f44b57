/** Input kinds recognised by their leading bytes; the extension is never trusted. */
export type InputKind =
  | "pdf"
  | "png"
  | "jpeg"
  | "tiff"
  | "zip"
  | "docx"
  | "ofd"
  | "cfb"
  | "mht"
  | "rtf"
  | "html"
  | "empty"
  | "unknown";

const decoder = new TextDecoder("latin1");

export function detectKind(bytes: Uint8Array): InputKind {
  if (bytes.length === 0) return "empty";
  // A signature at offset 0 wins over a `%PDF-` further on (a .docx can hold that string in its first KiB).
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return isDocx(bytes) ? "docx" : isOfd(bytes) ? "ofd" : "zip";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return "tiff";
  // An OLE compound file (MS-CFB): Word 97–2003 .doc, WPS Office .wps, but also .xls, .ppt, .msg …
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "cfb";
  // A PDF header may follow up to 1 KiB of junk (PDF 32000-1 §7.5.2 readers tolerate it).
  const head = decoder.decode(bytes.subarray(0, 1024));
  // A web archive's headers come first; its HTML part may open within the first KiB (before the `<html` test).
  if (isMimeArchive(bytes)) return "mht";
  // Rich Text Format: AbiWord's "doc" export and many portals' .doc downloads are RTF under a .doc name.
  if (head.startsWith("{\\rtf")) return "rtf";
  if (head.includes("%PDF-")) return "pdf";
  if (/<html|<!doctype html/i.test(head) || looksLikeHtml(bytes, head)) return "html";
  return "unknown";
}

/**
 * A MIME web archive (.mht / .mhtml, RFC 2557): the file opens with a block of RFC 5322 header lines (after an
 * optional UTF-8 byte-order mark and blank lines) that declares a multipart body, or MIME-Version with an HTML
 * body (a single-part archive).
 */
function isMimeArchive(bytes: Uint8Array): boolean {
  const text = decoder.decode(bytes.subarray(0, 8192)).replace(/^(?:\xef\xbb\xbf)?[\r\n]*/, "");
  const end = text.search(/\r?\n\r?\n/);
  if (end <= 0) return false;
  const lines = text.slice(0, end).split(/\r?\n/);
  if (!lines.every((line, i) => /^[!-9;-~]+:/.test(line) || (i > 0 && /^[ \t]/.test(line)))) return false;
  const headers = lines.join("\n");
  return (
    /^content-type:\s*multipart\//im.test(headers) ||
    (/^mime-version:/im.test(headers) && /^content-type:\s*text\/html/im.test(headers))
  );
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((value, index) => bytes[index] === value);
}

/** A Word package: a ZIP whose directory names word/document.xml (OOXML part names are stored as is). */
function isDocx(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes("word/document.xml", 0, "latin1");
}

/**
 * An OFD package (GB/T 33190-2016 §7.2): a ZIP whose directory names `OFD.xml` at its root, or, for a package
 * that lost it, a document part `Doc_<n>/Document.xml` (such a package is then read as a damaged OFD, not
 * refused as an unknown ZIP). Names are matched in the central directory (PK 01 02, name at +46, its length at
 * +28) and in local headers (PK 03 04, name at +30, its length at +26).
 */
function isOfd(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const [name, exact] of [
    ["OFD.xml", true],
    ["/Document.xml", false],
  ] as const) {
    for (let at = buffer.indexOf(name, 0, "latin1"); at >= 0; at = buffer.indexOf(name, at + 1, "latin1")) {
      const start = exact ? at : nameStart(buffer, at);
      if (start < 0) continue;
      const length = at + name.length - start;
      const central =
        start >= 46 && buffer.readUInt32LE(start - 46) === 0x02014b50 && buffer.readUInt16LE(start - 18) === length;
      const local =
        start >= 30 && buffer.readUInt32LE(start - 30) === 0x04034b50 && buffer.readUInt16LE(start - 4) === length;
      if (!(central || local)) continue;
      if (exact || /^Doc_\d+\/Document\.xml$/.test(buffer.toString("latin1", start, at + name.length))) return true;
    }
  }
  return false;
}

/** Where a `Doc_<n>` part name that ends at `at` would start, or -1. */
function nameStart(buffer: Buffer, at: number): number {
  const head = buffer.toString("latin1", Math.max(0, at - 12), at);
  const match = /Doc_\d+$/.exec(head);
  return match ? at - head.length + match.index : -1;
}

/**
 * A saved web page without <html>: UTF-16 markup (with or without a byte-order mark), or leading text (after a UTF-8
 * BOM, whitespace and comments) that opens with a common HTML tag.
 */
function looksLikeHtml(bytes: Uint8Array, head: string): boolean {
  const bom = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  const utf16 = utf16Of(bytes);
  const text = utf16
    ? new TextDecoder(utf16).decode(bytes.subarray(bom ? 2 : 0, 2048))
    : head.replace(/^\xef\xbb\xbf/, "");
  const start = text.replace(/^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*/, "");
  return /^<(?:html|!doctype html|head|meta|title|body|table|div|p)\b/i.test(start);
}

/** UTF-16 by its byte-order mark, or without one by a `<` as the first 16-bit unit (XML 1.0 Appendix F). */
function utf16Of(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0x3c, 0x00])) return "utf-16le";
  if (startsWith(bytes, [0xfe, 0xff]) || startsWith(bytes, [0x00, 0x3c])) return "utf-16be";
  return null;
}
