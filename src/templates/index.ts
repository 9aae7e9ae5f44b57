export type { TemplateDef, TemplateVersion } from "./template-def.js";
export type { ColumnDef, Fingerprint, GroupDef, ItemDef, NumberKind, RowDef } from "./types.js";
export { v2021 } from "./v2021/index.js";
