import { registeredTemplates, templateFor } from "./registry.js";
import type { TemplateDef, TemplateVersion } from "./template-def.js";

/**
 * The template a report is mapped with, from the version its layout shows (SPEC §1: headers first, the
 * year as fallback): that version's, or the first registered for `unknown`. `section3` is the layout section 三
 * prints when it differs (a 2021 report keeping the 2019 single （六）其他处理 row, or the reverse): section 三
 * is then mapped, and checked, with that layout's rows, while section 二 keeps the detected version's keys.
 * A `facts` template (no fixed table) is never mixed.
 */
export function selectTemplate(version: TemplateVersion, section3: TemplateVersion = "unknown"): TemplateDef {
  const base = templateFor(version) ?? (registeredTemplates()[0] as TemplateDef);
  if (base.layout !== "table" || section3 === base.version) return base;
  const s3 = templateFor(section3);
  if (s3 === undefined || s3.layout !== "table") return base;
  const withBase = mixed.get(base) ?? new Map<TemplateDef, TemplateDef>();
  mixed.set(base, withBase);
  let template = withBase.get(s3);
  if (template === undefined) withBase.set(s3, (template = mixSection3(base, s3)));
  return template;
}

/** Mixed templates by base and section-三 template, made once per pair so each is one object. */
const mixed = new WeakMap<TemplateDef, Map<TemplateDef, TemplateDef>>();

/** `base` with section 三 (rows, group labels, derived rows, and the rules over them) taken from `s3`. */
function mixSection3(base: TemplateDef, s3: TemplateDef): TemplateDef {
  const resultsTotal = (s3.rules ?? []).filter((r) => r.id === "s3.results_total");
  const { s3Derived: _baseDerived, ...rest } = base;
  return {
    ...rest,
    s3Rows: s3.s3Rows,
    s3GroupLabels: s3.s3GroupLabels,
    ...(s3.s3Derived ? { s3Derived: s3.s3Derived } : {}),
    rules: (base.rules ?? []).flatMap((r) => (r.id === "s3.results_total" ? [] : [r])).concat(resultsTotal),
  };
}
