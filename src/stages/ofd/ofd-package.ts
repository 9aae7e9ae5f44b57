import { InputError } from "../../errors.js";
import { listZipEntries, readZipEntry, type ZipEntry } from "./zip-entries.js";

/** One part of an OFD (an XML file, an image) inflates to at most this: a page's XML is well under 10 MiB. */
export const MAX_PART_BYTES = 64 * 1024 * 1024;
/** All parts read from one OFD together: past this the document is `too_large` (many parts, each under the cap). */
export const MAX_PACKAGE_BYTES = 512 * 1024 * 1024;

/** Where a reference led: a part of the package, or why it was refused or not found. */
export type Located = { readonly path: string } | { readonly refused: string };

/**
 * The files of an OFD package (GB/T 33190-2016 §7.2: a ZIP; paths inside it are "ST_Loc": absolute from the
 * package root when they start with `/`, else relative to the folder of the file that names them). Parts are
 * inflated on demand and counted against one budget. References never leave the package: a URL, a drive
 * letter or a `..` above the root is refused, never opened.
 */
export class OfdPackage {
  readonly #bytes: Uint8Array;
  readonly #entries = new Map<string, ZipEntry>();
  /** Lower-case path → path, for producers whose references and part names differ in case. */
  readonly #folded = new Map<string, string>();
  #read = 0;

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
    for (const entry of listZipEntries(bytes)) {
      if (entry.name.endsWith("/")) continue;
      const path = normalizeParts(entry.name.replace(/\\/g, "/").split("/"));
      if (path === null || this.#entries.has(path)) continue;
      this.#entries.set(path, entry);
      if (!this.#folded.has(path.toLowerCase())) this.#folded.set(path.toLowerCase(), path);
    }
  }

  /** Part paths, as stored (normalised: no leading `/`, `/` separators). */
  get paths(): string[] {
    return [...this.#entries.keys()];
  }

  has(path: string): boolean {
    return this.#entries.has(path);
  }

  /**
   * The part a reference names, from the folder `base` (a package path, `""` for the root). Tried: the
   * reference as the standard reads it; then, for producers that write root-relative paths without the `/`,
   * relative to the root; then `fallbackBases` (e.g. the document's folder); then the same in any letter case.
   */
  locate(reference: string, base: string, fallbackBases: readonly string[] = []): Located {
    const ref = reference.trim().replace(/\\/g, "/");
    if (ref === "") return { refused: "an empty reference" };
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) return { refused: `${ref} points outside the package` };
    if (ref.startsWith("//")) return { refused: `${ref} points outside the package` };
    const candidates = ref.startsWith("/") ? [[ref]] : [[base, ref], [ref], ...fallbackBases.map((b) => [b, ref])];
    let escaped = false;
    const tried: string[] = [];
    for (const parts of candidates) {
      const path = normalizeParts(parts.join("/").split("/"));
      if (path === null) {
        escaped = true;
        continue;
      }
      tried.push(path);
      if (this.#entries.has(path)) return { path };
    }
    for (const path of tried) {
      const folded = this.#folded.get(path.toLowerCase());
      if (folded !== undefined) return { path: folded };
    }
    if (escaped && tried.length === 0) return { refused: `${ref} climbs above the package root` };
    return { refused: `${ref} is not in the package` };
  }

  /** A part's bytes, inflated under the caps (`too_large` past them, `corrupt` when damaged). */
  read(path: string): Uint8Array {
    const entry = this.#entries.get(path);
    if (entry === undefined) throw new InputError("corrupt", `${path} is not in the package`);
    const bytes = readZipEntry(this.#bytes, entry, MAX_PART_BYTES);
    this.#read += bytes.length;
    if (this.#read > MAX_PACKAGE_BYTES) {
      throw new InputError(
        "too_large",
        `The OFD's parts inflate to more than ${MAX_PACKAGE_BYTES / 1024 / 1024} MiB together (a ZIP bomb?)`,
      );
    }
    return bytes;
  }
}

/** The folder of a package path (`""` at the root). */
export function folderOf(path: string): string {
  const at = path.lastIndexOf("/");
  return at < 0 ? "" : path.slice(0, at);
}

/** `a/./b/../c` → `a/c`; null when `..` climbs above the root. Leading and doubled slashes are dropped. */
function normalizeParts(parts: readonly string[]): string | null {
  const out: string[] = [];
  for (const part of parts) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(part);
  }
  return out.join("/");
}
