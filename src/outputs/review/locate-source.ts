import { dirname, isAbsolute, join, parse, resolve } from "node:path";
import type { InputKind } from "../../stages/ingest/index.js";
import { readInput } from "../../stages/ingest/index.js";
import type { ExtractedDir, ExtractedReport } from "../extracted/index.js";

export type SourceLocation =
  | { readonly found: true; readonly path: string; readonly bytes: Uint8Array; readonly kind: InputKind }
  | { readonly found: false; readonly reason: string };

/**
 * Finds a report's source file and checks it is the one extracted (same sha256). Tried in order: under
 * `inputs`, the output's relative folder + the source file name, then the file name alone; then the input paths
 * manifest.jsonl recorded for that sha256 (absolute, or relative to the working directory).
 */
export async function locateSource(
  report: ExtractedReport,
  extracted: ExtractedDir,
  inputs: string | undefined,
): Promise<SourceLocation> {
  const { file, sha256 } = report.output.source;
  const candidates: string[] = [];
  if (inputs !== undefined) {
    const folder = dirname(report.file);
    if (folder !== ".") candidates.push(join(inputs, folder, file));
    candidates.push(join(inputs, file));
  }
  for (const line of extracted.manifest) {
    if (line.sha256 !== sha256) continue;
    if (isAbsolute(line.file)) candidates.push(line.file);
    else for (const base of relativeBases(extracted.dir)) candidates.push(resolve(base, line.file));
  }
  if (candidates.length === 0) {
    return {
      found: false,
      reason: `source ${file} not located: no manifest.jsonl line for it and no --inputs folder given`,
    };
  }
  const tried: string[] = [];
  for (const path of [...new Set(candidates)]) {
    try {
      const input = await readInput(path);
      if (input.sha256 === sha256) return { found: true, path, bytes: input.bytes, kind: input.kind };
      tried.push(`${path} (different content: sha256 ${input.sha256.slice(0, 12)}…)`);
    } catch {
      tried.push(`${path} (not found)`);
    }
  }
  return { found: false, reason: `source ${file} not found; tried ${tried.join(", ")}` };
}

/**
 * Where a relative input path of manifest.jsonl may be relative to: it is relative to the folder `extract` ran
 * in, which the manifest does not record. Tried: the working folder, then the extracted folder's parent and its
 * ancestors (`gongkai extract samples --out extracted` ran in the parent of `extracted/`). The sha256 check makes
 * a wrong guess harmless.
 */
function relativeBases(extractedDir: string): string[] {
  const bases = [process.cwd()];
  let dir = dirname(resolve(extractedDir));
  const { root } = parse(dir);
  for (let depth = 0; depth < 4; depth++) {
    if (!bases.includes(dir)) bases.push(dir);
    if (dir === root) break;
    dir = dirname(dir);
  }
  return bases;
}
