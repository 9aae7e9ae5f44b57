import { readdir, stat } from "node:fs/promises";
import { basename, dirname, extname, resolve, sep } from "node:path";
import { UsageError } from "../errors.js";
import { decodeFileName, type FsPath, shortenName } from "../stages/ingest/index.js";
import { WORK_DIR } from "./batch/write-atomic.js";

export interface PlannedInput {
  /** Path of the input as found, for people: the manifest's `file` (a non-UTF-8 name decoded, see file-name.ts). */
  readonly path: string;
  /** The same path as `fs` takes it: `path` itself, or its raw bytes when a name in it is not UTF-8. */
  readonly fsPath: FsPath;
  /** Output path relative to the output folder (`<stem>.json`, or the input's path under its folder). */
  readonly outRelative: string;
}

/** A folder entry that was not collected, and why (printed in the summary: nothing disappears silently). */
export interface SkippedEntry {
  readonly path: string;
  readonly reason: string;
}

const INPUT_EXTENSIONS = new Set([".pdf"]);
/** Web pages and Word documents (issue 6), read from their markup. */
for (const ext of [".html", ".htm", ".docx"]) INPUT_EXTENSIONS.add(ext);
/** OFD (GB/T 33190-2016), the national fixed-layout format (issue 15). */
INPUT_EXTENSIONS.add(".ofd");
/** Word 97–2003 and WPS Office documents, web archives (issue 15). */
for (const ext of [".doc", ".wps", ".mht", ".mhtml"]) INPUT_EXTENSIONS.add(ext);
/** Page images (scans) read by OCR (issue 3). */
const IMAGE_EXTENSIONS = [".png", ".jpg", ".jpeg", ".tif", ".tiff"];
for (const ext of IMAGE_EXTENSIONS) INPUT_EXTENSIONS.add(ext);

/** The extensions a folder walk collects (lower case, sorted), for help texts and the output contract. */
export const COLLECTED_EXTENSIONS: readonly string[] = [...INPUT_EXTENSIONS].sort();

/** Files of the run itself at the top of the output folder: no input's output may take these names. */
export const RUN_FILES = ["manifest.jsonl", "cross-report.json"] as const;

/** Symbolic links to folders are followed this deep at most (with a loop check on the way). */
const MAX_DEPTH = 64;

/**
 * Inputs named on the command line: a file maps to `<stem>.json`; a folder is walked recursively, following
 * symbolic links (a link back to a folder on the way is a loop and is skipped), each file keeping its
 * relative path (archives repeat file names across agency folders). Names are read as bytes, so a GBK name
 * is found and read. Sorted, so a run is reproducible; output paths depend on the input set only (not on
 * the working folder). Entries not collected are passed to `onSkip`.
 */
export async function collectInputs(
  args: readonly string[],
  onSkip: (entry: SkippedEntry) => void = () => undefined,
): Promise<PlannedInput[]> {
  const found: Found[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => null);
    if (!info) throw new UsageError(`Expected an existing file or folder, got \`${arg}\``);
    if (info.isDirectory()) {
      const root = Buffer.from(arg);
      const files: Buffer[] = [];
      await walk(root, files, [`${info.dev}:${info.ino}`], onSkip);
      for (const file of files.sort(Buffer.compare)) {
        const rel = file.subarray(root.length + (root.at(-1) === 0x2f ? 0 : 1));
        found.push({ raw: file, components: splitBytes(rel).map(decodeFileName), fromFolder: true });
      }
    } else found.push({ raw: Buffer.from(arg), components: [basename(arg)], fromFolder: false });
  }
  return assignOutputs(dedupe(found));
}

interface Found {
  /** The path's bytes. */
  readonly raw: Buffer;
  /** The decoded components the output path is made of (relative to the folder named, or the base name). */
  readonly components: readonly string[];
  readonly fromFolder: boolean;
}

