export { legacy } from "./legacy/index.js";
export {
  coversYear,
  registeredTemplates,
  registerTemplate,
  templateFor,
  templateVersions,
  versionForYear,
} from "./registry.js";
export type { RuleInput } from "./rule-input.js";
export { selectTemplate } from "./select-template.js";
export type { TemplateDef, TemplateVersion } from "./template-def.js";
export { listCellPaths } from "./template-paths.js";
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
