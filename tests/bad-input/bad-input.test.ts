import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorClassSchema } from "../../src/model/issue.js";
import { REPORT_SCHEMA_ID, reportSchemaFor } from "../../src/model/report.js";
import { type BatchEntry, runBatch } from "../../src/pipeline/run-batch.js";
import { listCellPaths } from "../../src/templates/template-paths.js";
import { v2021 } from "../../src/templates/v2021/index.js";
import { CLI, WORKER_ENTRY } from "../helpers/cli.js";

/**
 * The bad-input corpus (SPEC §5): every input gets its JSON and its manifest line, a bad one costs only
 * itself. Fixtures: tests/fixtures/bad-input (made by scripts/make-bad-input-fixtures.ts); the truncated PDF
 * and the good sample are cut/copied from samples/ here so they follow the samples.
 */
const ROOT = join(import.meta.dirname, "../..");
const FIXTURES = join(ROOT, "tests/fixtures/bad-input");
const GOOD = "ruled-clean-2023.pdf";
const run = promisify(execFile);

interface ManifestLine {
  readonly file: string;
  readonly sha256: string;
  readonly status: string;
  readonly error_class: string | null;
  readonly seconds: number;
  readonly out: string;
  readonly pipeline_version: string;
}

let tmp = "";
let inbox = "";
const out = () => join(tmp, "out");

const readJson = async (path: string) => JSON.parse(await readFile(path, "utf8")) as Record<string, unknown>;
const readManifest = async (dir: string) =>
  (await readFile(join(dir, "manifest.jsonl"), "utf8"))
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as ManifestLine);
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "gongkai-bad-input-"));
  inbox = join(tmp, "inbox");
  await mkdir(inbox);
  // The rest of the corpus (tests/fixtures/bad-input/manifest.json) runs in corpus.test.ts.
  for (const name of ["empty.pdf", "not-a-pdf.pdf", "not-a-report.pdf"])
    await copyFile(join(FIXTURES, name), join(inbox, name));
  const sample = await readFile(join(ROOT, "samples", GOOD));
  await writeFile(join(inbox, "truncated.pdf"), sample.subarray(0, Math.floor(sample.length / 2)));
  await copyFile(join(ROOT, "samples", GOOD), join(inbox, GOOD));
  await writeFile(join(inbox, "notes.txt"), "not an input: only .pdf files are collected from a folder\n");
  await runBatch([inbox], { outDir: out(), workerEntry: WORKER_ENTRY });
  // A batch of six documents: seconds alone, far more on a loaded 2-core machine; no hook timeout (config).
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe("bad input in one folder with a good report", () => {
  it.each([
    ["not-a-pdf", "unsupported"],
    ["empty", "corrupt"],
    ["truncated", "corrupt"],
    ["not-a-report", "not_a_report"],
  ])("%s.pdf gets a failure JSON with error class %s", async (stem, errorClass) => {
    const output = await readJson(join(out(), `${stem}.json`));
    const bytes = await readFile(join(inbox, `${stem}.pdf`));
    expect(reportSchemaFor(listCellPaths(v2021)).safeParse(output).success).toBe(true);
    expect(output.schema).toBe(REPORT_SCHEMA_ID);
    expect(output.status).toBe("failure");
    expect(output.source).toMatchObject({ file: `${stem}.pdf`, sha256: sha256(bytes), bytes: bytes.length });
    expect(output.report).toEqual({ agency: null, year: null, template: "unknown", title: null });
    expect(output.values).toEqual({});
    expect(output.cells).toEqual({});
    const issues = output.issues as { code: string; severity: string; message: string }[];
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: errorClass, severity: "error" });
    expect(issues[0]?.message.length).toBeGreaterThan(10);
  });

  it("writes one manifest line per input with the file's hash, status, error class and pipeline version", async () => {
    // Documents finish in any order when they run in parallel; the lines are compared sorted.
    const lines = (await readManifest(out())).sort((a, b) => (a.file < b.file ? -1 : 1));
    const expected = [
      ["empty.pdf", "failure", "corrupt"],
      ["not-a-pdf.pdf", "failure", "unsupported"],
      ["not-a-report.pdf", "failure", "not_a_report"],
      [GOOD, "success", null],
      ["truncated.pdf", "failure", "corrupt"],
    ];
    expect(lines.map((l) => [l.file, l.status, l.error_class])).toEqual(
      expected.map(([file, status, errorClass]) => [join(inbox, file as string), status, errorClass]),
    );
    for (const line of lines) {
      expect(line.sha256).toBe(sha256(await readFile(line.file)));
      expect(line.seconds).toBeGreaterThanOrEqual(0);
      expect(line.pipeline_version).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{12}$/);
      expect(line.out).toBe(basename(line.file).replace(/\.pdf$/, ".json"));
      if (line.error_class !== null) expect(errorClassSchema.safeParse(line.error_class).success).toBe(true);
    }
  });

  it("writes exactly one JSON per input and the manifest, nothing for other files, no temp files", async () => {
    expect((await readdir(out())).sort()).toEqual([
      ".gongkai",
      "cross-report.json",
      "empty.json",
      "manifest.jsonl",
      "not-a-pdf.json",
      "not-a-report.json",
      "ruled-clean-2023.json",
      "truncated.json",
    ]);
    // gongkai's working folder holds its temp files while it writes, none afterwards.
    expect(await readdir(join(out(), ".gongkai", "tmp"))).toEqual([]);
  });

  it("extracts the good report as if it were alone", async () => {
    const alone = join(tmp, "alone");
    await runBatch([join(inbox, GOOD)], { outDir: alone, workerEntry: WORKER_ENTRY });
    const together = await readFile(join(out(), "ruled-clean-2023.json"), "utf8");
    expect(await readFile(join(alone, "ruled-clean-2023.json"), "utf8")).toBe(together);
    const output = JSON.parse(together) as { status: string; report: { year: number } };
    expect(output.status).toBe("success");
    expect(output.report.year).toBe(2023);
  });

  it("keeps the relative paths of files with the same name in different folders", async () => {
    const archive = join(tmp, "archive");
    for (const agency of ["甲局", "乙局"]) {
      await mkdir(join(archive, agency), { recursive: true });
      await copyFile(join(FIXTURES, "not-a-pdf.pdf"), join(archive, agency, "2023年报.pdf"));
    }
    const entries: BatchEntry[] = [];
    await runBatch([archive], {
      outDir: join(tmp, "archive-out"),
      workerEntry: WORKER_ENTRY,
      onDocument: (e) => entries.push(e),
    });
    expect(entries.map((e) => e.out).sort()).toEqual(
      [join(tmp, "archive-out", "乙局", "2023年报.json"), join(tmp, "archive-out", "甲局", "2023年报.json")].sort(),
    );
    for (const entry of entries) expect(await exists(entry.out)).toBe(true);
  });
});

