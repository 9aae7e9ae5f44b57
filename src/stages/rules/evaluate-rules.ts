import { UNCERTAIN_BELOW } from "../../model/cell.js";
import type { Flag } from "../../model/flag.js";
import type { RuleDef } from "../../templates/rule-def.js";
import type { RuleInput } from "../../templates/rule-input.js";
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
  const flags = (input.template.rules ?? [])
    .flatMap((rule) => applyRule(rule, input, narrative))
    .map((flag) => markUncertainReading(flag, input));
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

/** Rules whose failure is arithmetic over printed cells (SPEC §4 "Uncertain readings"). */
const ARITHMETIC = /^s[34]\./;

/**
 * An arithmetic error through a cell read below the threshold becomes a warning marked `uncertain_reading`: a
 * user must be able to tell "the reading may be wrong" from "the publication is wrong".
 */
function markUncertainReading(flag: Flag, input: RuleInput): Flag {
  if (flag.severity !== "error" || !ARITHMETIC.test(flag.rule)) return flag;
  const unsure = flag.cells.some((ref) => (input.cells.get(ref.path)?.confidence ?? 1) < UNCERTAIN_BELOW);
  if (!unsure) return flag;
  return {
    ...flag,
    severity: "warning",
    uncertain_reading: true,
    message: {
      zh: `${flag.message.zh}（读数不确定：涉及的单元格识别置信度低于 ${UNCERTAIN_BELOW}，可能是识别错误而非原文错误）`,
      en: `${flag.message.en} (uncertain reading: a cell involved was read with confidence below ${UNCERTAIN_BELOW}; the reading, not the publication, may be wrong)`,
    },
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
