import { open, readFile, truncate } from "node:fs/promises";
import { z } from "zod";
import { errorClassSchema } from "../../model/issue.js";
import { statusSchema } from "../../model/report.js";

/** One line of `<out>/manifest.jsonl`: an input that finished (README "Manifest"). */
export const manifestLineSchema = z.object({
  file: z.string(),
  /** The output's path relative to the output folder, `/`-separated. */
  out: z.string(),
  sha256: z.string(),
  status: statusSchema,
  error_class: errorClassSchema.nullable(),
  seconds: z.number(),
  pages: z.number().nullable(),
  pipeline_version: z.string(),
  /** Set when the input's bytes equal an earlier input's of the same run: it was extracted once, for both. */
  duplicate_of: z.string().nullable(),
});
export type ManifestLine = z.infer<typeof manifestLineSchema>;

/**
 * Reads the manifest's lines, the last line per output winning. A line that does not parse (the torn
 * last line of a run killed mid-write, or an older format) is ignored; a torn tail is cut off the file
 * so the next append starts on a line of its own, unless `repairTail` is false (a reader beside writers
 * that are still appending, such as the queue's producer, must not cut a line being written).
 */
export async function readManifest(
  path: string,
  { repairTail = true }: { repairTail?: boolean } = {},
): Promise<Map<string, ManifestLine>> {
  const lines = new Map<string, ManifestLine>();
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return lines;
  }
  const complete = text.lastIndexOf("\n") + 1;
  if (repairTail && complete < text.length) await truncate(path, Buffer.byteLength(text.slice(0, complete)));
  for (const raw of text.slice(0, complete).split("\n")) {
    if (!raw.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      continue;
    }
    const parsed = manifestLineSchema.safeParse(value);
    if (parsed.success) lines.set(parsed.data.out, parsed.data);
  }
  return lines;
}

/** Appends lines to the manifest, each written with one `write` call (a crash leaves at most one torn line). */
export class ManifestWriter {
  readonly #path: string;
  // The opening itself is kept, not the handle it gives: appends that arrive together (documents finishing at
  // once) share one handle instead of each opening its own and leaving all but the last to the garbage collector.
  #handle: ReturnType<typeof open> | null = null;

  constructor(path: string) {
    this.#path = path;
  }

  async append(line: ManifestLine): Promise<void> {
    this.#handle ??= open(this.#path, "a");
    await (await this.#handle).write(`${JSON.stringify(line)}\n`);
  }

  async close(): Promise<void> {
    const handle = this.#handle;
    this.#handle = null;
    await (await handle)?.close();
  }
}
