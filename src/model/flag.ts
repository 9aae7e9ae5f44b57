import { z } from "zod";
import { cellRefSchema } from "./cell.js";

export const severitySchema = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof severitySchema>;

export const messageSchema = z.strictObject({ zh: z.string(), en: z.string() });
export type Message = z.infer<typeof messageSchema>;

/** A consistency-rule finding about the report's published numbers (SPEC §4). */
export const flagSchema = z.strictObject({
  rule: z.string(),
  severity: severitySchema,
  /** What the flag concerns: a cell path, a row (`s3.granted`), a column (`s3.total`) or a group (`s4.review`). */
  path: z.string(),
  cells: z.array(cellRefSchema),
  expected: z.number().nullable(),
  actual: z.number().nullable(),
  message: messageSchema,
  /**
   * SPEC §4: an `s3.*` or `s4.*` arithmetic rule that fails where a cell involved is below confidence 0.9 (an OCR
   * reading): the reading, not the publication, may be wrong. Severity is then `warning`. Absent means false.
   */
  uncertain_reading: z.boolean().optional(),
});
export type Flag = z.infer<typeof flagSchema>;
