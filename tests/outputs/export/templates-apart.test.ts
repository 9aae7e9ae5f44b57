import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runExport } from "../../../src/outputs/export/index.js";
import { makeExtractedCopy, parseCsv } from "./extracted-fixture.js";

let dir: string;

/**
 * A real v2019 output (v2019-ruled-2020, section 二 under `s2v19.*`) beside v2021 ones, and `兰州/2022年报.json`
 * relabelled to a template the export has no rules for ("unknown"), with a correction to it.
 */
beforeAll(async () => {
  dir = await makeExtractedCopy(["ruled-clean-2023", "v2019-ruled-2020"]);
  const output = JSON.parse(await readFile(join(dir, "兰州", "2022年报.json"), "utf8"));
  output.report.template = "unknown";
  await writeFile(join(dir, "兰州", "2022年报.json"), JSON.stringify(output));
  const correction = {
    file: "兰州/2022年报.json",
    path: "s3.total_processed.total",
    old: 0,
    new: 72,
    who: "a",
    why: "b",
    when: "2026-11-20",
  };
  await writeFile(join(dir, "corrections.jsonl"), `${JSON.stringify(correction)}\n`);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function objects(text: string) {
  const [header = [], ...rows] = parseCsv(text);
  return { header, rows: rows.map((row) => Object.fromEntries(header.map((h, i) => [h ?? "", row[i] ?? null]))) };
}

describe("export of reports of two templates", () => {
  it("never puts the 2019 and 2021 section 二 in the same reports.csv column", async () => {
    await runExport(dir, { outDir: join(dir, "export") });
    const { header, rows } = objects(await readFile(join(dir, "export", "reports.csv"), "utf8"));
    expect(header).toContain("s2_rules_made");
    expect(header).toContain("s2v19_rules_new_made");
    const v2019 = rows.find((r) => r.template === "v2019");
    const v2021 = rows.find((r) => r.template === "v2021");
    expect(v2019?.s2v19_normative_docs_new_made).toBe("39");
    expect(v2019?.s2_normative_docs_valid).toBe(null);
    expect(v2021?.s2v19_normative_docs_new_made).toBe(null);
    expect(v2021?.s2_normative_docs_valid).not.toBe(null);
    const cells = objects(await readFile(join(dir, "export", "cells.csv"), "utf8")).rows;
    expect(cells.find((c) => c.path === "s2v19.rules.new_made")).toMatchObject({
      section: "s2v19",
      template: "v2019",
      label: "第二十条第（一）项 规章 / 本年新制作数量",
    });
  });

  it("applies a correction to a report of a template whose rules it does not know, without re-running rules", async () => {
    const flags = objects(await readFile(join(dir, "export", "flags.csv"), "utf8")).rows;
    const own = flags.filter((f) => f.file === "兰州/2022年报.json");
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((f) => f.recomputed === "false")).toBe(true);
    // The extraction's flags, unchanged: the printed 0 still fails s3.results_total.
    expect(own.some((f) => f.rule === "s3.results_total" && f.path === "s3.total_processed.total")).toBe(true);
    const cells = objects(await readFile(join(dir, "export", "cells.csv"), "utf8")).rows;
    expect(cells.find((c) => c.file === "兰州/2022年报.json" && c.path === "s3.total_processed.total")).toMatchObject({
      value: "72",
      value_printed: "0",
      corrected: "true",
    });
  });
});
