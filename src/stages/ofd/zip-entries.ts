import { Inflate } from "fflate";
import { InputError } from "../../errors.js";

/** One file of a ZIP as its central directory lists it (APPNOTE 6.3 §4.3.12). */
export interface ZipEntry {
  /** Decoded: UTF-8 when flagged or valid, else GB18030 (archives made on Chinese Windows). */
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  /** What the header claims; never trusted for allocation (a ZIP bomb lies here). */
  readonly size: number;
  readonly headerOffset: number;
}

/** Entries a package may list: an OFD of a few hundred pages has a few thousand. */
export const MAX_ZIP_ENTRIES = 50_000;
/** Compressed bytes pushed at once: inflate expands at most ~1032×, so each burst of output stays bounded. */
const PUSH_BYTES = 16 * 1024;

const utf8 = new TextDecoder("utf-8", { fatal: true });
const gb18030 = new TextDecoder("gb18030");

/**
 * The entries of a ZIP's central directory. A file without an end-of-central-directory record, or whose
 * directory runs past its end, is `corrupt` (truncated); more than `MAX_ZIP_ENTRIES` is `too_large`.
 */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(bytes);
  if (end < 0) throw new InputError("corrupt", "The ZIP has no end of central directory record (truncated or damaged)");
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) {
    throw new InputError("unsupported", "The ZIP is in ZIP64 form, which an OFD of reports never needs");
  }
  if (count > MAX_ZIP_ENTRIES) {
    throw new InputError("too_large", `The ZIP lists ${count} files, more than ${MAX_ZIP_ENTRIES}`);
  }
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) {
      throw new InputError("corrupt", `The ZIP's central directory is damaged at entry ${i + 1} of ${count}`);
    }
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const raw = bytes.subarray(at + 46, at + 46 + nameLength);
    entries.push({
      name: decodeName(raw, (flags & 0x800) !== 0),
      method: view.getUint16(at + 10, true),
      flags,
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      headerOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The bytes of one entry, inflated as a stream that counts what it really yields: past `maxBytes` it is
 * `too_large` whatever the headers say. An entry whose data runs past the end of the file is `corrupt`.
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  if ((entry.flags & 1) !== 0) throw new InputError("encrypted", `${entry.name} is encrypted in the ZIP`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.headerOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) {
    throw new InputError("corrupt", `${entry.name}: its local header is missing (truncated or damaged ZIP)`);
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new InputError("corrupt", `${entry.name} ends past the end of the ZIP (truncated)`);
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (data.length > maxBytes) throw tooLarge(entry.name, maxBytes);
    return data;
  }
  if (entry.method !== 8) {
    throw new InputError("unsupported", `${entry.name} is compressed with ZIP method ${entry.method}, not Deflate`);
  }
  return inflateCapped(entry.name, data, maxBytes);
}

function inflateCapped(name: string, data: Uint8Array, maxBytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let finished = false;
  const inflate = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > maxBytes) throw tooLarge(name, maxBytes);
    chunks.push(chunk);
    if (final) finished = true;
  });
  try {
    for (let at = 0; at < data.length && !finished; at += PUSH_BYTES) {
      inflate.push(data.subarray(at, at + PUSH_BYTES), at + PUSH_BYTES >= data.length);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError("corrupt", `${name} cannot be inflated: ${(error as Error).message}`, { cause: error });
  }
  if (!finished) throw new InputError("corrupt", `${name} ends before its compressed data does (truncated)`);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function tooLarge(name: string, maxBytes: number): InputError {
  return new InputError("too_large", `${name} inflates to more than ${maxBytes / 1024 / 1024} MiB (a ZIP bomb?)`);
}

/** The end of central directory record (PK 05 06) in the last 64 KiB + 22 bytes, as every ZIP ends; -1 if none. */
function findEndOfDirectory(bytes: Uint8Array): number {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === 0x05 && bytes[at + 3] === 0x06) return at;
  }
  return -1;
}

/** Entry names: UTF-8 when flagged, or when the bytes are valid UTF-8 (most Chinese writers set no flag); else GBK. */
function decodeName(raw: Uint8Array, flaggedUtf8: boolean): string {
  if (flaggedUtf8) return new TextDecoder().decode(raw);
  try {
    return utf8.decode(raw);
  } catch {
    return gb18030.decode(raw);
  }
}
