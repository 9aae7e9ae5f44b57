export { legacy } from "./legacy/index.js";
export type { TemplateDef, TemplateVersion } from "./template-def.js";
export type {
  ColumnDef,
  DerivedRowDef,
  FieldDef,
  Fingerprint,
  GroupDef,
  ItemDef,
  LegacyKeyDef,
  NumberKind,
  RowDef,
} from "./types.js";
export { v2019 } from "./v2019/index.js";
export { v2021 } from "./v2021/index.js";
