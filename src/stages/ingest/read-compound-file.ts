import { createRequire } from "node:module";
import type * as CFB from "cfb";
import { describeError, InputError } from "../../errors.js";

const require = createRequire(import.meta.url);
let cfb: typeof CFB | null = null;

/**
 * The `cfb` package, loaded on the first compound file: the ingest stage is loaded by every process (the batch
 * process, a document process reading PDFs), and cfb builds its deflate tables as it loads.
 */
function loadCfb(): typeof CFB {
  cfb ??= require("cfb") as typeof CFB;
  return cfb;
}

/**
 * The streams of an OLE compound file (CFB: Word 97–2003 .doc, WPS Office .wps, Excel .xls …) by their
 * names at the root, read with the `cfb` package. The container is checked before it is trusted: a header
 * that says the file holds more sectors than it has bytes for is a truncated file.
 */
export interface CompoundFile {
  /** Root-level stream names as stored (`WordDocument`, `1Table`, `Data`, `EncryptionInfo` …). */
  readonly names: readonly string[];
  /**
   * A root-level stream's bytes, or null when there is none of that name. Names compare without regard to case,
   * as MS-CFB 2.6.4 orders and finds them (some writers store `worddocument` or `WORDDOCUMENT`).
   */
  readonly stream: (name: string) => Uint8Array | null;
}

/** The CFB signature (MS-CFB 2.2): D0 CF 11 E0 A1 B1 1A E1. */
export const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

/** Reads the container; throws `InputError` (`corrupt`) when it is truncated or its structure is broken. */
export function readCompoundFile(bytes: Uint8Array): CompoundFile {
  checkHeader(bytes);
  checkDirectoryTree(bytes);
  let container: CFB.CFB$Container;
  try {
    container = loadCfb().read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: "buffer" });
  } catch (error) {
    throw new InputError("corrupt", `The compound file (OLE container) cannot be read: ${describeError(error)}`);
  }
  const streams = new Map<string, Uint8Array>();
  const names: string[] = [];
  container.FileIndex.forEach((entry, i) => {
    const path = container.FullPaths[i] ?? "";
    // Root-level streams only: "Root Entry/WordDocument" (storages end in "/").
    const parts = path.split("/").filter(Boolean);
    if (entry.type !== 2 || parts.length !== 2) return;
    const content = entry.content as Uint8Array | number[] | undefined;
    const bytes = content instanceof Uint8Array ? content : Uint8Array.from(content ?? []);
    names.push(entry.name);
    if (!streams.has(entry.name.toUpperCase())) streams.set(entry.name.toUpperCase(), bytes);
  });
  return { names, stream: (name) => streams.get(name.toUpperCase()) ?? null };
}

/**
 * MS-CFB 2.2 header checks that the reader does not make: the signature, a sector size of 512 or 4096 bytes,
 * and a file long enough for the FAT sectors the header counts (a file cut short is `corrupt`, never a
 * document read from whatever zeros lie past its end).
 */
function checkHeader(bytes: Uint8Array): void {
  if (bytes.length < 512 || !CFB_SIGNATURE.every((b, i) => bytes[i] === b)) {
    throw new InputError("corrupt", `The compound file is cut short: ${bytes.length} bytes, less than its header`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorShift = view.getUint16(0x1e, true);
  if (sectorShift !== 9 && sectorShift !== 12) {
    throw new InputError(
      "corrupt",
      `The compound file declares sectors of 2^${sectorShift} bytes (512 or 4096 expected)`,
    );
  }
  const sectorSize = 1 << sectorShift;
  const fatSectors = view.getUint32(0x2c, true);
  // Each FAT sector maps sectorSize / 4 sectors; the file must be long enough for the last FAT sector it lists.
  const headerFat = Math.min(fatSectors, 109);
  let lastFat = -1;
  for (let i = 0; i < headerFat; i++) lastFat = Math.max(lastFat, view.getUint32(0x4c + 4 * i, true));
  const needed = sectorSize * (lastFat + 2);
  if (lastFat >= 0 && lastFat < 0xfffffffa && needed > bytes.length) {
    throw new InputError(
      "corrupt",
      `The compound file is cut short: its allocation table needs ${needed} bytes, the file has ${bytes.length}`,
    );
  }
}

/** Directory entries and sectors walked at most: a compound file of reports holds tens of streams. */
const MAX_DIRECTORY_ENTRIES = 100_000;
/** MS-CFB sector ids that end a chain or mark a free or special sector (and NOSTREAM for a tree link). */
const MAX_REGULAR_SECTOR = 0xfffffff9;
const NO_STREAM = 0xffffffff;

/**
 * The directory's red-black tree (MS-CFB 2.6.4) must be a tree: the `cfb` package walks its sibling and child
 * links without a guard, and a link back to an entry on the way (a hostile or damaged file) made it grow its
 * paths until the document process ran out of memory. A link to an entry seen before, or past the directory's
 * end, or a directory chain that loops, is `corrupt`.
 */
function checkDirectoryTree(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorSize = 1 << view.getUint16(0x1e, true);
  const sectorAt = (id: number) => (id + 1) * sectorSize;
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) fatSectors.push(view.getUint32(0x4c + 4 * i, true));
  let difat = view.getUint32(0x44, true);
  const seenDifat = new Set<number>();
  while (difat <= MAX_REGULAR_SECTOR && sectorAt(difat) + sectorSize <= bytes.length && !seenDifat.has(difat)) {
    seenDifat.add(difat);
    for (let i = 0; i < sectorSize / 4 - 1; i++) fatSectors.push(view.getUint32(sectorAt(difat) + 4 * i, true));
    difat = view.getUint32(sectorAt(difat) + sectorSize - 4, true);
  }
  const next = (id: number): number => {
    const fat = fatSectors[Math.floor(id / (sectorSize / 4))];
    if (fat === undefined || fat > MAX_REGULAR_SECTOR) return NO_STREAM;
    const at = sectorAt(fat) + 4 * (id % (sectorSize / 4));
    return at + 4 <= bytes.length ? view.getUint32(at, true) : NO_STREAM;
  };
  const directory: number[] = [];
  const seenSectors = new Set<number>();
  for (let id = view.getUint32(0x30, true); id <= MAX_REGULAR_SECTOR; id = next(id)) {
    if (seenSectors.has(id)) throw corruptDirectory("its directory's sector chain loops");
    if (sectorAt(id) + sectorSize > bytes.length) throw corruptDirectory("its directory runs past the end of the file");
    seenSectors.add(id);
    for (let at = sectorAt(id); at < sectorAt(id) + sectorSize; at += 128) directory.push(at);
    if (directory.length > MAX_DIRECTORY_ENTRIES) throw corruptDirectory("its directory has no end");
  }
  if (directory.length === 0) throw corruptDirectory("it has no directory");
  const link = (entry: number, offset: number) => view.getUint32((directory[entry] as number) + offset, true);
  const seen = new Set<number>([0]);
  const stack = [link(0, 0x4c)];
  while (stack.length > 0) {
    const entry = stack.pop() as number;
    if (entry === NO_STREAM) continue;
    if (entry >= directory.length) throw corruptDirectory(`an entry links to entry ${entry}, past its directory`);
    if (seen.has(entry)) throw corruptDirectory(`its directory tree links back to entry ${entry} (a loop)`);
    seen.add(entry);
    stack.push(link(entry, 0x44), link(entry, 0x48), link(entry, 0x4c));
  }
}

function corruptDirectory(why: string): InputError {
  return new InputError("corrupt", `The compound file (OLE container) is damaged: ${why}`);
}
