import { legacy } from "./legacy/index.js";
import type { TemplateDef, TemplateVersion } from "./template-def.js";
import { v2019 } from "./v2019/index.js";
import { v2021 } from "./v2021/index.js";

/**
 * The template a report is mapped with, from the version its layout shows (SPEC §1: headers first, the
 * year as fallback). The 2019 layout gets its own keys, a pre-2019 report its legacy facts; anything else is read
 * with the 2021 template.
 */
export function selectTemplate(version: TemplateVersion): TemplateDef {
  return version === "v2019" ? v2019 : version === "legacy" ? legacy : v2021;
}
