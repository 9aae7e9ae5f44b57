import type { Flag } from "../../model/flag.js";
import type { RuleInput } from "../../model/rule-input.js";
import type { RuleDef } from "../../templates/rule-def.js";
import { checkCells } from "./check-cells.js";
import { checkIssuerScope } from "./check-issuer-scope.js";
import { checkNarrativeEquals } from "./check-narrative-equals.js";
import { checkSumEquals } from "./check-sum-equals.js";
import { checkTemplateYear } from "./check-template-year.js";
import { checkUnitPlausible } from "./check-unit-plausible.js";
import { buildNarrativeText, type NarrativeText } from "./narrative-text.js";

/**
 * Every flag of the template's rules on one report, sorted by rule id then path (code-unit order) so the output
 * is deterministic. Values are never changed.
 */
export function evaluateRules(input: RuleInput): Flag[] {
  const narrative = buildNarrativeText(input.narrative);
  const flags = (input.template.rules ?? []).flatMap((rule) => applyRule(rule, input, narrative));
  return flags.sort((a, b) => compareText(a.rule, b.rule) || compareText(a.path, b.path));
}

function applyRule(rule: RuleDef, input: RuleInput, narrative: NarrativeText): Flag[] {
  switch (rule.kind) {
    case "sum_equals":
      return checkSumEquals(rule, input);
    case "cell_check":
      return checkCells(rule, input);
    case "narrative_equals":
      return checkNarrativeEquals(rule, input, narrative);
    case "issuer_scope":
      return checkIssuerScope(rule, input);
    case "unit_plausible":
      return checkUnitPlausible(rule, input, narrative);
    case "template_year":
      return checkTemplateYear(rule, input);
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
