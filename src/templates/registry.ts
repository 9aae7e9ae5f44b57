import { legacy } from "./legacy/index.js";
import type { TemplateDef, TemplateVersion } from "./template-def.js";
import { v2019 } from "./v2019/index.js";
import { v2021 } from "./v2021/index.js";

/**
 * The template versions the pipeline knows, in the order they are tried: version detection breaks a tie of
 * marker counts in this order, and a report whose version is unknown is read with the first. Adding a version
 * is one folder of data (see v2021/) and one entry here; nothing in stages/ or outputs/ names a version.
 */
const templates: TemplateDef[] = [v2021, v2019, legacy];

/** Every registered template, in registry order. */
export function registeredTemplates(): readonly TemplateDef[] {
  return templates;
}

/**
 * Registers a template version after the built-in ones (a plug-in, or a test). Its id must be new, and must be
 * named in the output contract's `templateVersionSchema` (model/report.ts) to be written to an output. Returns
 * the function that removes it again (tests share one module registry: `isolate: false`).
 */
export function registerTemplate(template: TemplateDef): () => void {
  if (template.version === "unknown" || templates.some((t) => t.version === template.version))
    throw new Error(`Expected a new template version, got \`${template.version}\` (already registered or reserved)`);
  templates.push(template);
  return () => {
    const at = templates.indexOf(template);
    if (at >= 0) templates.splice(at, 1);
  };
}

/** The registered template of a version; undefined for `unknown` and for an unregistered id. */
export function templateFor(version: TemplateVersion): TemplateDef | undefined {
  return templates.find((t) => t.version === version);
}

/** The ids a report's `template` may take: every registered version, then `unknown`. */
export function templateVersions(): TemplateVersion[] {
  return [...templates.map((t) => t.version), "unknown"];
}

/** Whether `year` is one of the report years a version is meant for. */
export function coversYear(template: TemplateDef, year: number): boolean {
  const { from, to } = template.years;
  return (from === undefined || year >= from) && (to === undefined || year <= to);
}

/** The version a report year implies (SPEC §1: the fallback when no table header decides), or `unknown`. */
export function versionForYear(year: number): TemplateVersion {
  return templates.find((t) => coversYear(t, year))?.version ?? "unknown";
}
