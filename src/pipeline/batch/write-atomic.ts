import { createHash } from "node:crypto";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

/**
 * gongkai's own folder inside an output folder. Temp files live there, never beside the outputs: a temp name
 * never outgrows the file system's name limit (it is a hash), and the start-up clean-up removes only what
 * gongkai wrote, even when `--out` is a folder of the user's.
 */
export const WORK_DIR = ".gongkai";
const TEMP_DIR = join(WORK_DIR, "tmp");
const TEMP_NAME = /^[0-9a-f]{16}\.\d+\.tmp$/;

/**
 * Writes `<root>/<relative>` through a temp file in `<root>/.gongkai/tmp` and a rename: readers see the old
 * file or the whole new one. `root` is the output folder (one file system, so the rename is atomic).
 */
export async function writeAtomic(root: string, relative: string, text: string): Promise<void> {
  const path = join(root, relative);
  const tempDir = join(root, TEMP_DIR);
  await mkdir(dirname(path), { recursive: true });
  await mkdir(tempDir, { recursive: true });
  const temp = join(tempDir, `${createHash("sha256").update(relative).digest("hex").slice(0, 16)}.${process.pid}.tmp`);
  await writeFile(temp, text);
  await rename(temp, path);
}

/** Deletes the temp files a killed run left (`<root>/.gongkai/tmp/<hash>.<pid>.tmp`); creates the folder. */
export async function removeStaleTemps(root: string): Promise<void> {
  await mkdir(root, { recursive: true });
  const entries = await readdir(join(root, TEMP_DIR)).catch(() => [] as string[]);
  for (const name of entries) if (TEMP_NAME.test(name)) await rm(join(root, TEMP_DIR, name), { force: true });
}
