import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UNCERTAIN_BELOW } from "../../../src/model/cell.js";
import { UNCERTAIN_CONFIDENCE } from "../../../src/outputs/export/columns.js";
import { runExport, withDuckDb } from "../../../src/outputs/export/index.js";
import { makeExtractedCopy, parseCsv } from "./extracted-fixture.js";

/**
 * The columns researchers asked for: provenance of HTML/.docx cells, the uncertain readings, report groups for
 * copies of one report, a byte-order mark for Excel.
 */
let dir: string;
let out: string;

function objects(text: string): Record<string, string | null>[] {
  const [header = [], ...body] = parseCsv(text);
  return body.map((row) => Object.fromEntries(header.map((name, i) => [name ?? "", row[i] ?? null])));
}

beforeAll(async () => {
  dir = await makeExtractedCopy(["ruled-clean-2023", "html-nested-2023", "docx-captions-2023"]);
  // The scanned twin of ruled-clean-2023: the same report a second time, read by OCR.
  const scan = JSON.parse(await readFile(join(dir, "ruled-clean-2023.json"), "utf8"));
  scan.source = { ...scan.source, file: "scan.pdf", sha256: "0".repeat(64) };
  scan.status = "partial_success";
  const cell = scan.cells["s3.granted.natural"];
  scan.cells["s3.granted.natural"] = { ...cell, source: "ocr", confidence: 0.62 };
  scan.flags.push({
    rule: "s3.row_total",
    severity: "warning",
    path: "s3.granted",
    cells: [{ path: "s3.granted.natural", value: cell.value, page: cell.page, bbox: cell.bbox }],
    expected: 1,
    actual: 2,
    message: { zh: "读数可能有误", en: "the reading may be wrong" },
    uncertain_reading: true,
  });
  await writeFile(join(dir, "scan.json"), JSON.stringify(scan));
  out = join(dir, "export");
  await runExport(dir, { outDir: out, excel: true });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const csv = async (name: string) => {
  const text = await readFile(join(out, name), "utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return objects(text.slice(1));
};

describe("export columns", () => {
  it("uses the pipeline's threshold for `uncertain`", () => {
    expect(UNCERTAIN_CONFIDENCE).toBe(UNCERTAIN_BELOW);
  });

  it("cells.csv: `uncertain` marks readings below 0.9, `locator` says where HTML and .docx cells were read", async () => {
    const cells = await csv("cells.csv");
    const scanned = cells.find((c) => c.file === "scan.json" && c.path === "s3.granted.natural");
    expect(scanned).toMatchObject({ source: "ocr", confidence: "0.62", uncertain: "true" });
    expect(cells.filter((c) => c.file === "scan.json" && c.uncertain === "true")).toHaveLength(1);
    const html = cells.filter((c) => c.file === "html-nested-2023.json" && c.value !== null && c.source !== "derived");
    expect(html.length).toBeGreaterThan(100);
    for (const c of html) expect(c.locator).toMatch(/^html\[1\]\/body\[1\]\/.*t[dh]\[\d+\]$/);
    const docx = cells.filter(
      (c) => c.file === "docx-captions-2023.json" && c.value !== null && c.source !== "derived",
    );
    for (const c of docx) expect(c.locator).toMatch(/^(tbl|p)\[\d+\]/);
    expect(cells.filter((c) => c.file === "ruled-clean-2023.json").every((c) => c.locator === null)).toBe(true);
  });

  it("flags.csv carries `uncertain_reading`, false where the flag does not say", async () => {
    const flags = await csv("flags.csv");
    const uncertain = flags.filter((f) => f.uncertain_reading === "true");
    expect(uncertain.map((f) => [f.file, f.rule, f.severity])).toEqual([["scan.json", "s3.row_total", "warning"]]);
    expect(flags.filter((f) => f.uncertain_reading === "false").length).toBe(flags.length - 1);
  });

  it("groups the copies of one report: one stands for the group, the others name it", async () => {
    const reports = await csv("reports.csv");
    const original = reports.find((r) => r.file === "ruled-clean-2023.json");
    const twin = reports.find((r) => r.file === "scan.json");
    expect(original?.report_group).toBe(twin?.report_group);
    expect(original?.duplicate_of).toBe(null);
    expect(twin?.duplicate_of).toBe("ruled-clean-2023.json");
    expect(twin?.cells_uncertain).toBe("1");
    const groups = new Set(reports.map((r) => r.report_group));
    expect(groups.size).toBe(reports.length - 1);
    // A total per year over reports.parquet counts the report once.
    const path = join(out, "reports.parquet").replaceAll("'", "''");
    const rows = await withDuckDb((run) =>
      run(
        `SELECT count(*) AS n FROM '${path}' WHERE duplicate_of IS NULL AND agency = '${original?.agency}' AND year = 2023`,
      ),
    );
    expect(Number(rows[0]?.n)).toBe(1);
  });
});
