export { buildOutput, decideStatus, decideStatusFor, type OutputParts, reportMeta } from "./build-output.js";
