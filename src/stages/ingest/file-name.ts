import { createHash } from "node:crypto";

/**
 * File names as archives hold them. Linux names are bytes: an archive unzipped from Windows keeps its GBK
 * names, which are not UTF-8. gongkai reads such a file through its raw bytes (`Buffer` paths) and shows
 * and writes a decoded name: UTF-8 when the bytes are UTF-8, else GB18030 (a superset of GBK), else the bytes
 * ≥ 0x80 written as `%XX` (so two different names never decode to one).
 */
const utf8 = new TextDecoder("utf-8", { fatal: true });
const gb18030 = new TextDecoder("gb18030", { fatal: true });

export function decodeFileName(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    // not UTF-8: try the Chinese Windows code page
  }
  try {
    return gb18030.decode(bytes);
  } catch {
    return Array.from(bytes, (b) => (b < 0x80 ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase()}`)).join("");
  }
}

/** A path as given to `fs`: a string, or the raw bytes of a name that is not UTF-8. */
export type FsPath = string | Buffer;

/** The last component of a path given as a string or as bytes, decoded for display. */
export function fileNameOf(path: FsPath): string {
  if (typeof path === "string") return path.slice(path.lastIndexOf("/") + 1);
  const bytes = Uint8Array.from(path);
  return decodeFileName(bytes.subarray(bytes.lastIndexOf(0x2f) + 1));
}

/**
 * Most file systems cap a name at 255 bytes. Output names get a suffix (`.json`, `-2`) and pass through a
 * decoding that can lengthen them (GBK's 2 bytes a character become UTF-8's 3), so a name longer than this is
 * cut on a character boundary and given a hash of the whole name: deterministic, and distinct names stay
 * distinct. The full name stays in the output's `source.file` and the manifest's `file`.
 */
export const MAX_NAME_BYTES = 200;

/** `name` (without extension) shortened to at most `MAX_NAME_BYTES - reserve` UTF-8 bytes, see above. */
export function shortenName(name: string, reserve = 0): string {
  const limit = MAX_NAME_BYTES - reserve;
  if (Buffer.byteLength(name) <= limit) return name;
  const hash = createHash("sha256").update(name).digest("hex").slice(0, 10);
  const keep = limit - hash.length - 1;
  let cut = "";
  let bytes = 0;
  for (const char of name) {
    const size = Buffer.byteLength(char);
    if (bytes + size > keep) break;
    cut += char;
    bytes += size;
  }
  return `${cut}~${hash}`;
}
