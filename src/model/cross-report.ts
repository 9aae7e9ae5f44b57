import { z } from "zod";
import { messageSchema, severitySchema } from "./flag.js";
import { boxSchema } from "./geometry.js";

export const CROSS_REPORT_SCHEMA_ID = "gongkai.cross-report/1";

/** A cell a cross-report flag cites: in which output file, at which path, its value and location. */
export const crossCellSchema = z.strictObject({
  /** The output JSON's path relative to the checked folder, `/`-separated. */
  file: z.string(),
  path: z.string(),
  value: z.number().nullable(),
  page: z.number().int().positive().nullable(),
  bbox: boxSchema.nullable(),
});
export type CrossCell = z.infer<typeof crossCellSchema>;

/** A finding over two reports of one agency (SPEC §4 `cross.*`). */
export const crossFlagSchema = z.strictObject({
  rule: z.string(),
  severity: severitySchema,
  path: z.string(),
  /** The normalised agency (see stages/cross/normalize-agency.ts). */
  agency: z.string(),
  /** The two report years, earlier first. */
  years: z.array(z.number().int()),
  /** The two output files, earlier year first. */
  files: z.array(z.string()),
  cells: z.array(crossCellSchema),
  expected: z.number().nullable(),
  actual: z.number().nullable(),
  message: messageSchema,
});
export type CrossFlag = z.infer<typeof crossFlagSchema>;

/** `<dir>/cross-report.json`. */
export const crossReportSchema = z.strictObject({
  schema: z.literal(CROSS_REPORT_SCHEMA_ID),
  /** Reports considered: outputs with an agency and a year that did not fail. */
  reports: z.number().int().nonnegative(),
  flags: z.array(crossFlagSchema),
});
export type CrossReport = z.infer<typeof crossReportSchema>;
