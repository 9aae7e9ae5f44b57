export { buildOutput, decideStatus, decideStatusFor, type OutputParts } from "./build-output.js";