/** Runs the CLI (the bin built from src/, tests/helpers/cli.ts) under this Node (≥ 22, the project's devDependency), from the repository root. */
async function cli(args: readonly string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

describe.concurrent("CLI usage errors", () => {
  // `@` stands for the test's own temporary folder, which holds only good.pdf.
  it.each([
    ["no command", [], /Expected a command/],
    ["an unknown command", ["extrct", "@/good.pdf", "--out", "@/out"], /Unknown command `extrct`/],
    ["no inputs", ["extract", "--out", "@/out"], /Expected at least one input/],
    ["no --out", ["extract", "@/good.pdf"], /Expected `--out <dir>`/],
    ["a missing --out value", ["extract", "@/good.pdf", "--out"], /--out/],
    ["an unknown flag", ["extract", "@/good.pdf", "--out", "@/out", "--frobnicate"], /--frobnicate/],
    [
      "a nonexistent input",
      ["extract", "@/missing.pdf", "--out", "@/out"],
      /Expected an existing file or folder, got `.*missing\.pdf`/,
    ],
    [
      "--jobs 0",
      ["extract", "@/good.pdf", "--out", "@/out", "--jobs", "0"],
      /Expected `--jobs` to be an integer ≥ 1, got `0`/,
    ],
    [
      "a negative --timeout",
      ["extract", "@/good.pdf", "--out", "@/out", "--timeout=-5"],
      /Expected `--timeout` to be a number of seconds > 0, got `-5`/,
    ],
    [
      "a fractional --max-pages",
      ["extract", "@/good.pdf", "--out", "@/out", "--max-pages", "2.5"],
      /Expected `--max-pages` to be an integer ≥ 1, got `2.5`/,
    ],
    ["check without a folder", ["check"], /Expected one extract output folder/],
    ["check on a file", ["check", "@/good.pdf"], /Expected an extract output folder, but `.*good\.pdf` is a file/],
    [
      "a nonexistent input beside a good one",
      ["extract", "@/good.pdf", "@/missing.pdf", "--out", "@/out"],
      /missing\.pdf/,
    ],
  ])("%s: exit code 2, a message and the usage on stderr, nothing written", async (_name, args, message) => {
    const dir = await mkdtemp(join(tmpdir(), "gongkai-cli-"));
    try {
      await copyFile(join(ROOT, "samples", GOOD), join(dir, "good.pdf"));
      const result = await cli(args.map((arg) => arg.replace(/^@/, dir)));
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toMatch(/^gongkai: /);
      // The usage of the command given (of gongkai itself when there is none).
      expect(result.stderr).toMatch(/\nUsage: gongkai (extract|check|<command>) /);
      expect(result.stdout).toBe("");
      expect(await readdir(dir)).toEqual(["good.pdf"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("--help prints the usage on stdout and exits 0", async () => {
    const result = await cli(["--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: gongkai <command>/);
    expect(result.stdout).toContain("extract <files|folders…> --out <dir>");
    expect(result.stderr).toBe("");
  });

  it("extracts the folder of bad inputs and names each error class in its summary", async () => {
    const result = await cli(["extract", inbox, "--out", join(tmp, "cli-out")]);
    // Not a terminal: progress is a line every 10 s at most, on stderr; nothing else goes there.
    expect(result.stderr.split("\n").filter((l) => l && !/^gongkai: \d+\/\d+ done in /.test(l))).toEqual([]);
    expect(result.stdout).toMatch(/empty\.pdf {2}failure \(corrupt\)/);
    expect(result.stdout).toMatch(/not-a-pdf\.pdf {2}failure \(unsupported\)/);
    expect(result.stdout).toMatch(/not-a-report\.pdf {2}failure \(not_a_report\)/);
    expect(result.stdout).toMatch(/truncated\.pdf {2}failure \(corrupt\)/);
    expect(result.stdout).toContain("5 input(s): 5 done");
    expect(result.stdout).toContain("status: failure 4, success 1");
    expect(result.stdout).toMatch(/ {2}corrupt 2: the file is empty, truncated or damaged/);
    expect(await readManifest(join(tmp, "cli-out"))).toHaveLength(5);
  });
});
