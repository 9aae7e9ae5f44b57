import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportOutput } from "../../src/model/report.js";
import { reportSchemaFor } from "../../src/model/report.js";
import { listCellPaths } from "../../src/templates/template-paths.js";
import { v2021 } from "../../src/templates/v2021/index.js";
import { compareWithTruth, type Truth } from "../golden/compare-truth.js";
import { CLI } from "../helpers/cli.js";
import { MAKERS } from "./make-hostile.js";

/**
 * Issue 13's hunt: names, folders and hostile documents that lost data, stopped the batch or ran unbounded
 * (tests/fixtures/bad-input/hostile.json, generated at test time by make-hostile.ts). All of them go through
 * one CLI batch (`--jobs 2`) beside each other: every input gets its expected class (or a correct
 * extraction) at its expected output path, and the good copies come out byte for byte as in a run of the
 * good reports alone.
 */
const ROOT = join(import.meta.dirname, "../..");
const run = promisify(execFile);

interface Entry {
  readonly file: string;
  readonly make: string | null;
  readonly about: string;
  readonly out: string;
  readonly argument?: boolean;
  /** An issue code the output must carry (besides its class or its exact values). */
  readonly issue?: string;
  readonly expect:
    | { readonly status: "failure"; readonly error_class: string }
    | { readonly status: "success"; readonly truth: string };
}

interface Line {
  readonly file: string;
  readonly out: string;
  readonly status: string;
  readonly error_class: string | null;
}

const entries = JSON.parse(await readFile(join(ROOT, "tests/fixtures/bad-input/hostile.json"), "utf8")) as Entry[];
let tmp = "";
let inbox = "";
let lines: Line[] = [];
let stdout = "";

const extract = async (inputs: string[], out: string) => {
  // The default --timeout (600 s): none of these ends as `timeout`, and 120 s timed out a document at load 25.
  const args = [CLI, "extract", ...inputs, "--out", out, "--jobs", "2", "--max-memory", "1024"];
  return run(process.execPath, args, { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
};
const readLines = async (out: string) =>
  (await readFile(join(out, "manifest.jsonl"), "utf8"))
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Line);

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "gongkai-hostile-"));
  inbox = join(tmp, "in");
  await mkdir(inbox);
  for (const entry of entries) {
    if (entry.make === null) continue;
    const make = MAKERS[entry.make];
    if (!make) throw new Error(`Expected a maker named ${entry.make}`);
    await make(inbox, entry.file);
  }
  const args = [inbox, ...entries.filter((e) => e.argument).map((e) => e.file)];
  ({ stdout } = await extract(args, join(tmp, "out")));
  lines = await readLines(join(tmp, "out"));
}, 600_000);

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe("hostile names, folders and documents in one batch", () => {
  it("writes one manifest line per input, each to its own output", () => {
    expect(lines.map((l) => l.out).sort()).toEqual(entries.map((e) => e.out).sort());
  });

  it.each(entries.map((e) => [e.out, e] as const))("%s ends as expected", async (out, entry) => {
    const line = lines.find((l) => l.out === out);
    expect(line?.file).toBe(entry.argument ? entry.file : join(inbox, entry.file));
    const output = JSON.parse(await readFile(join(tmp, "out", out), "utf8")) as ReportOutput;
    expect(reportSchemaFor(listCellPaths(v2021)).safeParse(output).success).toBe(true);
    // The full name is kept, however the output's name was shortened or made unique.
    expect(output.source.file).toBe(entry.file.split("/").at(-1));
    if (entry.issue) expect(output.issues.map((i) => i.code)).toContain(entry.issue);
    if (entry.expect.status === "failure") {
      expect({ status: output.status, code: output.issues[0]?.code }).toEqual({
        status: "failure",
        code: entry.expect.error_class,
      });
      expect(line).toMatchObject({ status: "failure", error_class: entry.expect.error_class });
    } else {
      const truth = JSON.parse(
        await readFile(join(ROOT, "samples", `${entry.expect.truth}.truth.json`), "utf8"),
      ) as Truth;
      const diff = compareWithTruth(output, truth);
      expect(diff.problems).toEqual([]);
      expect(diff.exact).toBe(diff.cells);
      expect(line).toMatchObject({ status: "success", error_class: null });
    }
  });

  it("lists the folder entries it did not collect (a symbolic link loop)", () => {
    expect(stdout).toMatch(/not collected: 1 folder entry\n {2}\S*link-agency\/loop {2}symbolic link loop/);
  });

  it("gives the good reports the same bytes as a run of them alone", async () => {
    const alone = join(tmp, "alone");
    const good = ["2023年报.pdf", "2023年报.html", "cross-report.pdf"].map((f) => join(inbox, f));
    await extract(good, alone);
    const aloneLines = await readLines(alone);
    for (const [file, together] of [
      ["2023年报.pdf", "2023年报-2.json"],
      ["2023年报.html", "2023年报.json"],
      ["cross-report.pdf", "_cross-report.json"],
    ] as const) {
      const out = aloneLines.find((l) => l.file === join(inbox, file))?.out ?? "";
      expect(await readFile(join(alone, out), "utf8")).toBe(await readFile(join(tmp, "out", together), "utf8"));
    }
  });
});
