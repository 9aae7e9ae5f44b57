import { z } from "zod";
import { boxSchema } from "./geometry.js";

/** A line of running text outside the statistical tables, in reading order. */
export const narrativeLineSchema = z.strictObject({
  text: z.string(),
  page: z.number().int().positive(),
  bbox: boxSchema,
});
export type NarrativeLine = z.infer<typeof narrativeLineSchema>;
