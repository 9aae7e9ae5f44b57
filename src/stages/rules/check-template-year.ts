import type { Flag } from "../../model/flag.js";
import type { RuleInput } from "../../model/rule-input.js";
import type { TemplateYearRule } from "../../templates/rule-def.js";

/** A flag when the detected layout's version does not cover the report year; nothing when either is unknown. */
export function checkTemplateYear(rule: TemplateYearRule, input: RuleInput): Flag[] {
  const { year, detectedVersion } = input;
  const range = rule.years[detectedVersion];
  if (year === null || range === undefined) return [];
  if ((range.from === undefined || year >= range.from) && (range.to === undefined || year <= range.to)) return [];
  const years = `${range.from ?? ""}–${range.to ?? ""}`;
  return [
    {
      rule: rule.id,
      severity: rule.severity,
      path: rule.path,
      cells: [],
      expected: null,
      actual: year,
      message: {
        zh: `${year}年度报告使用了 ${detectedVersion} 版表格（适用于 ${years} 年度）`,
        en: `A ${year} report printed in the ${detectedVersion} layout (meant for report years ${years})`,
      },
    },
  ];
}
