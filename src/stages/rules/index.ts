export { classifyIssuer } from "./classify-issuer.js";
export { evaluateRules } from "./evaluate-rules.js";
export { readLegacyFacts } from "./read-legacy-facts.js";
