/** Input kinds recognised by their leading bytes; the extension is never trusted. */
export type InputKind = "pdf" | "png" | "jpeg" | "tiff" | "zip" | "html" | "empty" | "unknown";

const decoder = new TextDecoder("latin1");

export function detectKind(bytes: Uint8Array): InputKind {
  if (bytes.length === 0) return "empty";
  // A PDF header may follow up to 1 KiB of junk (PDF 32000-1 §7.5.2 readers tolerate it).
  const head = decoder.decode(bytes.subarray(0, 1024));
  if (head.includes("%PDF-")) return "pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return "tiff";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return "zip";
  if (/<html|<!doctype html/i.test(head)) return "html";
  return "unknown";
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((value, index) => bytes[index] === value);
}
