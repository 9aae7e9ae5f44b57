import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

const TEMP_SUFFIX = /\.\d+\.tmp$/;

/** Writes a file through a temp file beside it and a rename: readers see the old file or the whole new one. */
export async function writeAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, text);
  await rename(temp, path);
}

/** Deletes temp files a killed run left in the output folder (`<name>.<pid>.tmp`); creates the folder. */
export async function removeStaleTemps(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) await removeStaleTemps(full);
    else if (TEMP_SUFFIX.test(entry.name)) await rm(full, { force: true });
  }
}
