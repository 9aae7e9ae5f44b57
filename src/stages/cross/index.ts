export { evaluateCross } from "./evaluate-cross.js";
export { normalizeAgencies, parseAgency } from "./normalize-agency.js";
export { crossPaths, type ReportFacts, readReportFacts } from "./report-facts.js";
