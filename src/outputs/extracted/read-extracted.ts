import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { z } from "zod";
import { describeError, GongkaiError } from "../../errors.js";
import { boxSchema } from "../../model/geometry.js";
import {
  cellSchema,
  flagSchema,
  issueSchema,
  messageSchema,
  pageInfoSchema,
  REPORT_SCHEMA_ID,
  reportMetaSchema,
  severitySchema,
  sourceSchema,
  statusSchema,
} from "../../model/index.js";

/**
 * One `<stem>.json` output (SPEC §5), read without knowing its template: `values` is not re-validated here
 * (the cells carry the same numbers with their provenance), so outputs of templates added later still load.
 */
export const extractedOutputSchema = z.object({
  schema: z.literal(REPORT_SCHEMA_ID),
  source: sourceSchema,
  report: reportMetaSchema.extend({ template: z.string() }),
  status: statusSchema,
  values: z.record(z.string(), z.unknown()),
  cells: z.record(z.string(), cellSchema),
  flags: z.array(flagSchema),
  // Outputs of other gongkai versions may name codes this one does not: read, not rejected.
  issues: z.array(issueSchema.extend({ code: z.string() })),
  pages: z.array(pageInfoSchema),
});
export type ExtractedOutput = z.infer<typeof extractedOutputSchema>;

/** A line of `<dir>/manifest.jsonl` as the batch writes it. */
export const manifestLineSchema = z.object({
  file: z.string(),
  sha256: z.string().nullable(),
  status: z.string(),
  error_class: z.string().nullable(),
  seconds: z.number(),
});
export type ManifestLine = z.infer<typeof manifestLineSchema>;

/** `<dir>/cross-report.json`: flags comparing reports of one agency across years (written by the batch runner). */
export const crossFlagSchema = z.object({
  rule: z.string(),
  severity: severitySchema,
  path: z.string(),
  agency: z.string().nullable(),
  years: z.array(z.number()),
  files: z.array(z.string()),
  cells: z.array(
    z.object({
      file: z.string(),
      path: z.string(),
      value: z.number().nullable(),
      page: z.number().nullable(),
      bbox: boxSchema.nullable(),
    }),
  ),
  expected: z.number().nullable(),
  actual: z.number().nullable(),
  message: messageSchema,
});
export type CrossFlag = z.infer<typeof crossFlagSchema>;

export const crossReportSchema = z.object({
  schema: z.literal("gongkai.cross-report/1"),
  reports: z.number(),
  flags: z.array(crossFlagSchema),
});

export interface ExtractedReport {
  /** Output path relative to the extracted dir, `/`-separated (`agency/2023年报.json`). */
  readonly file: string;
  readonly output: ExtractedOutput;
}

export interface ExtractedDir {
  readonly dir: string;
  /** Sorted by `file` (code-unit order). */
  readonly reports: readonly ExtractedReport[];
  readonly manifest: readonly ManifestLine[];
  readonly crossFlags: readonly CrossFlag[];
  /** JSON files under the dir that are not report outputs, with why (not fatal: a folder may hold other JSON). */
  readonly skipped: readonly { readonly file: string; readonly reason: string }[];
}

const NOT_OUTPUTS = new Set(["cross-report.json"]);
/** Folders gongkai itself writes into an extracted dir; never scanned for outputs. */
const OWN_FOLDERS = new Set(["review", "export"]);

/**
 * An extracted folder without its reports: the output files (sorted), the manifest and the cross-report
 * flags. For readers that go through the reports one at a time (`readReportFile`) to keep memory flat.
 */
export async function readExtractedIndex(dir: string): Promise<ExtractedDir & { readonly files: readonly string[] }> {
  let names: string[];
  try {
    names = await listJsonFiles(dir, dir);
  } catch (error) {
    throw new GongkaiError(`Expected an extracted folder at \`${dir}\`, could not read it`, { cause: error });
  }
  return {
    dir,
    files: names.sort(compareText),
    reports: [],
    manifest: await readManifest(dir),
    crossFlags: await readCrossFlags(dir),
    skipped: [],
  };
}

/** One output of an extracted folder, or why the file is not one. */
export async function readReportFile(
  dir: string,
  file: string,
): Promise<{ report: ExtractedReport } | { skipped: { file: string; reason: string } }> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(join(dir, file), "utf8"));
  } catch (error) {
    return { skipped: { file, reason: `not JSON: ${describeError(error)}` } };
  }
  const parsed = extractedOutputSchema.safeParse(json);
  return parsed.success
    ? { report: { file, output: parsed.data } }
    : { skipped: { file, reason: `not a ${REPORT_SCHEMA_ID} output: ${parsed.error.issues[0]?.message ?? ""}` } };
}

/** Reads every report output under `dir` (recursively), its manifest and its cross-report flags. */
export async function readExtractedDir(dir: string): Promise<ExtractedDir> {
  let names: string[];
  try {
    names = await listJsonFiles(dir, dir);
  } catch (error) {
    throw new GongkaiError(`Expected an extracted folder at \`${dir}\`, could not read it`, { cause: error });
  }
  const reports: ExtractedReport[] = [];
  const skipped: { file: string; reason: string }[] = [];
  for (const file of names.sort(compareText)) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(join(dir, file), "utf8"));
    } catch (error) {
      skipped.push({ file, reason: `not JSON: ${describeError(error)}` });
      continue;
    }
    const parsed = extractedOutputSchema.safeParse(json);
    if (parsed.success) reports.push({ file, output: parsed.data });
    else skipped.push({ file, reason: `not a ${REPORT_SCHEMA_ID} output: ${parsed.error.issues[0]?.message ?? ""}` });
  }
  return { dir, reports, manifest: await readManifest(dir), crossFlags: await readCrossFlags(dir), skipped };
}

async function listJsonFiles(root: string, dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const rel = relative(root, path).split(sep).join("/");
    if (entry.isDirectory()) {
      if (dir === root && OWN_FOLDERS.has(entry.name)) continue;
      found.push(...(await listJsonFiles(root, path)));
    } else if (entry.isFile() && entry.name.endsWith(".json") && !(dir === root && NOT_OUTPUTS.has(entry.name))) {
      found.push(rel);
    }
  }
  return found;
}

async function readManifest(dir: string): Promise<ManifestLine[]> {
  const text = await readOptional(join(dir, "manifest.jsonl"));
  if (text === null) return [];
  const lines: ManifestLine[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    try {
      const parsed = manifestLineSchema.safeParse(JSON.parse(line));
      if (parsed.success) lines.push(parsed.data);
    } catch {
      // A torn last line (a batch killed mid-write) is skipped; the output JSON is what counts.
    }
  }
  return lines;
}

async function readCrossFlags(dir: string): Promise<CrossFlag[]> {
  const text = await readOptional(join(dir, "cross-report.json"));
  if (text === null) return [];
  const parsed = crossReportSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new GongkaiError(
      `Expected \`${join(dir, "cross-report.json")}\` to be gongkai.cross-report/1: ${parsed.error.issues[0]?.message ?? ""}`,
    );
  }
  return parsed.data.flags;
}

async function readOptional(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
