import { cp, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..", "..");
export const EXTRACTED = join(ROOT, "extracted");
export const SAMPLES = join(ROOT, "samples");
export const CROSS_FIXTURE = join(ROOT, "tests", "fixtures", "export", "cross-report.json");

/**
 * A temporary extracted folder: copies of the committed outputs of `stems` (all when null), plus
 * `兰州/2022年报.json` (arith-errors-2023 relabelled 2022, in a folder) and the cross-report fixture naming it.
 */
export async function makeExtractedCopy(stems: readonly string[] | null): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "gongkai-export-"));
  if (stems === null) await cp(EXTRACTED, dir, { recursive: true });
  else for (const stem of stems) await cp(join(EXTRACTED, `${stem}.json`), join(dir, `${stem}.json`));
  const output = JSON.parse(await readFile(join(EXTRACTED, "arith-errors-2023.json"), "utf8"));
  output.report.year = 2022;
  const copy = join(dir, "兰州", "2022年报.json");
  await mkdir(dirname(copy), { recursive: true });
  await writeFile(copy, JSON.stringify(output, null, 2));
  await cp(CROSS_FIXTURE, join(dir, "cross-report.json"));
  return dir;
}

/** RFC 4180 CSV parsed independently of the writer: rows of fields, `null` for an unquoted empty field. */
export function parseCsv(text: string): (string | null)[][] {
  const rows: (string | null)[][] = [];
  let row: (string | null)[] = [];
  let field = "";
  let quoted = false;
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') inQuotes = false;
      else field += ch;
    } else if (ch === '"') {
      inQuotes = true;
      quoted = true;
    } else if (ch === "," || ch === "\n") {
      row.push(field === "" && !quoted ? null : field);
      field = "";
      quoted = false;
      if (ch === "\n") {
        rows.push(row);
        row = [];
      }
    } else field += ch;
  }
  return rows;
}
