import { z } from "zod";
import { boxSchema } from "./geometry.js";

/** A line of running text outside the statistical tables, in reading order. */
export const narrativeLineSchema = z.strictObject({
  text: z.string(),
  page: z.number().int().positive(),
  bbox: boxSchema,
  /** Set when the line was read from a page image: the confidence of its least sure item. */
  ocr: z.number().min(0).max(1).optional(),
});
export type NarrativeLine = z.infer<typeof narrativeLineSchema>;
