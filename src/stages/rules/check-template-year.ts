import type { Flag } from "../../model/flag.js";
import { coversYear, templateFor } from "../../templates/index.js";
import type { RuleBase } from "../../templates/rule-def.js";
import type { RuleInput } from "../../templates/rule-input.js";
import type { RuleKindDef } from "./rule-kind.js";

/** The detected layout version against the report year: the years of each registered template (`years`). */
export interface TemplateYearRule extends RuleBase {
  readonly kind: "template_year";
  readonly path: string;
}

declare module "../../templates/rule-def.js" {
  interface RuleKinds {
    template_year: TemplateYearRule;
  }
}

/**
 * A flag when a layout the report prints (the detected version, or section 三's when it differs) is a registered
 * template whose `years` do not cover the report year; nothing when the year or the version is unknown. One
 * flag, for the first such layout.
 */
export function checkTemplateYear(rule: TemplateYearRule, input: RuleInput): Flag[] {
  const { year } = input;
  if (year === null) return [];
  const outside = (input.layoutVersions ?? [input.detectedVersion])
    .map((version) => templateFor(version))
    .find((template) => template !== undefined && !coversYear(template, year));
  if (outside === undefined) return [];
  const detectedVersion = outside.version;
  const range = outside.years;
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

/** The `template_year` rule kind (registered in rule-kinds.ts). */
export const templateYearKind: RuleKindDef<TemplateYearRule> = {
  kind: "template_year",
  recheckable: false,
  check: (rule, input) => checkTemplateYear(rule, input),
};
