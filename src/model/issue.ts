import { z } from "zod";
import { severitySchema } from "./flag.js";

export const stageSchema = z.enum(["ingest", "text-layer", "layout", "mapping", "rules", "output"]);
export type Stage = z.infer<typeof stageSchema>;

/** Error classes of a failed input (SPEC §5). */
export const errorClassSchema = z.enum([
  "encrypted",
  "corrupt",
  "not_a_report",
  "unreadable",
  "timeout",
  "too_large",
  "unsupported",
  "internal",
  "no_tables",
]);
export type ErrorClass = z.infer<typeof errorClassSchema>;

/**
 * Every issue code, defined once: the error class of an input that failed as a whole, or a problem on the way
 * (machine codes, `<area>.<what>`).
 */
export const issueCodeSchema = z.enum([
  ...errorClassSchema.options,
  "page.needs_ocr",
  "page.ocr",
  "page.rotated",
  "page.unreadable",
  "page.image_unread",
  "meta.agency_place",
  "meta.agency_revised",
  "meta.agency_words",
  "meta.no_title",
  "meta.uncertain",
  "table.image_missing",
  "table.implausible_grid",
  "table.not_found",
  "table.several",
  "template.section2_not_read",
  "ocr.suspect_cell",
  "rules.failed",
  "status.partial",
]);
export type IssueCode = z.infer<typeof issueCodeSchema>;

/** An extraction problem (not a rule finding): unreadable page, table not found, bad input. */
export const issueSchema = z.strictObject({
  code: issueCodeSchema,
  severity: severitySchema,
  stage: stageSchema,
  message: z.string(),
  page: z.number().int().positive().optional(),
});
export type Issue = z.infer<typeof issueSchema>;
