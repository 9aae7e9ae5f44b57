import { describe, expect, it } from "vitest";
import { checkTemplateYear } from "../../../src/stages/rules/check-template-year.js";
import type { TemplateVersion } from "../../../src/templates/template-def.js";
import { buildRuleInput, findRule } from "./rule-input-builder.js";

const rule = findRule("template.version_mismatch", "template_year");

describe("checkTemplateYear", () => {
  it.each<{ version: TemplateVersion; year: number | null; flagged: boolean }>([
    { version: "v2019", year: 2022, flagged: true },
    { version: "v2019", year: 2021, flagged: true },
    { version: "v2019", year: 2020, flagged: false },
    { version: "v2021", year: 2020, flagged: true },
    { version: "v2021", year: 2019, flagged: true },
    { version: "v2021", year: 2021, flagged: false },
    { version: "v2021", year: 2024, flagged: false },
    { version: "v2021", year: null, flagged: false },
    { version: "unknown", year: 2018, flagged: false },
    { version: "legacy", year: 2023, flagged: true },
    { version: "legacy", year: 2015, flagged: false },
    { version: "v2019", year: 2018, flagged: true },
  ])("$version in $year flagged: $flagged", ({ version, year, flagged }) => {
    const flags = checkTemplateYear(rule, buildRuleInput({ detectedVersion: version, year }));
    expect(flags.map((f) => [f.rule, f.severity, f.path, f.actual])).toEqual(
      flagged ? [["template.version_mismatch", "warning", "report.template", year]] : [],
    );
  });

  it("names the version and year in the message", () => {
    const [flag] = checkTemplateYear(rule, buildRuleInput({ detectedVersion: "v2019", year: 2024 }));
    expect(flag?.message.zh).toContain("2024");
    expect(flag?.message.en).toContain("v2019");
  });

  it.each<{ layouts: TemplateVersion[]; year: number; flaggedAs: TemplateVersion | null }>([
    { layouts: ["v2021", "v2019"], year: 2024, flaggedAs: "v2019" },
    { layouts: ["v2019", "v2021"], year: 2020, flaggedAs: "v2021" },
    { layouts: ["v2019", "v2021"], year: 2021, flaggedAs: "v2019" },
    { layouts: ["v2021"], year: 2024, flaggedAs: null },
  ])("a report printing $layouts in $year is flagged as $flaggedAs", ({ layouts, year, flaggedAs }) => {
    const input = { ...buildRuleInput({ detectedVersion: layouts[0] ?? "unknown", year }), layoutVersions: layouts };
    const flags = checkTemplateYear(rule, input);
    expect(flags.length).toBe(flaggedAs === null ? 0 : 1);
    if (flaggedAs !== null) expect(flags[0]?.message.en).toContain(`${flaggedAs} layout`);
  });
});
