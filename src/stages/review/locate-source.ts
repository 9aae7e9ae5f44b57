import { dirname, isAbsolute, join, resolve } from "node:path";
import type { ExtractedDir, ExtractedReport } from "../export/read-extracted.js";
import { readInput } from "../ingest/read-input.js";

export type SourceLocation =
  | { readonly found: true; readonly path: string; readonly bytes: Uint8Array; readonly kind: string }
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
    if (line.sha256 === sha256) candidates.push(isAbsolute(line.file) ? line.file : resolve(line.file));
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
