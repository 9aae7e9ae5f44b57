import type { Flag } from "../model/flag.js";
import type { Issue } from "../model/issue.js";
import { evaluateRules } from "../stages/rules/index.js";
import type { RuleInput } from "../templates/rule-input.js";

/**
 * The report's flags. A defect in one rule must not cost the document its cells: the flags are then
 * incomplete, and a `rules.failed` issue says so. `more` derives further issues from the flags (the OCR
 * checksum) under the same guard.
 */
export function checkRules(input: RuleInput, issues: Issue[], more?: (flags: readonly Flag[]) => Issue[]): Flag[] {
  try {
    const flags = evaluateRules(input);
    if (more) issues.push(...more(flags));
    return flags;
  } catch (error) {
    issues.push({
      code: "rules.failed",
      severity: "error",
      stage: "rules",
      message: `The rules could not run: ${error instanceof Error ? error.message : String(error)}`,
    });
    return [];
  }
}
