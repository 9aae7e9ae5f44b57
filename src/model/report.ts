import { z } from "zod";
import { cellSchema } from "./cell.js";
import { flagSchema } from "./flag.js";
import { issueSchema } from "./issue.js";
import type { CellPath } from "./template-paths.js";

export const REPORT_SCHEMA_ID = "gongkai.report/1";

/** The template versions of SPEC §1, and `unknown`; declared once here (templates/registry.ts holds their data). */
export const templateVersionSchema = z.enum(["v2021", "v2019", "legacy", "unknown"]);
export type TemplateVersion = z.infer<typeof templateVersionSchema>;
export const statusSchema = z.enum(["success", "partial_success", "failure"]);
export type Status = z.infer<typeof statusSchema>;

export const pageInfoSchema = z.strictObject({
  page: z.number().int().positive(),
  method: z.enum(["text", "ocr"]),
  /** 0–1: share of usable characters in the page's text layer (0 when it has none). */
  text_quality: z.number().min(0).max(1),
});
export type PageInfo = z.infer<typeof pageInfoSchema>;

export const sourceSchema = z.strictObject({
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative().nullable(),
});

/** `report` of an output whose `template` is one of `versions` (the registered template versions and `unknown`). */
export function reportMetaSchemaFor(versions: readonly string[]) {
  return reportMetaSchema.extend({ template: z.enum(versions as [string, ...string[]]) });
}

export const reportMetaSchema = z.strictObject({
  agency: z.string().nullable(),
  year: z.number().int().nullable(),
  template: templateVersionSchema,
  title: z.string().nullable(),
  /**
   * How sure the reading of `agency` and `year` is, on the scale of cells (0–1; below 0.9 uncertain): 1 from a
   * text layer, the recogniser's confidence from OCR. Null where the field is null.
   */
  confidence: z
    .strictObject({ agency: z.number().min(0).max(1).nullable(), year: z.number().min(0).max(1).nullable() })
    .optional(),
});

/** `values`: every key of a template (its `listCellPaths`), nested by section and row; null where not read. */
export function valuesSchemaFor(paths: readonly Pick<CellPath, "section" | "row" | "column">[]) {
  const sections: Record<string, Record<string, Record<string, z.ZodType>>> = {};
  for (const cellPath of paths) {
    const rows = (sections[cellPath.section] ??= {});
    const columns = (rows[cellPath.row] ??= {});
    // Printed non-integers and negatives are kept as printed and flagged by `cell.integer`.
    columns[cellPath.column] = z.number().nullable();
  }
  const shape: Record<string, z.ZodType> = {};
  for (const [section, rows] of Object.entries(sections)) {
    const rowShape: Record<string, z.ZodType> = {};
    for (const [row, columns] of Object.entries(rows)) rowShape[row] = z.strictObject(columns);
    shape[section] = z.strictObject(rowShape);
  }
  return z.strictObject(shape);
}

/**
 * The whole output document of one input (SPEC §5), for a template's cell paths; `versions` are the template
 * ids `report.template` may take (the built-in ones unless given). Values are optional only for failed inputs.
 */
export function reportSchemaFor(
  paths: readonly Pick<CellPath, "section" | "row" | "column">[],
  versions: readonly string[] = templateVersionSchema.options,
) {
  return z.strictObject({
    schema: z.literal(REPORT_SCHEMA_ID),
    source: sourceSchema,
    report: reportMetaSchemaFor(versions),
    status: statusSchema,
    values: z.union([valuesSchemaFor(paths), z.strictObject({})]),
    cells: z.record(z.string(), cellSchema),
    flags: z.array(flagSchema),
    issues: z.array(issueSchema),
    pages: z.array(pageInfoSchema),
  });
}

export type ReportOutput = z.infer<ReturnType<typeof reportSchemaFor>>;
