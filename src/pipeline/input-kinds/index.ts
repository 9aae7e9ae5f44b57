export type { FrontEndContext, InputKindDef } from "./input-kind.js";
export { describeInputKinds, findInputKind, registerInputKind } from "./registry.js";
