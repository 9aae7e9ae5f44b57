export { classifyIssuer } from "./classify-issuer.js";
export { evaluateRules } from "./evaluate-rules.js";
export { findSuspectCells, markSuspectFlags, oneDigitApart } from "./ocr-checksum.js";
export { readLegacyFacts } from "./read-legacy-facts.js";
export type { RuleKindDef } from "./rule-kind.js";
export { registerRuleKind, ruleKindOf } from "./rule-kinds.js";
