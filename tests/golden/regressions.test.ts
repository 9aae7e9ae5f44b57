import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractOnce } from "../helpers/extract-once.js";

interface RegressionTruth {
  readonly agency: string;
  /** Another acceptable reading of the agency (a notice title names two bodies). */
  readonly agency_alt?: string;
  /** Flags the report must raise besides cell.blank, as [rule, path]; none when absent. */
  readonly expect_flags?: readonly (readonly [string, string])[];
  readonly status?: string;
  /** The template the report follows (v2021 when absent). */
  readonly template?: string;
  readonly year: number;
  /** Printed values; null where a legacy report does not state the fact. */
  readonly values: Record<string, Record<string, Record<string, number | null>>>;
  readonly blank: readonly string[];
}

const dir = join(import.meta.dirname, "../fixtures/regressions");
/** The input kinds a fixture may be: born-digital PDF, a saved web page, a Word document. */
const INPUT_EXTENSIONS = [".pdf", ".html", ".htm", ".docx"];

function inputOf(stem: string): string {
  const found = INPUT_EXTENSIONS.map((ext) => join(dir, `${stem}${ext}`)).find((path) => existsSync(path));
  if (!found) throw new Error(`no input file for regression fixture ${stem}`);
  return found;
}

const stems = readdirSync(dir)
  .filter((f) => f.endsWith(".truth.json"))
  .map((f) => f.replace(/\.truth\.json$/, ""))
  .sort();

describe("regressions: reports that once broke the extractor", () => {
  it.each(stems)("%s", async (stem) => {
    const truth = JSON.parse(readFileSync(join(dir, `${stem}.truth.json`), "utf8")) as RegressionTruth;
    const { output } = await extractOnce(inputOf(stem));
    const wrong: string[] = [];
    for (const [section, rows] of Object.entries(truth.values)) {
      for (const [row, columns] of Object.entries(rows)) {
        for (const [column, value] of Object.entries(columns)) {
          const path = `${section}.${row}.${column}`;
          if (output.cells[path]?.value !== value) wrong.push(`${path}: ${value} → ${output.cells[path]?.value}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    const blanks = Object.entries(output.cells)
      .filter(([, cell]) => cell.blank)
      .map(([path]) => path)
      .sort();
    expect(blanks).toEqual([...truth.blank].sort());
    expect([truth.agency, truth.agency_alt]).toContain(output.report.agency);
    expect(output.report.year).toBe(truth.year);
    expect(output.report.template).toBe(truth.template ?? "v2021");
    const flags = output.flags.filter((f) => f.rule !== "cell.blank").map((f) => `${f.rule} ${f.path}`);
    expect(flags.sort()).toEqual((truth.expect_flags ?? []).map(([rule, path]) => `${rule} ${path}`).sort());
    expect(output.status).toBe(truth.status ?? "success");
  });

  it("covers every input kind (PDF, HTML, .docx)", () => {
    const kinds = new Set(stems.map((stem) => inputOf(stem).replace(/^.*\./, "")));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(["docx", "html", "pdf"]));
  });
});
