import type { Flag } from "../../model/flag.js";
import type { RuleBase } from "../../templates/rule-def.js";
import type { RuleInput } from "../../templates/rule-input.js";
import type { NarrativeText } from "./narrative-text.js";

/**
 * A kind of rule: how the rules stage checks every rule of that kind. Its data shape (`R`) is declared with the
 * template data it types (templates/rule-def.ts); its checker lives in one file here, registered in
 * rule-kinds.ts.
 */
export interface RuleKindDef<R extends RuleBase> {
  readonly kind: R["kind"];
  /**
   * Whether the rule can run again on an output's cells alone (the export's recheck after corrections); false
   * when it reads what an output does not keep (the narrative, the layouts the report printed): its flags are
   * then carried over.
   */
  readonly recheckable: boolean;
  /** The rule's flags on one report; values are never changed. */
  readonly check: (rule: R, input: RuleInput, narrative: NarrativeText) => Flag[];
}