/** The same file named twice (the same path bytes) is extracted once. */
function dedupe(found: readonly Found[]): Found[] {
  const seen = new Set<string>();
  return found.filter((f) => {
    const key = f.fromFolder ? f.raw.toString("latin1") : resolve(f.raw.toString());
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Two inputs must never write the same output, and no output may take a run file's name: files named on the
 * command line that share a name (`a/2023年报.pdf b/2023年报.pdf`) keep their path below the folder the
 * clashing files have in common; a top-level name equal to a run file's gets a leading `_`; a name still
 * taken (or taken by a folder of outputs) is numbered `-2`, `-3` … in input order.
 */
function assignOutputs(found: readonly Found[]): PlannedInput[] {
  const wanted: (readonly string[])[] = found.map((f) => f.components);
  const loose = found.flatMap((f, i) => (f.fromFolder ? [] : [i]));
  const byName = new Map<string, number[]>();
  for (const i of loose) {
    const name = withJson(found[i]?.components[0] ?? "");
    byName.set(name, [...(byName.get(name) ?? []), i]);
  }
  const folderOuts = new Set(found.filter((f) => f.fromFolder).map((f) => withJson(f.components.join("/"))));
  for (const [name, group] of byName) {
    if (group.length === 1 && !folderOuts.has(name)) continue;
    const absolute = group.map((i) => resolve((found[i] as Found).raw.toString()));
    const common = commonFolder(absolute);
    for (const [k, i] of group.entries()) {
      wanted[i] = (absolute[k] as string).slice(common.length).split(sep).filter(Boolean);
    }
  }
  const outs = wanted.map((components) => toOutPath(components));
  const folders = new Set<string>();
  for (const out of outs) {
    const parts = out.split("/");
    for (let n = 1; n < parts.length; n++) folders.add(parts.slice(0, n).join("/"));
  }
  const taken = new Set<string>(RUN_FILES);
  return found.map((f, i) => {
    const base = outs[i] as string;
    let out = base;
    for (let n = 2; taken.has(out) || folders.has(out); n++) out = base.replace(/\.json$/, `-${n}.json`);
    taken.add(out);
    const text = f.raw.toString();
    const utf8 = Buffer.from(text).equals(f.raw);
    const path = utf8 ? text : decodedPath(f);
    return { path, fsPath: utf8 ? text : Buffer.from(f.raw), outRelative: out.split("/").join(sep) };
  });
}

/** `components` as a `/`-separated output path: each name shortened to fit, the file's with `.json`. */
function toOutPath(components: readonly string[]): string {
  const parts = components.map((c, i) => (i === components.length - 1 ? withJson(c) : shortenName(c)));
  const first = parts[0] ?? "";
  if (RUN_FILES.some((name) => name === first.toLowerCase()) || first === WORK_DIR) parts[0] = `_${first}`;
  return parts.join("/");
}

function decodedPath(f: Found): string {
  const parts = splitBytes(f.raw).map((part) => decodeFileName(part));
  return (f.raw.at(0) === 0x2f ? "/" : "") + parts.join("/");
}

function commonFolder(paths: readonly string[]): string {
  let common = dirname(paths[0] ?? "/");
  while (!paths.every((p) => p.startsWith(common.endsWith(sep) ? common : common + sep))) common = dirname(common);
  return common.endsWith(sep) ? common : common + sep;
}

async function walk(dir: Buffer, files: Buffer[], ancestors: readonly string[], onSkip: (e: SkippedEntry) => void) {
  const show = (path: Buffer) => (path.at(0) === 0x2f ? "/" : "") + splitBytes(path).map(decodeFileName).join("/");
  let entries: Awaited<ReturnType<typeof readdirBytes>>;
  try {
    entries = await readdirBytes(dir);
  } catch (error) {
    onSkip({ path: show(dir), reason: `folder not readable (${(error as NodeJS.ErrnoException).code ?? error})` });
    return;
  }
  const names = entries.map((e) => decodeFileName(e.name));
  for (const [index, entry] of entries.entries()) {
    const name = names[index] as string;
    const full = Buffer.concat([dir, dir.at(-1) === 0x2f ? Buffer.alloc(0) : Buffer.from("/"), entry.name]);
    let isDir = entry.isDirectory();
    let id = "";
    if (entry.isSymbolicLink() || isDir) {
      const info = await stat(full).catch((error: NodeJS.ErrnoException) => error);
      if (info instanceof Error) {
        onSkip({ path: show(full), reason: `broken symbolic link (${info.code ?? info.message})` });
        continue;
      }
      isDir = info.isDirectory();
      id = `${info.dev}:${info.ino}`;
    }
    if (isDir) {
      if (isSavedPageAssets(name, names, entries)) continue;
      if (ancestors.includes(id)) onSkip({ path: show(full), reason: "symbolic link loop (a folder it is in)" });
      else if (ancestors.length >= MAX_DEPTH)
        onSkip({ path: show(full), reason: `more than ${MAX_DEPTH} levels deep` });
      else await walk(full, files, [...ancestors, id], onSkip);
    } else if (INPUT_EXTENSIONS.has(extname(name).toLowerCase())) files.push(full);
  }
}

function readdirBytes(dir: Buffer) {
  return readdir(dir, { withFileTypes: true, encoding: "buffer" });
}

/**
 * The resource folder a browser or Word writes beside a saved page (`report_files/`, `report.files/` next to
 * `report.html`): its .htm fragments (header.htm, filelist.xml …) are parts of that page, not reports.
 */
function isSavedPageAssets(
  name: string,
  names: readonly string[],
  entries: readonly { isDirectory(): boolean }[],
): boolean {
  const stem = /^(.*)[._]files$/i.exec(name)?.[1];
  if (stem === undefined) return false;
  return names.some(
    (s, i) => !entries[i]?.isDirectory() && /^\.html?$/i.test(extname(s)) && s.slice(0, -extname(s).length) === stem,
  );
}

function splitBytes(path: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i <= path.length; i++) {
    if (i === path.length || path[i] === 0x2f) {
      if (i > start) parts.push(path.subarray(start, i));
      start = i + 1;
    }
  }
  return parts;
}

/** `name` with its extension replaced by `.json`, shortened to fit a file system's name limit. */
function withJson(name: string): string {
  const ext = extname(name);
  return `${shortenName(ext ? name.slice(0, -ext.length) : name, 10)}.json`;
}
