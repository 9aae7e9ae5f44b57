import type { Flag } from "../../model/flag.js";
import type { IssuerLevel, IssuerLevels, LocalText, RuleBase } from "../../templates/rule-def.js";
import type { RuleInput } from "../../templates/rule-input.js";
import { formatNumber, readCellRef } from "./cell-refs.js";
import { classifyIssuer } from "./classify-issuer.js";
import type { RuleKindDef } from "./rule-kind.js";

/** A cell that must be 0 for issuers of the denied levels (e.g. 规章 made by a county). */
export interface IssuerScopeRule extends RuleBase {
  readonly kind: "issuer_scope";
  readonly path: string;
  readonly issuerLevels: IssuerLevels;
  /** Levels that may not have a value > 0, each with the reason the message gives. */
  readonly denied: readonly { readonly level: IssuerLevel; readonly reason: LocalText }[];
}

declare module "../../templates/rule-def.js" {
  interface RuleKinds {
    issuer_scope: IssuerScopeRule;
  }
}

/** A flag when the cell is > 0 and the agency's level is one the rule denies; nothing for unknown agencies. */
export function checkIssuerScope(rule: IssuerScopeRule, input: RuleInput): Flag[] {
  if (input.agency === null) return [];
  const cell = readCellRef(input, rule.path);
  if (cell.value === null || cell.value <= 0) return [];
  const level = classifyIssuer(input.agency, rule.issuerLevels);
  const denial = rule.denied.find((entry) => entry.level === level);
  if (denial === undefined) return [];
  const value = formatNumber(cell.value);
  return [
    {
      rule: rule.id,
      severity: rule.severity,
      path: rule.path,
      cells: [cell],
      expected: 0,
      actual: cell.value,
      message: {
        zh: `${input.agency}填报${rule.path} = ${value}，但${denial.reason.zh}`,
        en: `${input.agency} reports ${rule.path} = ${value}, but ${denial.reason.en}`,
      },
    },
  ];
}

/** The `issuer_scope` rule kind (registered in rule-kinds.ts). */
export const issuerScopeKind: RuleKindDef<IssuerScopeRule> = {
  kind: "issuer_scope",
  recheckable: true,
  check: (rule, input) => checkIssuerScope(rule, input),
};
