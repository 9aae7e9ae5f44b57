import { type Cell, UNCERTAIN_BELOW } from "../../model/cell.js";
import type { Flag } from "../../model/flag.js";
import type { Issue } from "../../model/issue.js";
import {
  type PageInfo,
  REPORT_SCHEMA_ID,
  type ReportOutput,
  reportSchemaFor,
  type Status,
} from "../../model/report.js";
import { nestValues } from "../../model/template-paths.js";
import { type TemplateDef, type TemplateVersion, templateVersions } from "../../templates/index.js";
import { listCellPaths } from "../../templates/template-paths.js";

export interface OutputParts {
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly pageCount: number | null;
  readonly meta: {
    agency: string | null;
    year: number | null;
    template: TemplateVersion;
    title: string | null;
    confidence?: { agency: number | null; year: number | null };
  };
  readonly status: Status;
  readonly cells: ReadonlyMap<string, Cell> | null;
  readonly flags: readonly Flag[];
  readonly issues: readonly Issue[];
  readonly pages: readonly PageInfo[];
}

/** The output's report metadata from what the mapping found (title, agency, year, their confidence, version). */
export function reportMeta(mapped: {
  readonly agency: string | null;
  readonly year: number | null;
  readonly detectedVersion: TemplateVersion;
  readonly title: string | null;
  readonly confidence: { agency: number | null; year: number | null };
}): OutputParts["meta"] {
  return {
    agency: mapped.agency,
    year: mapped.year,
    template: mapped.detectedVersion,
    title: mapped.title,
    confidence: mapped.confidence,
  };
}

/** Assembles the output document in a fixed key order and validates it against the template's schema. */
export function buildOutput(parts: OutputParts, template: TemplateDef): ReportOutput {
  const cells: Record<string, Cell> = {};
  const flat = new Map<string, number | null>();
  if (parts.cells) {
    for (const { path } of listCellPaths(template)) {
      const cell = parts.cells.get(path);
      if (!cell) continue;
      cells[path] = cell;
      flat.set(path, cell.value);
    }
  }
  const output = {
    schema: REPORT_SCHEMA_ID,
    source: { file: parts.file, sha256: parts.sha256, bytes: parts.bytes, pages: parts.pageCount },
    report: {
      agency: parts.meta.agency,
      year: parts.meta.year,
      template: parts.meta.template,
      title: parts.meta.title,
      ...(parts.meta.confidence ? { confidence: parts.meta.confidence } : {}),
    },
    status: parts.status,
    values: nestValues(flat),
    cells,
    flags: [...parts.flags],
    issues: parts.status === "partial_success" ? [...parts.issues, explainPartial(parts, template)] : [...parts.issues],
    pages: [...parts.pages],
  };
  return schemaFor(template).parse(output) as ReportOutput;
}

/**
 * One output schema per template (and set of registered versions), built once: zod compiles an object schema on
 * its first parse, so a schema built per document was compiled again for every document.
 */
const schemas = new WeakMap<TemplateDef, { versions: string; schema: ReturnType<typeof reportSchemaFor> }>();

function schemaFor(template: TemplateDef): ReturnType<typeof reportSchemaFor> {
  const versions = templateVersions();
  const key = versions.join(",");
  const known = schemas.get(template);
  if (known && known.versions === key) return known.schema;
  const schema = reportSchemaFor(listCellPaths(template), versions);
  schemas.set(template, { versions: key, schema });
  return schema;
}

/** Issue codes that leave pages or rules undone: each makes a report `partial_success`. */
const INCOMPLETE_CODES = ["page.needs_ocr", "page.unreadable", "rules.failed"];

/**
 * The `status.partial` issue every `partial_success` output carries: why it is not `success` (cells not read,
 * cells below UNCERTAIN_BELOW, pages left unread, rules that could not run), so the status never stands alone.
 */
function explainPartial(parts: OutputParts, template: TemplateDef): Issue {
  const cells = [...(parts.cells?.values() ?? [])];
  const reasons: string[] = [];
  const missing = cells.filter((c) => c.value === null).length;
  const uncertain = cells.filter((c) => c.value !== null && c.confidence < UNCERTAIN_BELOW).length;
  // A `facts` template has no fixed table: a fact the report does not state is not a cell left unread.
  if (missing > 0 && template.layout === "table") reasons.push(`${missing} cell(s) not read`);
  if (uncertain > 0) reasons.push(`${uncertain} cell(s) below confidence ${UNCERTAIN_BELOW}`);
  for (const code of INCOMPLETE_CODES) {
    const found = parts.issues.filter((i) => i.code === code);
    if (found.length === 0) continue;
    const pages = found.map((i) => i.page).filter((p) => p !== undefined);
    reasons.push(pages.length > 0 ? `${code} on page(s) ${[...new Set(pages)].join(", ")}` : code);
  }
  if (cells.every((c) => c.value === null)) reasons.push("only the report's identity was read");
  return {
    code: "status.partial",
    severity: "warning",
    stage: "output",
    message: `partial_success: ${reasons.join("; ") || "not every template cell was read"}`,
  };
}

/**
 * `success` = every template cell read; `partial_success` = some cells or pages unread, but something
 * usable (cells, or the report's identity while its table pages await OCR), or some cells uncertain
 * (confidence below UNCERTAIN_BELOW); `failure` = nothing (SPEC §5).
 */
export function decideStatus(cells: ReadonlyMap<string, Cell>, issues: readonly Issue[], identified: boolean): Status {
  const all = [...cells.values()];
  const read = all.filter((c) => c.value !== null).length;
  if (read === 0 && !identified) return "failure";
  const uncertain = all.some((c) => c.value !== null && c.confidence < UNCERTAIN_BELOW);
  const incomplete = issues.some((i) => INCOMPLETE_CODES.includes(i.code));
  return read === all.length && !incomplete && !uncertain ? "success" : "partial_success";
}

/**
 * Status of a `legacy` report, which has no fixed table: `success` when at least one fact was read, no page was
 * left unread, no printed fact left unread and no fact read is uncertain (an OCR reading below the threshold); `partial_success` when the
 * report was identified (or some fact read) but not that;
 * `failure` when neither. A fact the report does not state is not a missing cell.
 */
export function decideLegacyStatus(
  cells: ReadonlyMap<string, Cell>,
  issues: readonly Issue[],
  identified: boolean,
): Status {
  const read = [...cells.values()].some((c) => c.value !== null);
  if (!read && !identified) return "failure";
  const incomplete = issues.some((i) => INCOMPLETE_CODES.includes(i.code));
  const uncertain = [...cells.values()].some((c) => c.value !== null && c.confidence < UNCERTAIN_BELOW);
  // A fact printed but not read (its place holds a mark no number was read in) is a cell left unread.
  const unread = [...cells.values()].some((c) => c.value === null && c.raw !== null && c.raw.trim() !== "");
  return read && !incomplete && !uncertain && !unread ? "success" : "partial_success";
}

/** The status rule of the report's template. */
export function decideStatusFor(
  template: TemplateDef,
  cells: ReadonlyMap<string, Cell>,
  issues: readonly Issue[],
  identified: boolean,
): Status {
  return template.layout === "facts"
    ? decideLegacyStatus(cells, issues, identified)
    : decideStatus(cells, issues, identified);
}
