import { describe, expect, it } from "vitest";
import { evaluateCross, type ReportFacts } from "../../../src/stages/cross/index.js";
import { crossRules } from "../../../src/templates/v2021/rules-cross.js";

const facts = (
  file: string,
  agency: string,
  year: number,
  cells: Record<string, number | null>,
  extra: Partial<ReportFacts> = {},
): ReportFacts => ({
  file,
  sha256: file,
  agency,
  year,
  cells: new Map(Object.entries(cells).map(([path, value]) => [path, { value, page: 1, bbox: [0, 0, 1, 1] }])),
  tablesKey: null,
  valueCount: 200,
  nonZero: 0,
  ...extra,
});

describe("evaluateCross", () => {
  it("compares only consecutive years", () => {
    const flags = evaluateCross(
      [
        facts("a/2021.json", "甲局", 2021, { "s3.carried_forward.total": 4 }),
        facts("a/2023.json", "甲局", 2023, { "s3.carried_over.total": 9 }),
      ],
      crossRules,
    );
    expect(flags).toEqual([]);
  });

  it("skips a comparison with a value not read (null), flags one that was read", () => {
    const flags = evaluateCross(
      [
        facts("a/2022.json", "甲局", 2022, { "s3.carried_forward.total": 4, "s3.carried_forward.natural": null }),
        facts("a/2023.json", "甲局", 2023, { "s3.carried_over.total": 5, "s3.carried_over.natural": 5 }),
      ],
      crossRules,
    );
    expect(flags.map((f) => [f.rule, f.path, f.expected, f.actual])).toEqual([
      ["cross.carry_over", "s3.carried_over.total", 4, 5],
    ]);
  });

  it("counts the same bytes once in a year, and gives the same flags whatever the input order", () => {
    const reports = [
      facts("b/2022.json", "乙局", 2022, { "s2.rules.valid": 3 }),
      facts("b/2023.json", "乙局", 2023, { "s2.rules.valid": 7, "s2.rules.made": 1, "s2.rules.repealed": 0 }),
      facts(
        "b/2023-copy.json",
        "乙局",
        2023,
        { "s2.rules.valid": 7, "s2.rules.made": 1, "s2.rules.repealed": 0 },
        {
          sha256: "b/2023.json",
        },
      ),
    ];
    const flags = evaluateCross(reports, crossRules);
    expect(flags.map((f) => [f.rule, f.files, f.expected, f.actual])).toEqual([
      ["cross.valid_docs", ["b/2022.json", "b/2023-copy.json"], 4, 7],
    ]);
    expect(evaluateCross([...reports].reverse(), crossRules)).toEqual(flags);
  });

  it.each([
    ["identical tables with enough non-zero values", "k1", "k1", 12, 1],
    ["tables that differ", "k1", "k2", 12, 0],
    ["identical tables of (nearly) all zeros", "k1", "k1", 2, 0],
  ])("cross.duplicate: %s", (_name, key1, key2, nonZero, count) => {
    const flags = evaluateCross(
      [
        facts("c/2021.json", "丙局", 2021, {}, { tablesKey: key1, nonZero }),
        facts("c/2023.json", "丙局", 2023, {}, { tablesKey: key2, nonZero }),
      ],
      crossRules,
    ).filter((f) => f.rule === "cross.duplicate");
    expect(flags).toHaveLength(count);
    if (count > 0) expect(flags[0]).toMatchObject({ years: [2021, 2023], path: "values", expected: null });
  });
});
