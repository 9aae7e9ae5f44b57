import type { Box } from "../../model/geometry.js";
import type { Matrix } from "../../model/matrix.js";
import type { TextItem } from "../../model/page-content.js";

/**
 * What an OFD page paints, in paint order, in the frame every stage uses: PDF points (1/72 in; OFD's
 * millimetres × 72/25.4), origin at the top-left corner of the page's PhysicalBox, y downward (OFD's own axis
 * already points down, so nothing is flipped).
 */
export type OfdMark = OfdTextMark | OfdPathMark | OfdImageMark;

/** An sRGB colour, 0–255 per channel, with alpha 0–1. */
export interface OfdColor {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly a: number;
}

/** A glyph's origin on the baseline and the character it shows. */
export interface OfdGlyph {
  readonly char: string;
  readonly x: number;
  readonly y: number;
}

export interface OfdTextMark {
  readonly kind: "text";
  /** Runs of the text object as text items (one per stretch of glyphs set next to each other on one baseline). */
  readonly items: readonly TextItem[];
  /** Every glyph, for drawing. */
  readonly glyphs: readonly OfdGlyph[];
  /** Maps a glyph of 1 pt (origin at 0,0, baseline along x) onto the page, before its origin is added. */
  readonly glyphMatrix: readonly [number, number, number, number];
  /** Font size in points along the glyph's vertical axis. */
  readonly size: number;
  readonly fontName: string;
  readonly fill: OfdColor | null;
  readonly stroke: OfdColor | null;
  /** Whether the baseline runs along a page axis (slanted text, a diagonal watermark, is not report content). */
  readonly axisAligned: boolean;
  readonly clip: Box | null;
}

/** A path command in page points; arcs are already turned into cubic curves. */
export type PathCommand =
  | { readonly op: "M" | "L"; readonly to: readonly [number, number] }
  | { readonly op: "Q"; readonly c1: readonly [number, number]; readonly to: readonly [number, number] }
  | {
      readonly op: "B";
      readonly c1: readonly [number, number];
      readonly c2: readonly [number, number];
      readonly to: readonly [number, number];
    }
  | { readonly op: "C" };

export interface OfdPathMark {
  readonly kind: "path";
  readonly commands: readonly PathCommand[];
  readonly stroke: OfdColor | null;
  readonly fill: OfdColor | null;
  /** Stroke width in points. */
  readonly lineWidth: number;
  readonly evenOdd: boolean;
  readonly clip: Box | null;
}

export interface OfdImageMark {
  readonly kind: "image";
  /** The image's part in the package; null when its reference was refused or not found. */
  readonly part: string | null;
  /** Maps the unit square (0,0)–(1,1), the image's top-left at (0,0), onto the page. */
  readonly matrix: Matrix;
  /** Its box on the page. */
  readonly box: Box;
  readonly clip: Box | null;
}

/** One page as read from the package. */
export interface OfdPage {
  /** 1-based, in the order of Document.xml's Pages (a later document's pages after an earlier one's). */
  readonly page: number;
  /** Page size in points. */
  readonly width: number;
  readonly height: number;
  readonly marks: readonly OfdMark[];
  /** Why parts of the page were left out (a refused reference, a missing template); empty when none. */
  readonly notes: readonly string[];
}
