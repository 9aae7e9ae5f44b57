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

/** An extraction problem (not a rule finding): unreadable page, table not found, bad input. */
export const issueSchema = z.strictObject({
  code: z.string(),
  severity: severitySchema,
  stage: stageSchema,
  message: z.string(),
  page: z.number().int().positive().optional(),
});
export type Issue = z.infer<typeof issueSchema>;
