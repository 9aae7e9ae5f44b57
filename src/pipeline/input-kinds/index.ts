export type { FrontEnd, FrontEndContext, InputKindDef } from "./input-kind.js";
export { describeInputKinds, findInputKind, inputExtensions, isInputExtension, registerInputKind } from "./registry.js";
