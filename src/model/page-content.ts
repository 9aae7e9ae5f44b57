import type { Box } from "./geometry.js";

/** A run of text as the text layer positions it. Boxes are in PDF points, origin top-left (see geometry.ts). */
export interface TextItem {
  readonly text: string;
  readonly box: Box;
  /** Glyph height in points. */
  readonly fontSize: number;
  readonly fontName: string;
  /** Where the text came from: absent = the PDF text layer; "ocr" = recognised from the page image. */
  readonly source?: "ocr";
  /** 0–1, for OCR items: how sure the recognition is. */
  readonly confidence?: number;
  /** OCR items: where the recogniser hesitated, its second reading of that character (see `TextDoubt`). */
  readonly doubts?: readonly TextDoubt[];
  /**
   * OCR items: the most the reading may be trusted however often the recogniser reads it again, because other
   * evidence disputes it (the mark's shape is a slash; a minus sign read where no flat stroke is).
   */
  readonly ceiling?: number;
}

/**
 * A character the recogniser read unsurely, with the character it held next likeliest there: evidence from the
 * image that a checker (an agency name against its vocabulary) may use, never applied on its own.
 */
export interface TextDoubt {
  /** Index of the character in the item's text (code points). */
  readonly at: number;
  readonly char: string;
  /** The recogniser's probability of `char` at that place, 0–1. */
  readonly confidence: number;
}

/**
 * The text OCR gives a mark it could not read in a table's value cell (U+FFFD): a value slot that holds no
 * number, so the cell is null (not read), never a 0 and never part of the row's label.
 */
export const UNREADABLE = "\uFFFD";

/** A horizontal or vertical ruling line drawn on the page (stroked line or thin filled rectangle). */
export interface RuleSegment {
  readonly orientation: "h" | "v";
  /** y of a horizontal line or x of a vertical one. */
  readonly at: number;
  /** Extent along the line: x0..x1 for horizontal, y0..y1 for vertical (from ≤ to). */
  readonly from: number;
  readonly to: number;
}

export interface PageContent {
  /** 1-based. */
  readonly page: number;
  readonly width: number;
  readonly height: number;
  readonly items: readonly TextItem[];
  readonly segments: readonly RuleSegment[];
  /** Boxes of the images the page paints (a table pasted as a picture, a scanned page). */
  readonly imageBoxes: readonly Box[];
  /** 0–1 share of usable characters; 0 when the page has no text. */
  readonly textQuality: number;
  readonly charCount: number;
}

/** A page as the text layer or OCR read it: what the layout, mapping and rules stages read. */
export interface PageRead {
  readonly content: PageContent;
  /** The text layer is missing or unusable: the page needs OCR. */
  readonly needsOcr: boolean;
  /**
   * Set on a page read by OCR: the degrees (counter-clockwise) its image was turned to straighten it. Its
   * content is in that straightened frame; boxes reported to the user are turned back (`toStoredFrame`).
   */
  readonly skew?: number;
  /** Set on a page read by OCR: quarter turns (counter-clockwise) that made its image upright, before `skew`. */
  readonly quarters?: number;
}
