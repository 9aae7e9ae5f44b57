import type { Stats } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { UsageError } from "../errors.js";
import { decodeFileName } from "../stages/ingest/index.js";

/**
 * Node decodes the command line as UTF-8: the bytes of a name that is not UTF-8 (a GBK name from an archive
 * unzipped as Windows wrote it) reach `process.argv` as U+FFFD, and no file has that name. Such an argument is
 * found again by its bytes: the process's own command line as the kernel keeps it (`/proc/self/cmdline`, when
 * gongkai's bin was started directly), else, component by component, the one folder entry whose name decodes to
 * what Node was given (as it would through `npx`, which passes the decoded text on).
 */
const REPLACED = "\uFFFD";
const lossy = new TextDecoder("utf-8");

/** An argument found on disk: its bytes (as `fs` takes them) and what `stat` said. */
export interface ArgumentPath {
  readonly raw: Buffer;
  readonly info: Stats;
}

/**
 * The file or folder an argument names, or null when there is none. Throws `UsageError` when a name that was
 * not UTF-8 matches several entries of its folder (names that differ only in the bytes Node replaced).
 */
export async function findArgumentPath(arg: string): Promise<ArgumentPath | null> {
  const info = await stat(arg).catch(() => null);
  if (info) return { raw: Buffer.from(arg), info };
  if (!arg.includes(REPLACED)) return null;
  for (const raw of await commandLineBytes()) {
    if (lossy.decode(raw) !== arg) continue;
    const found = await stat(raw).catch(() => null);
    if (found) return { raw, info: found };
  }
  const raw = await matchComponents(arg);
  if (raw === null) return null;
  const found = await stat(raw).catch(() => null);
  return found ? { raw, info: found } : null;
}

/** The arguments of this process as the kernel holds them (Linux), or none where that cannot be read. */
async function commandLineBytes(): Promise<Buffer[]> {
  const bytes = await readFile("/proc/self/cmdline").catch(() => null);
  if (!bytes) return [];
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0) continue;
    parts.push(bytes.subarray(start, i));
    start = i + 1;
  }
  return parts;
}

/** The path whose components decode (with U+FFFD for bytes that are not UTF-8) to those of `arg`, or null. */
async function matchComponents(arg: string): Promise<Buffer | null> {
  const absolute = arg.startsWith("/");
  let path: Buffer = Buffer.from(absolute ? "/" : "");
  for (const component of arg.split("/").filter((c) => c !== "")) {
    let name: Buffer = Buffer.from(component);
    if (component.includes(REPLACED)) {
      const dir = path.length === 0 ? Buffer.from(".") : path;
      const entries = await readdir(dir, { encoding: "buffer" }).catch(() => [] as Buffer[]);
      const matches = entries.filter((entry) => lossy.decode(entry) === component);
      if (matches.length === 0) return null;
      if (matches.length > 1) {
        const names = matches.map((m) => `\`${decodeFileName(m)}\``).join(", ");
        throw new UsageError(
          `\`${arg}\` names a file whose name is not UTF-8, and ${matches.length} entries of its folder fit it (${names}): name the folder instead (gongkai reads every name in a folder as bytes), or rename the files to UTF-8 (convmv -f gbk -t utf-8 -r --notest <folder>)`,
        );
      }
      name = matches[0] as Buffer;
    }
    path = Buffer.concat([path, path.length === 0 || path.at(-1) === 0x2f ? Buffer.alloc(0) : Buffer.from("/"), name]);
  }
  return path.length === 0 ? null : path;
}

/** The usage message for an argument that names nothing. */
export function missingArgumentMessage(arg: string): string {
  const base = `Expected an existing file or folder, got \`${arg}\``;
  if (!arg.includes(REPLACED)) return base;
  return `${base}: the name holds bytes that are not UTF-8 (a GBK name from an archive unzipped on Linux?) and no file fits it. Name its folder instead (gongkai reads every name in a folder as bytes), or rename the files to UTF-8 (convmv -f gbk -t utf-8 -r --notest <folder>)`;
}
