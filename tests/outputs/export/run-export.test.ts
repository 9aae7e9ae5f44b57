import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CELL_COLUMNS, FLAG_COLUMNS, REPORT_COLUMNS } from "../../../src/outputs/export/columns.js";
import { type ExportSummary, runExport, withDuckDb } from "../../../src/outputs/export/index.js";
import type { Truth } from "../../golden/compare-truth.js";
import { makeExtractedCopy, parseCsv, SAMPLES } from "./extracted-fixture.js";

let dir: string;
let out: string;
let summary: ExportSummary;
let cells: (string | null)[][];

beforeAll(async () => {
  dir = await makeExtractedCopy(null);
  out = join(dir, "export");
  summary = await runExport(dir, { outDir: out });
  cells = parseCsv(await readFile(join(out, "cells.csv"), "utf8"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The report JSONs under `root` (not cross-report.json, not the export's own folder). */
async function listOutputs(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".json") && e.name !== "cross-report.json")
    .map((e) => join(e.parentPath, e.name))
    .filter((path) => !path.startsWith(join(root, "export")));
}

function toObjects(rows: (string | null)[][]): Record<string, string | null>[] {
  const [header = [], ...body] = rows;
  return body.map((row) => Object.fromEntries(header.map((name, i) => [name ?? "", row[i] ?? null])));
}

describe("gongkai export", () => {
  it("writes every table with the documented header", async () => {
    expect(summary.files.map((f) => f.name)).toEqual([
      "cells.csv",
      "cells.parquet",
      "reports.csv",
      "reports.parquet",
      "flags.csv",
      "flags.parquet",
      "DATA_DICTIONARY.md",
    ]);
    expect(cells[0]).toEqual(CELL_COLUMNS.map((c) => c.name));
    const flags = parseCsv(await readFile(join(out, "flags.csv"), "utf8"));
    expect(flags[0]).toEqual(FLAG_COLUMNS.map((c) => c.name));
    const reports = parseCsv(await readFile(join(out, "reports.csv"), "utf8"));
    expect(reports[0]?.slice(0, REPORT_COLUMNS.length)).toEqual(REPORT_COLUMNS.map((c) => c.name));
    // Every output of the folder (the committed extracted/ plus 兰州/2022年报.json), with every cell it holds.
    const outputs = await listOutputs(dir);
    expect(summary.reports).toBe(outputs.length);
    let cellCount = 0;
    for (const file of outputs) {
      cellCount += Object.keys(JSON.parse(await readFile(file, "utf8")).cells).length;
    }
    expect(summary.cells).toBe(cellCount);
    expect(cells.length - 1).toBe(summary.cells);
  });

  it.each([
    ["cells", CELL_COLUMNS],
    ["reports", REPORT_COLUMNS],
    ["flags", FLAG_COLUMNS],
  ] as const)("%s.parquet, loaded back with DuckDB, holds exactly the rows of the CSV", async (table, declared) => {
    const parquetPath = join(out, `${table}.parquet`).replaceAll("'", "''");
    const parquet = await withDuckDb((run) => run(`SELECT * FROM read_parquet('${parquetPath}')`));
    const csvRows = parseCsv(await readFile(join(out, `${table}.csv`), "utf8"));
    const header = (csvRows[0] ?? []).map(String);
    const csv = toObjects(csvRows);
    expect(parquet.length).toBe(csv.length);
    expect(parquet.length).toBeGreaterThan(0);
    expect(Object.keys(parquet[0] ?? {})).toEqual(header);
    // List columns are Parquet lists of the CSV's ' ; '-joined items.
    const lists = new Map(declared.filter((c) => c.list !== undefined).map((c) => [c.name, c.list]));
    expect(lists.size > 0).toBe(table !== "cells");
    // Columns past the declared ones (reports' value paths) are numbers.
    const numeric = new Set([
      ...declared.filter((c) => c.type === "DOUBLE" || c.type === "INTEGER").map((c) => c.name),
      ...header.slice(declared.length),
    ]);
    parquet.forEach((row, i) => {
      const expected = csv[i] ?? {};
      for (const name of header) {
        const value = row[name] ?? null;
        const text = expected[name] ?? null;
        const list = lists.get(name);
        if (list !== undefined) {
          const items = text === null ? null : text === "" ? [] : text.split(" ; ");
          const typed = items?.map((item) => (list === "INTEGER" ? Number(item) : item)) ?? null;
          expect(value === null ? null : [...(value as unknown[])], `${table} ${i} ${name}`).toEqual(typed);
        } else if (numeric.has(name)) {
          expect(value === null ? null : Number(value), `${table} ${i} ${name}`).toBe(
            text === null ? null : Number(text),
          );
        } else expect(value === null ? null : String(value), `${table} ${i} ${name}`).toBe(text);
      }
    });
  });

  it("has every truth value of every sample in cells.csv, with its path labels", async () => {
    const rows = toObjects(cells);
    const byKey = new Map(rows.map((r) => [`${r.file}|${r.path}`, r]));
    const truthFiles = (await readdir(SAMPLES)).filter((f) => f.endsWith(".truth.json"));
    expect(truthFiles.length).toBeGreaterThanOrEqual(30);
    let checked = 0;
    for (const name of truthFiles) {
      const truth = JSON.parse(await readFile(join(SAMPLES, name), "utf8")) as Truth;
      const file = name.replace(/\.truth\.json$/, ".json");
      for (const [section, rowsOf] of Object.entries(truth.values)) {
        for (const [row, columns] of Object.entries(rowsOf)) {
          for (const [column, value] of Object.entries(columns)) {
            const cell = byKey.get(`${file}|${section}.${row}.${column}`);
            expect(cell, `${file} ${section}.${row}.${column}`).toBeDefined();
            expect(cell?.value === null || cell?.value === undefined ? null : Number(cell.value)).toBe(value);
            expect(cell?.section).toBe(section);
            expect(cell?.template).toBe(truth.report.template);
            checked += 1;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(truthFiles.length * 30);
    const granted = byKey.get("arith-errors-2023.json|s3.granted.natural");
    expect(granted?.label).toBe("（一）予以公开 / 自然人");
    expect(granted?.unit).toBe("件");
    expect(byKey.get("fee-unit-2022.json|s2.admin_fees.amount_wan")?.unit).toBe("万元");
  });

  it("reports.csv: one wide row per report with its values, status and flag counts", async () => {
    const rows = toObjects(parseCsv(await readFile(join(out, "reports.csv"), "utf8")));
    const arith = rows.find((r) => r.file === "arith-errors-2023.json");
    const output = JSON.parse(await readFile(join(dir, "arith-errors-2023.json"), "utf8"));
    expect(arith?.s3_new_received_total).toBe("73");
    expect(arith?.s2_normative_docs_valid).toBe("27");
    expect(arith?.s4_review_total).toBe(String(output.values.s4.review.total));
    expect(arith?.s3_granted_natural).toBeUndefined();
    // Every column name is one SQL takes unquoted.
    for (const name of Object.keys(arith ?? {})) expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(Number(arith?.flags_error)).toBe(
      output.flags.filter((f: { severity: string }) => f.severity === "error").length,
    );
    expect(arith?.flags_cross).toBe("1");
    expect(arith?.rules_flagged?.split(" ; ")).toContain("cross.carry_over");
    expect(rows.find((r) => r.file === "兰州/2022年报.json")?.year).toBe("2022");
  });

  it("flags.csv holds every report flag and the cross-report flags", async () => {
    const rows = toObjects(parseCsv(await readFile(join(out, "flags.csv"), "utf8")));
    const cross = rows.filter((r) => r.scope === "cross");
    expect(cross).toHaveLength(1);
    expect(cross[0]).toMatchObject({
      rule: "cross.carry_over",
      file: "兰州/2022年报.json ; arith-errors-2023.json",
      years: "2022 ; 2023",
      year: "2023",
      expected: "0",
      actual: "1",
    });
    const narrative = rows.filter((r) => r.file === "narrative-mismatch-2022.json" && r.rule?.startsWith("text."));
    expect(narrative.map((r) => `${r.rule} ${r.expected} ${r.actual}`).sort()).toEqual([
      "text.carried_over 2 4",
      "text.new_received 29 28",
      "text.review 8 9",
    ]);
    expect(summary.flags).toBe(rows.length - 1);
  });

  it("DATA_DICTIONARY.md documents every column and every path with its Chinese label", async () => {
    const dictionary = await readFile(join(out, "DATA_DICTIONARY.md"), "utf8");
    for (const column of [...CELL_COLUMNS, ...FLAG_COLUMNS, ...REPORT_COLUMNS]) {
      expect(dictionary).toContain(`| \`${column.name}\` |`);
    }
    expect(dictionary).toContain(
      "| `s3.deny_third_party.legal` | 三、收到和处理政府信息公开申请情况 | 4.保护第三方合法权益 / 法律服务机构 | 件 |",
    );
    expect(dictionary).toContain(
      "| `s2.admin_fees.amount_wan` | 二、主动公开政府信息情况 | 第二十条第（八）项 行政事业性收费 / 本年收费金额（单位：万元） | 万元 |",
    );
    expect(dictionary).toContain("| `s4.suit_after_review.pending` |");
  });
});
