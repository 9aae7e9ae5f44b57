import { readdir, stat } from "node:fs/promises";
import { basename, extname, join, relative } from "node:path";
import { UsageError } from "../errors.js";

export interface PlannedInput {
  /** Path of the input as found. */
  readonly path: string;
  /** Output path relative to the output folder (`<stem>.json`, or the input's path under its folder). */
  readonly outRelative: string;
}

const INPUT_EXTENSIONS = new Set([".pdf"]);

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
  return planned;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(full)));
    else if (entry.isFile() && INPUT_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push(full);
  }
  return files;
}

function withJson(path: string): string {
  const ext = extname(path);
  return `${ext ? path.slice(0, -ext.length) : path}.json`;
}
