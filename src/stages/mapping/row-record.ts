import type { Box } from "../../model/geometry.js";
import type { TextItem } from "../../model/page-content.js";

/** One printed value position of a table row: its text and where it is. */
export interface ValueSlot {
  readonly raw: string;
  readonly box: Box;
  readonly page: number;
  /**
   * Set when the slot was read from a page image: how sure the recogniser is of it (its least sure
   * character; for an empty place, how sure the page reader is that no ink stands there). Absent for text.
   */
  readonly ocr?: number;
}

/**
 * How sure an OCR page reader is that a place it found no text in is empty. Every mark on the page is read,
 * including ink the text detector passed over (see `stages/ocr/orphan-ink.ts`), so an empty place is paper;
 * kept just above the flagging threshold, below the confidence of a clearly read number.
 */
export const OCR_EMPTY_PLACE = 0.92;

/** The OCR confidence of a slot made of `items` (undefined when none of them came from OCR). */
export function ocrConfidence(items: readonly TextItem[]): number | undefined {
  let min: number | undefined;
  for (const item of items) {
    if (item.source !== "ocr") continue;
    min = Math.min(min ?? 1, item.confidence ?? 0);
  }
  return min;
}

/** A slot where nothing is printed in `record` (an OCR record's empty place takes `OCR_EMPTY_PLACE`). */
export function emptySlot(record: RowRecord, box: Box): ValueSlot {
  const ocr = record.items.some((i) => i.source === "ocr");
  if (!ocr) return { raw: "", box, page: record.page };
  return { raw: "", box, page: record.page, ocr: Math.min(OCR_EMPTY_PLACE, record.emptyTrust ?? 1) };
}

/**
 * How far a place of an OCR row with words or misread marks among its values is trusted: a seal's ring, a pen's
 * circle or tick read as characters between the numbers stands where a number may be hidden, and the row's
 * numbers may have been placed around it into the wrong columns.
 */
export const INTRUDED_ROW = 0.5;

/**
 * A table row as the mapper sees it, from a ruled grid row or a free text line: the label text and the
 * value slots left to right. `ruled` slots are real cells (an empty one is a printed blank); free-line
 * slots are only the tokens that were printed, so columns come from header anchors.
 */
export interface RowRecord {
  readonly page: number;
  readonly box: Box;
  label: string;
  labelBox: Box | null;
  slots: ValueSlot[];
  readonly ruled: boolean;
  /** Index of the ruled grid this row belongs to (per document), or -1 for free lines. */
  readonly gridId: number;
  /** The row is the last of its grid on the page / the first on its page (table split across pages). */
  readonly lastOfGrid: boolean;
  readonly firstOfGrid: boolean;
  /** The full text of the row (label and values), for locating headers and section markers. */
  readonly text: string;
  /** The text items of the row (for a grid row: of the cells starting in it), for header anchors. */
  readonly items: readonly TextItem[];
  /** The most an empty place of the row can be trusted, when less than an OCR page's `OCR_EMPTY_PLACE`. */
  readonly emptyTrust?: number;
}

/** A row that carries values: a ruled row with value cells (empty ones are printed blanks), or a free line with value tokens. */
export function isDataRow(record: RowRecord): boolean {
  return record.ruled ? record.slots.length > 0 : record.slots.some((slot) => slot.raw.trim() !== "");
}
