import { z } from "zod";
import { boxSchema } from "./geometry.js";

/** `derived`: computed from other cells of the report (no printed place of its own). */
export const cellSourceSchema = z.enum(["text", "ocr", "derived"]);
export type CellSource = z.infer<typeof cellSourceSchema>;

/**
 * The one confidence scale (0–1) of every reading: a cell (or a report's agency and year) read with less than
 * this is uncertain — the report is `partial_success`, and an arithmetic rule that fails through it is a
 * warning with `uncertain_reading`, not an error (SPEC §4).
 */
export const UNCERTAIN_BELOW = 0.9;

/** One template cell as read from the document, with its provenance. */
export const cellSchema = z.strictObject({
  /** The normalised number; null when the cell could not be read (never a silent 0). */
  value: z.number().nullable(),
  /** The text printed in the cell, whitespace-collapsed; "" for an empty cell, null when not found. */
  raw: z.string().nullable(),
  /** 1-based page number. */
  page: z.number().int().positive().nullable(),
  bbox: boxSchema.nullable(),
  source: cellSourceSchema,
  /** 0–1: how sure the reading is. Text-layer cells matched to the template grid are 1. */
  confidence: z.number().min(0).max(1),
  /** The cell was printed blank, "—", "-", "/" or "无" and read as 0. */
  blank: z.boolean(),
  /**
   * Where the cell was read in a document without pages (HTML, .docx), whose `page` and `bbox` are null: a DOM
   * path (`html[1]/body[1]/table[2]/tr[5]/td[3]`) or a Word body index (`tbl[3]/tr[5]/tc[4]`, `p[12]`).
   * Absent for PDFs.
   */
  locator: z.string().nullable().optional(),
});
export type Cell = z.infer<typeof cellSchema>;

/** A cell as a flag cites it: its path, value and location. */
export const cellRefSchema = z.strictObject({
  path: z.string(),
  value: z.number().nullable(),
  page: z.number().int().positive().nullable(),
  bbox: boxSchema.nullable(),
  /** As `Cell.locator`: set for documents without pages. */
  locator: z.string().nullable().optional(),
});
export type CellRef = z.infer<typeof cellRefSchema>;
