import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CrossReport, crossReportSchema } from "../../../src/model/cross-report.js";
import type { ReportOutput } from "../../../src/model/report.js";
import { checkReports } from "../../../src/pipeline/check-reports.js";
import { runBatch } from "../../../src/pipeline/run-batch.js";
import { CLI, WORKER_ENTRY } from "../../helpers/cli.js";

/**
 * Consecutive-year report pairs (tests/fixtures/cross-year, made by scripts/make-cross-year-fixtures.ts) where
 * the cross-report rules hold and where each breaks; expected.json holds the flags computed by the generator.
 */
const ROOT = join(import.meta.dirname, "../../..");
const FIXTURES = join(ROOT, "tests/fixtures/cross-year");

interface ExpectedFlag {
  readonly rule: string;
  readonly agency: string;
  readonly years: number[];
  readonly path: string;
  readonly files: string[];
  readonly expected: number | null;
  readonly actual: number | null;
}

const expected = JSON.parse(await readFile(join(FIXTURES, "expected.json"), "utf8")) as {
  reports: number;
  flags: ExpectedFlag[];
};
let tmp = "";
let report: CrossReport;
let written = "";

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "gongkai-cross-"));
  await runBatch([FIXTURES], { outDir: join(tmp, "out"), jobs: 2, workerEntry: WORKER_ENTRY });
  written = await readFile(join(tmp, "out", "cross-report.json"), "utf8");
  report = crossReportSchema.parse(JSON.parse(written));
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const key = (f: ExpectedFlag) => JSON.stringify([f.rule, f.agency, f.years, f.path, f.files, f.expected, f.actual]);

describe("cross-report rules over consecutive years", () => {
  it("gives exactly the flags the generator expects, over every report", () => {
    expect(report.reports).toBe(expected.reports);
    expect(report.flags.map(key).sort()).toEqual(expected.flags.map(key).sort());
  });

  it.each([
    ["holds", 0],
    ["carry-over", 2],
    ["valid-docs", 1],
    ["duplicate", 6],
    ["different-agencies", 0],
  ])("pair %s: %i flag(s)", (folder, count) => {
    expect(report.flags.filter((f) => f.files[0]?.startsWith(`${folder}/`))).toHaveLength(count);
  });

  it("cites both files' cells with the values, pages and boxes printed in the outputs", async () => {
    const flag = report.flags.find(
      (f) => f.rule === "cross.carry_over" && f.path === "s3.carried_over.natural" && f.agency === "苏州市吴中区教育局",
    );
    expect(flag?.files).toEqual(["carry-over/2022.json", "carry-over/2023.json"]);
    expect(flag?.cells.map((c) => [c.file, c.path])).toEqual([
      ["carry-over/2022.json", "s3.carried_forward.natural"],
      ["carry-over/2023.json", "s3.carried_over.natural"],
    ]);
    for (const cell of flag?.cells ?? []) {
      const output = JSON.parse(await readFile(join(tmp, "out", cell.file), "utf8")) as ReportOutput;
      const printed = output.cells[cell.path];
      expect(cell).toMatchObject({ value: printed?.value, page: printed?.page, bbox: printed?.bbox });
      expect(cell.page).not.toBeNull();
    }
    expect(flag?.expected).toBe(flag?.cells[0]?.value);
    expect(flag?.actual).toBe(flag?.cells[1]?.value);
    expect(flag?.message.zh).toContain("上年结转");
    expect(flag?.severity).toBe("warning");
  });

  it("groups an agency printed with and without its city and province, but not two 鼓楼区", () => {
    expect(report.flags.some((f) => f.agency === "南通市司法局")).toBe(true);
    expect(report.flags.some((f) => f.agency.includes("鼓楼区"))).toBe(false);
  });

  it("`gongkai check` on the output folder writes the same cross-report", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [CLI, "check", join(tmp, "out")], { cwd: ROOT });
    expect(stdout).toContain(`${expected.reports} report(s) checked, ${expected.flags.length} flag(s)`);
    expect(await readFile(join(tmp, "out", "cross-report.json"), "utf8")).toBe(written);
  });

  it("an output folder no job ever wrote (a queue run whose jobs all failed) has no reports and no flags", async () => {
    const missing = join(tmp, "never-written");
    const result = await checkReports(missing);
    expect(result.report.reports).toBe(0);
    expect(result.report.flags).toEqual([]);
    expect(JSON.parse(await readFile(join(missing, "cross-report.json"), "utf8")).reports).toBe(0);
  });
});
