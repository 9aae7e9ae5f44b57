import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPORT_SCHEMA_ID, type ReportOutput, reportSchemaFor } from "../../src/model/report.js";
import { DEFAULT_TIMEOUT_SECONDS } from "../../src/pipeline/batch/defaults.js";
import { listCellPaths } from "../../src/templates/template-paths.js";
import { v2021 } from "../../src/templates/v2021/index.js";
import { compareWithTruth, type Truth } from "../golden/compare-truth.js";
import { CLI } from "../helpers/cli.js";

/**
 * The bad-input corpus (tests/fixtures/bad-input/manifest.json, made by scripts/make-bad-input-fixtures.ts),
 * run as one batch through the CLI with two jobs, beside two copies of a good report: each fixture ends
 * with its expected error class or a correct extraction, and the good reports come out as if alone.
 */
const ROOT = join(import.meta.dirname, "../..");
const FIXTURES = join(ROOT, "tests/fixtures/bad-input");
const GOOD = "ruled-clean-2023";
/**
 * The batch's own limit (no `--timeout`): none of the corpus ends as `timeout`, and a shorter limit is a wall-clock
 * bet a loaded machine can lose. No document may run past it; the bomb hits the memory cap first.
 */
const TIMEOUT_SECONDS = DEFAULT_TIMEOUT_SECONDS;

interface CorpusEntry {
  readonly file: string;
  readonly about: string;
  readonly expect:
    | { readonly status: "failure"; readonly error_class: string }
    | { readonly status: "success"; readonly truth: string };
}

interface ManifestLine {
  readonly file: string;
  readonly out: string;
  readonly sha256: string;
  readonly status: string;
  readonly error_class: string | null;
  readonly seconds: number;
  readonly duplicate_of: string | null;
}

const corpus = JSON.parse(await readFile(join(FIXTURES, "manifest.json"), "utf8")) as CorpusEntry[];
let tmp = "";
let lines: ManifestLine[] = [];
let stdout = "";
const outName = (name: string) => name.replace(/\.[^.]+$/, ".json");
const readOutput = async (name: string) =>
  JSON.parse(await readFile(join(tmp, "out", outName(name)), "utf8")) as ReportOutput;
const readTruth = async (stem: string) =>
  JSON.parse(await readFile(join(ROOT, "samples", `${stem}.truth.json`), "utf8")) as Truth;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "gongkai-corpus-"));
  const inbox = join(tmp, "in");
  await mkdir(inbox);
  for (const entry of corpus) await copyFile(join(FIXTURES, entry.file), join(inbox, entry.file));
  // The same good report under two names: extracted once, an output for each.
  await copyFile(join(ROOT, "samples", `${GOOD}.pdf`), join(inbox, "a-good.pdf"));
  await copyFile(join(ROOT, "samples", `${GOOD}.pdf`), join(inbox, "z-good.pdf"));
  const args = [CLI, "extract", inbox, "--out", join(tmp, "out")];
  args.push("--jobs", "2", "--max-memory", "512");
  ({ stdout } = await promisify(execFile)(process.execPath, args, { cwd: ROOT }));
  lines = (await readFile(join(tmp, "out", "manifest.jsonl"), "utf8"))
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as ManifestLine);
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe("the bad-input corpus in one batch", () => {
  it("lists every fixture of the folder in its manifest", async () => {
    // Every input of the folder: PDFs, OFDs, and the .doc, .wps and .mht fixtures (scripts/make-bad-input-formats.ts).
    const inputs = (await readdir(FIXTURES)).filter((f) => /\.(?:pdf|ofd|doc|wps|mht)$/.test(f)).sort();
    expect(corpus.map((e) => e.file).sort()).toEqual(inputs);
  });

  it.each(corpus.map((e) => [e.file, e] as const))("%s ends as expected", async (file, entry) => {
    const output = await readOutput(file);
    const bytes = await readFile(join(FIXTURES, file));
    expect(reportSchemaFor(listCellPaths(v2021)).safeParse(output).success).toBe(true);
    expect(output.schema).toBe(REPORT_SCHEMA_ID);
    expect(output.source.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    const line = lines.find((l) => l.out === outName(file));
    expect(line).toBeDefined();
    expect(line?.seconds).toBeLessThanOrEqual(TIMEOUT_SECONDS + 5);
    if (entry.expect.status === "failure") {
      expect(output.status).toBe("failure");
      expect(output.issues[0]).toMatchObject({ code: entry.expect.error_class, severity: "error" });
      expect(line).toMatchObject({ status: "failure", error_class: entry.expect.error_class });
    } else {
      const diff = compareWithTruth(output, await readTruth(entry.expect.truth));
      expect(diff.problems).toEqual([]);
      expect(diff.exact).toBe(diff.cells);
      expect(line).toMatchObject({ status: "success", error_class: null });
    }
  });

  it("extracts the good report under both names, once, as if it were alone", async () => {
    const truth = await readTruth(GOOD);
    const a = await readOutput("a-good.pdf");
    const z = await readOutput("z-good.pdf");
    expect(compareWithTruth(a, truth).problems).toEqual([]);
    expect(a.source.file).toBe("a-good.pdf");
    expect(z.source.file).toBe("z-good.pdf");
    const committed = JSON.parse(await readFile(join(ROOT, "extracted", `${GOOD}.json`), "utf8")) as ReportOutput;
    expect({ ...a, source: { ...a.source, file: committed.source.file } }).toEqual(committed);
    expect({ ...z, source: { ...z.source, file: committed.source.file } }).toEqual(committed);
    const zLine = lines.find((l) => l.out === "z-good.json");
    expect(zLine?.duplicate_of).toBe(join(tmp, "in", "a-good.pdf"));
    expect(lines.find((l) => l.out === "a-good.json")?.duplicate_of).toBeNull();
  });

  it("writes one manifest line per input and summarises the classes", () => {
    expect(lines).toHaveLength(corpus.length + 2);
    expect(new Set(lines.map((l) => l.out)).size).toBe(lines.length);
    expect(stdout).toContain(`${corpus.length + 2} input(s): ${corpus.length + 2} done, 1 of them duplicates`);
    expect(stdout).toMatch(/ {2}too_large 6: more pages than --max-pages/);
    expect(stdout).toMatch(/ {2}encrypted 2: the PDF or Word document is password-protected/);
  });
});
