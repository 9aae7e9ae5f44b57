export type { FrontEnd, FrontEndContext, InputKindDef } from "./input-kind.js";
export { describeInputKinds, findInputKind, isInputExtension, registerInputKind } from "./registry.js";
