import { describe, expect, it } from "vitest";
import { flagSchema } from "../../../src/model/flag.js";
import { evaluateRules } from "../../../src/stages/rules/index.js";
import { buildRuleInput, CLEAN_NARRATIVE, CLEAN_VALUES } from "./rule-input-builder.js";

describe("evaluateRules", () => {
  it("finds nothing on a clean report", () => {
    expect(evaluateRules(buildRuleInput({ values: CLEAN_VALUES, narrative: CLEAN_NARRATIVE }))).toEqual([]);
  });

  it("finds nothing on an all-zero report without narrative", () => {
    expect(evaluateRules(buildRuleInput())).toEqual([]);
  });

  const broken = buildRuleInput({
    agency: "海原县工业信息化和商务局",
    year: 2021,
    detectedVersion: "v2019",
    values: {
      ...CLEAN_VALUES,
      "s3.granted.total": 21,
      "s3.total_processed.total": 29,
      "s3.partial.legal": null,
      "s4.review.total": 3,
    },
    blank: ["s3.deny_admin_query.research"],
    narrative: CLEAN_NARRATIVE,
  });

  it("reports each broken rule once, sorted by rule id then path", () => {
    expect(evaluateRules(broken).map((f) => `${f.rule} ${f.path} ${f.expected} ${f.actual}`)).toEqual([
      "cell.blank s3.deny_admin_query.research null 0",
      "cell.missing s3.partial.legal null null",
      "s2.rules_issuer s2.rules.made 0 2",
      "s3.balance s3.total 32 33",
      "s3.row_total s3.granted 20 21",
      "s3.row_total s3.total_processed 28 29",
      "s4.group_total s4.review 2 3",
      "template.version_mismatch report.template null 2021",
      "text.processed s3.total_processed.total 29 28",
      "text.review s4.review.total 3 2",
    ]);
  });

  it("emits flags that satisfy the output schema", () => {
    for (const flag of evaluateRules(broken)) expect(flagSchema.safeParse(flag).success).toBe(true);
  });

  it("never changes the input's values", () => {
    const before = JSON.stringify([...broken.cells]);
    evaluateRules(broken);
    expect(JSON.stringify([...broken.cells])).toBe(before);
  });

  it("runs no rules for a template without any", () => {
    const input = buildRuleInput({ values: { "s3.granted.total": 5 } });
    expect(evaluateRules({ ...input, template: { ...input.template, rules: [] } })).toEqual([]);
  });
});
