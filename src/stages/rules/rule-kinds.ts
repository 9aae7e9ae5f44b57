import type { RuleBase } from "../../templates/rule-def.js";
import { cellCheckKind } from "./check-cells.js";
import { issuerScopeKind } from "./check-issuer-scope.js";
import { narrativeEqualsKind } from "./check-narrative-equals.js";
import { sumEqualsKind } from "./check-sum-equals.js";
import { templateYearKind } from "./check-template-year.js";
import { unitPlausibleKind } from "./check-unit-plausible.js";
import type { RuleKindDef } from "./rule-kind.js";

/**
 * The rule kinds the rules stage can check: the one table a new kind is added to. A rule of a kind not here is a
 * defect (the rules fail with `rules.failed`, the document keeps its cells).
 */
const kinds = new Map<string, RuleKindDef<RuleBase>>();

/**
 * Adds a rule kind (a built-in one below, a plug-in, or a test); its `kind` must be new. Returns the function
 * that removes it again.
 */
export function registerRuleKind<R extends RuleBase>(definition: RuleKindDef<R>): () => void {
  if (kinds.has(definition.kind)) throw new Error(`Expected a new rule kind, got \`${definition.kind}\` (registered)`);
  kinds.set(definition.kind, definition as unknown as RuleKindDef<RuleBase>);
  return () => {
    kinds.delete(definition.kind);
  };
}

/** The registered kind of a rule; throws for a kind nothing registered. */
export function ruleKindOf(kind: string): RuleKindDef<RuleBase> {
  const found = kinds.get(kind);
  if (found === undefined) throw new Error(`Expected a registered rule kind, got \`${kind}\``);
  return found;
}

registerRuleKind(sumEqualsKind);
registerRuleKind(cellCheckKind);
registerRuleKind(narrativeEqualsKind);
registerRuleKind(issuerScopeKind);
registerRuleKind(unitPlausibleKind);
registerRuleKind(templateYearKind);
