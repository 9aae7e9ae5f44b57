import { readdir, stat } from "node:fs/promises";
import { basename, extname, join, relative, resolve } from "node:path";
import { UsageError } from "../errors.js";

export interface PlannedInput {
  /** Path of the input as found. */
  readonly path: string;
  /** Output path relative to the output folder (`<stem>.json`, or the input's path under its folder). */
  readonly outRelative: string;
}

const INPUT_EXTENSIONS = new Set([".pdf"]);
/** Web pages and Word documents (issue 6), read from their markup. */
for (const ext of [".html", ".htm", ".docx"]) INPUT_EXTENSIONS.add(ext);
/** Page images (scans) read by OCR (issue 3). */
const IMAGE_EXTENSIONS = [".png", ".jpg", ".jpeg", ".tif", ".tiff"];
for (const ext of IMAGE_EXTENSIONS) INPUT_EXTENSIONS.add(ext);

/**
 * Inputs named on the command line: a file maps to `<stem>.json`; a folder is walked recursively for
 * PDFs, each keeping its relative path (archives repeat file names across agency folders). Sorted, so a
 * run is reproducible.
 */
export async function collectInputs(args: readonly string[]): Promise<PlannedInput[]> {
  const planned: PlannedInput[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => null);
    if (!info) throw new UsageError(`Expected an existing file or folder, got \`${arg}\``);
    if (info.isDirectory()) {
      for (const file of (await walk(arg)).sort()) {
        planned.push({ path: file, outRelative: withJson(relative(arg, file)) });
      }
    } else planned.push({ path: arg, outRelative: withJson(basename(arg)) });
  }
  return disambiguate(planned);
}

/**
 * Two inputs must never write the same output: files named on the command line that share a name
 * (`a/2023年报.pdf b/2023年报.pdf`) keep their path relative to the working folder instead.
 */
function disambiguate(planned: readonly PlannedInput[]): PlannedInput[] {
  const counts = new Map<string, number>();
  for (const p of planned) counts.set(p.outRelative, (counts.get(p.outRelative) ?? 0) + 1);
  const seen = new Set<string>();
  const unique = planned.flatMap((p) => {
    let out = p.outRelative;
    if ((counts.get(out) ?? 0) > 1) {
      out = withJson(
        relative(process.cwd(), resolve(p.path))
          .replace(/^(\.\.[/\\])+/, "")
          .replace(/^[/\\]+/, ""),
      );
    }
    if (seen.has(resolve(p.path))) return []; // the same file named twice is extracted once
    seen.add(resolve(p.path));
    return [{ ...p, outRelative: out }];
  });
  // Renamed outputs can still meet another input's: number the later ones.
  const taken = new Set<string>();
  return unique.map((p) => {
    let out = p.outRelative;
    for (let n = 2; taken.has(out); n++) out = p.outRelative.replace(/\.json$/, `-${n}.json`);
    taken.add(out);
    return out === p.outRelative ? p : { ...p, outRelative: out };
  });
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!isSavedPageAssets(entry.name, entries)) files.push(...(await walk(full)));
    } else if (entry.isFile() && INPUT_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push(full);
  }
  return files;
}

/**
 * The resource folder a browser or Word writes beside a saved page (`report_files/`, `report.files/` next to
 * `report.html`): its .htm fragments (header.htm, filelist.xml …) are parts of that page, not reports.
 */
function isSavedPageAssets(name: string, siblings: readonly { name: string; isFile(): boolean }[]): boolean {
  const stem = /^(.*)[._]files$/i.exec(name)?.[1];
  if (stem === undefined) return false;
  return siblings.some(
    (s) => s.isFile() && /^\.html?$/i.test(extname(s.name)) && s.name.slice(0, -extname(s.name).length) === stem,
  );
}

function withJson(path: string): string {
  const ext = extname(path);
  return `${ext ? path.slice(0, -ext.length) : path}.json`;
}
