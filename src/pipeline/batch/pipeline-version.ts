import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

/**
 * `<package version>+<12 hex digits>`: the digits hash the code that produces an output (every module of
 * gongkai's own code folder: `dist/*.js` for the built bin, `src/*.ts` from source) and the versions of
 * the parsing dependencies. Any change to the pipeline's code or to pdf.js gives a new version, so a
 * resumed batch redoes the inputs an older pipeline finished. Built and source runs hash different files,
 * so switching between them also redoes everything: conservative, never stale.
 */
export async function computePipelineVersion(): Promise<string> {
  const pkg = require("../../../package.json") as { version: string };
  const codeRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");
  const hash = createHash("sha256");
  for (const file of (await listCode(codeRoot)).sort()) {
    hash.update(`${relative(codeRoot, file)}\0`);
    hash.update(await readFile(file));
    hash.update("\0");
  }
  for (const dep of ["pdfjs-dist", "zod"]) {
    const version = (require(`${dep}/package.json`) as { version: string }).version;
    hash.update(`${dep}@${version}\0`);
  }
  return `${pkg.version}+${hash.digest("hex").slice(0, 12)}`;
}

async function listCode(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listCode(full)));
    else if (/\.(js|ts|json)$/.test(entry.name) && !/\.d\.ts$/.test(entry.name)) files.push(full);
  }
  return files;
}
