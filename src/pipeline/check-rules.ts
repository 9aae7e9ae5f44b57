import { describeError } from "../errors.js";
import type { Flag } from "../model/flag.js";
import type { Issue } from "../model/issue.js";
import { type Done, done } from "../model/result.js";
import { evaluateRules } from "../stages/rules/index.js";
import type { RuleInput } from "../templates/rule-input.js";

/**
 * The report's flags. A defect in one rule must not cost the document its cells: the flags are then
 * incomplete, and a `rules.failed` issue says so. `more` derives further issues from the flags (the OCR
 * checksum) under the same guard.
 */
export function checkRules(input: RuleInput, more?: (flags: readonly Flag[]) => Issue[]): Done<Flag[]> {
  try {
    const flags = evaluateRules(input);
    return done(flags, more ? more(flags) : []);
  } catch (error) {
    return done(
      [],
      [
        {
          code: "rules.failed",
          severity: "error",
          stage: "rules",
          message: `The rules could not run: ${describeError(error)}`,
        },
      ],
    );
  }
}
