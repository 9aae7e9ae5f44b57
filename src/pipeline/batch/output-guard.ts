import { open } from "node:fs/promises";
import { join } from "node:path";
import { UsageError } from "../../errors.js";
import { CROSS_REPORT_SCHEMA_ID } from "../../model/cross-report.js";
import { REPORT_SCHEMA_ID } from "../../model/report.js";
import { type ManifestLine, manifestLineSchema } from "./manifest.js";

/** How many foreign files the refusal names. */
const NAMED = 5;

/**
 * gongkai never overwrites a file it did not write: before a run, every output it is about to write that
 * already exists must be one of its outputs (named in the manifest, or a `gongkai.report/1` JSON as gongkai
 * writes it), and the run files (`manifest.jsonl`, `cross-report.json`) must be gongkai's. Otherwise the run
 * is refused with the files named: `--out` is probably a folder of the user's.
 */
export async function refuseForeignFiles(
  outDir: string,
  outs: Iterable<string>,
  done: ReadonlyMap<string, ManifestLine>,
): Promise<void> {
  const foreign: string[] = [];
  const manifestHead = await readHead(join(outDir, "manifest.jsonl"));
  if (manifestHead !== null && manifestHead.trim() !== "" && !isManifestHead(manifestHead))
    foreign.push("manifest.jsonl");
  const crossHead = await readHead(join(outDir, "cross-report.json"));
  if (crossHead !== null && !isOurJson(crossHead, CROSS_REPORT_SCHEMA_ID)) foreign.push("cross-report.json");
  for (const out of outs) {
    if (foreign.length > NAMED) break;
    if (done.has(out)) continue;
    const head = await readHead(join(outDir, out));
    if (head !== null && !isOurJson(head, REPORT_SCHEMA_ID)) foreign.push(out);
  }
  if (foreign.length === 0) return;
  const list = foreign.slice(0, NAMED).map((f) => `\`${join(outDir, f)}\``);
  throw new UsageError(
    `Expected --out to hold only gongkai's files, but ${list.join(", ")}${foreign.length > NAMED ? " and more" : ""} ` +
      "would be overwritten and gongkai did not write them; choose another --out folder",
  );
}

/** The first bytes of a file, or null when there is no file (a folder in its place counts as foreign). */
async function readHead(path: string): Promise<string | null> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, "r");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" ? null : "";
  }
  try {
    if (!(await handle.stat()).isFile()) return "";
    const buffer = Buffer.alloc(16_384);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString("utf8");
  } catch {
    return "";
  } finally {
    await handle.close();
  }
}

/** gongkai writes its JSON with two-space indentation, the schema first. */
function isOurJson(head: string, schema: string): boolean {
  return head.startsWith(`{\n  "schema": "${schema}"`);
}

function isManifestHead(head: string): boolean {
  const first = head.split("\n", 1)[0] ?? "";
  try {
    return manifestLineSchema.safeParse(JSON.parse(first)).success;
  } catch {
    return false; // a first line longer than the head read: not a manifest line of ours either
  }
}
