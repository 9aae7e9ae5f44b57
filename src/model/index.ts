export * from "./cell.js";
export * from "./flag.js";
export * from "./geometry.js";
export * from "./issue.js";
export * from "./narrative.js";
export * from "./report.js";
export type { RuleInput } from "./rule-input.js";
export * from "./template-paths.js";
