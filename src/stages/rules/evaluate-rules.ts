import { UNCERTAIN_BELOW } from "../../model/cell.js";
import type { Flag } from "../../model/flag.js";
import type { RuleBase } from "../../templates/rule-def.js";
import type { RuleInput } from "../../templates/rule-input.js";
import { buildNarrativeText } from "./narrative-text.js";
import { ruleKindOf } from "./rule-kinds.js";

/**
 * Every flag of the template's rules on one report, sorted by rule id then path (code-unit order) so the output
 * is deterministic. Values are never changed.
 */
export function evaluateRules(input: RuleInput): Flag[] {
  const narrative = buildNarrativeText(input.narrative);
  const flags = (input.template.rules ?? []).flatMap((rule) =>
    ruleKindOf(rule.kind)
      .check(rule, input, narrative)
      .map((flag) => markUncertainReading(flag, rule, input)),
  );
  return flags.sort((a, b) => compareText(a.rule, b.rule) || compareText(a.path, b.path));
}

/**
 * An arithmetic error (or a cell's `readingCheck`) through a cell read below the threshold becomes a warning marked
 * `uncertain_reading`: a user must be able to tell "the reading may be wrong" from "the publication is wrong".
 */
function markUncertainReading(flag: Flag, rule: RuleBase, input: RuleInput): Flag {
  if (flag.severity !== "error" || (rule.checksum !== true && rule.readingCheck !== true)) return flag;
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
