import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runExport } from "../../../src/outputs/export/index.js";
import {
  type Correction,
  parseCorrections,
  readExtractedDir,
  recheckFlags,
  resolveCorrections,
} from "../../../src/outputs/extracted/index.js";
import { EXTRACTED, makeExtractedCopy, parseCsv, SAMPLES } from "./extracted-fixture.js";

const ARITH_SHA = "7f617ed327c93c23928ad624773537f5f784a2eb23e2e135fc516564c149dc63";
const base = { who: "王审核", why: "page 3 shows it", when: "2026-11-20T10:00:00Z" };
const line = (c: Partial<Correction> & { path: string; old: number | null; new: number | null }) =>
  JSON.stringify({ ...base, ...c });

let dir: string;
beforeAll(async () => {
  dir = await makeExtractedCopy(["arith-errors-2023", "narrative-mismatch-2022", "ruled-clean-2023"]);
  const lines = [
    // (七)总计 printed 0 beside results summing to 72.
    line({ file: "arith-errors-2023.json", sha256: ARITH_SHA, path: "s3.total_processed.total", old: 0, new: 72 }),
    // The narrative says 28 received; the table printed 29.
    line({ file: "narrative-mismatch-2022.pdf", path: "s3.new_received.total", old: 29, new: 28 }),
    // `old` does not match what was printed (55).
    line({ file: "arith-errors-2023.json", path: "s3.new_received.natural", old: 56, new: 57 }),
    // Printed value confirmed.
    line({ file: "ruled-clean-2023.json", path: "s3.granted.total", old: 12, new: 12 }),
    line({ file: "nowhere.pdf", path: "s3.granted.total", old: 1, new: 2 }),
    line({ file: "ruled-clean-2023.json", path: "s9.nothing", old: 1, new: 2 }),
    "{not json",
  ];
  const ruled = JSON.parse(await readFile(join(dir, "ruled-clean-2023.json"), "utf8"));
  lines[3] = line({
    file: "ruled-clean-2023.json",
    path: "s3.granted.total",
    old: ruled.cells["s3.granted.total"].value,
    new: ruled.cells["s3.granted.total"].value,
  });
  await writeFile(join(dir, "corrections.jsonl"), `${lines.join("\n")}\n`);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function objects(text: string): Record<string, string | null>[] {
  const [header = [], ...rows] = parseCsv(text);
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h ?? "", row[i] ?? null])));
}

describe("corrections.jsonl", () => {
  it("applies matching lines, keeps the printed value and reports every line that did not apply", async () => {
    const out = join(dir, "export");
    const summary = await runExport(dir, { outDir: out });
    expect(summary.corrections.map((o) => o.status)).toEqual([
      "applied",
      "applied",
      "old_mismatch",
      "checked",
      "report_not_found",
      "path_not_found",
      "invalid",
    ]);
    expect(summary.corrections[2]?.detail).toBe("old 56 ≠ printed 55");
    const cells = objects(await readFile(join(out, "cells.csv"), "utf8"));
    const cell = (file: string, path: string) => cells.find((c) => c.file === file && c.path === path);
    expect(cell("arith-errors-2023.json", "s3.total_processed.total")).toMatchObject({
      value: "72",
      value_printed: "0",
      corrected: "true",
      corrected_by: "王审核",
      correction_why: "page 3 shows it",
      checked: "false",
    });
    expect(cell("arith-errors-2023.json", "s3.new_received.natural")).toMatchObject({
      value: "55",
      corrected: "false",
    });
    expect(cell("ruled-clean-2023.json", "s3.granted.total")).toMatchObject({ corrected: "false", checked: "true" });
    const audit = objects(await readFile(join(out, "corrections.csv"), "utf8"));
    expect(audit.map((a) => a.status)).toEqual(summary.corrections.map((o) => o.status));
    const reports = objects(await readFile(join(out, "reports.csv"), "utf8"));
    const arith = reports.find((r) => r.file === "arith-errors-2023.json");
    expect(arith).toMatchObject({ s3_total_processed_total: "72", cells_corrected: "1" });
  });

  it("re-runs the rules on corrected values: fixed sums pass, a narrative flag the correction answers goes", async () => {
    const out = join(dir, "export");
    const flags = objects(await readFile(join(out, "flags.csv"), "utf8"));
    const of = (file: string) =>
      flags
        .filter((f) => f.file === file && f.rule !== "cell.blank")
        .map((f) => `${f.rule} ${f.path} ${f.expected} ${f.actual}`);
    // Before: s3.results_total and s3.row_total failed on the total column / (七)总计 row (printed 0).
    expect(of("arith-errors-2023.json")).toEqual([
      "s3.balance s3.commercial 9 7",
      "s3.balance s3.total 74 72",
      "s3.results_total s3.total_processed.natural 57 56",
      "s3.row_total s3.granted 39 38",
      "s4.group_total s4.review 7 8",
    ]);
    expect(flags.filter((f) => f.file === "arith-errors-2023.json").every((f) => f.recomputed === "true")).toBe(true);
    // 29 → 28 answers text.new_received, and now the row and the balance do not add up: flagged.
    expect(of("narrative-mismatch-2022.json")).toEqual([
      "s3.balance s3.total 30 31",
      "s3.row_total s3.new_received 29 28",
      "text.carried_over s3.carried_over.total 2 4",
      "text.review s4.review.total 8 9",
    ]);
    expect(flags.filter((f) => f.file === "ruled-clean-2023.json" && f.recomputed === "true")).toEqual([]);
  });

  it("re-running the rules on uncorrected values gives back the flags of extraction, for every sample", async () => {
    const extracted = await readExtractedDir(EXTRACTED);
    const truthFiles = (await readdir(SAMPLES, { recursive: true })).filter((f) => f.endsWith(".truth.json"));
    // Every sample's output (and the official blank template's, extracted from samples/source/).
    expect(extracted.reports.length).toBe(truthFiles.length + 1);
    for (const report of extracted.reports) {
      const [path, cell] = Object.entries(report.output.cells)[0] ?? [];
      if (path === undefined || cell === undefined) throw new Error(`${report.file} has no cells`);
      // A "checked" line forces the re-run without changing any value.
      const checked = new Map([[path, { line: 1, correction: { ...base, path, old: cell.value, new: cell.value } }]]);
      expect(recheckFlags(report.output, checked), report.file).toEqual(report.output.flags);
    }
  });

  it("a later line for the same cell supersedes an earlier one, whose `new` it may start from", async () => {
    const extracted = await readExtractedDir(dir);
    const lines = parseCorrections(
      [
        line({ file: "arith-errors-2023.json", path: "s3.granted.total", old: 38, new: 40 }),
        line({ file: "arith-errors-2023.json", path: "s3.granted.total", old: 40, new: 39 }),
        // The sha256 alone matches two outputs (2023 and its 2022 copy): ambiguous without `file`.
        line({ sha256: ARITH_SHA, path: "s3.granted.total", old: 38, new: 39 }),
      ].join("\n"),
    );
    const set = resolveCorrections(lines, extracted);
    expect(set.outcomes.map((o) => o.status)).toEqual(["superseded", "applied", "report_ambiguous"]);
    expect(set.byReport.get("arith-errors-2023.json")?.get("s3.granted.total")?.correction.new).toBe(39);
  });
});
