import type { PageContent, TextItem } from "../../model/page-content.js";
import { buildGrids } from "../layout/index.js";
import { detectRules } from "./detect-rules.js";
import type { OcrEngine } from "./engine.js";
import type { PageImage } from "./page-image.js";
import { binarize, estimateSkew, flattenBackground, otsuThreshold, rotate } from "./raster.js";
import { LIGHT_MAX, readGridCells } from "./read-cells.js";
import { clearBlots, clearBox, findTextLines, readLine } from "./read-lines.js";

/** A grid with fewer columns than this is not read cell by cell (its rows are read as text lines). */
export const MIN_RULED_COLUMNS = 2;
/** A short text line read below this confidence throughout is dropped as noise. */
const NOISE_CONFIDENCE = 0.2;
/** Larger than any glyph of a report (points): a title is set at most ~26 pt. */
const MAX_GLYPH = 60;

export interface OcrPage {
  readonly content: PageContent;
  /** The page was turned by this many degrees to straighten it. */
  readonly skew: number;
  /** Mean confidence of the page's recognised items (0 when none). */
  readonly confidence: number;
}

/**
 * Reads a page image into the model the text layer produces: table rules as `RuleSegment`s and text as
 * `TextItem`s (`source: "ocr"`, with confidence), boxes in PDF points. Table cells are read one by one
 * (numbers with a digit model in single-line mode, labels in Chinese); text outside tables line by line.
 */
export async function ocrPage(engine: OcrEngine, pageImage: PageImage, page: number): Promise<OcrPage> {
  const flat = flattenBackground(pageImage.image);
  const level = clamp(otsuThreshold(flat), 110, 190);
  let gray = flat;
  let binary = binarize(flat, level);
  const skew = -estimateSkew(binary);
  if (Math.abs(skew) >= 0.05) {
    gray = rotate(flat, skew);
    binary = binarize(gray, level);
  }
  const { scale } = pageImage;
  // Rules and the ink of cells are found on a lighter threshold: a hairline rule or a thin "1", scanned,
  // blurred or turned, comes out gray, not black. Gray cell fills stay lighter than that.
  const light = binarize(gray, Math.min(LIGHT_MAX, level + 40));
  const segments = detectRules(light, scale);
  const grids = buildGrids(page, segments);
  const items: TextItem[] = [];
  const cellJobs: Promise<TextItem[]>[] = [];
  const mask = new Uint8Array(binary.data);
  for (const [index, grid] of grids.entries()) {
    // A table without column rules (three-line tables) is read line by line, word boxes giving the columns.
    if (grid.xs.length - 1 < MIN_RULED_COLUMNS) continue;
    clearBox(mask, binary.width, grid.box, scale, 2);
    cellJobs.push(readGridCells(engine, gray, grid.cells, index, scale));
  }
  // Blots larger than any glyph (the shadow of the page's edge, the scanner's background, a stamp) and ink
  // touching the image's edge are never text: left in, they join every line beside them into one band.
  clearBlots(mask, binary.width, MAX_GLYPH * scale);
  const lineJobs = findTextLines({ width: binary.width, height: binary.height, data: mask }, scale).map((band) =>
    readLine(engine, gray, band, scale, level),
  );
  for (const gridItems of await Promise.all(cellJobs)) items.push(...gridItems);
  for (const line of await Promise.all(lineJobs)) {
    // A few marks read with next to no confidence are noise (speckle, a page number "- 4 -" read as "人="):
    // kept, they would stand between the two halves of a table row cut by the page break.
    const text = line.map((i) => i.text).join("");
    if ([...text].length <= 3 && line.every((i) => (i.confidence ?? 0) < NOISE_CONFIDENCE)) continue;
    items.push(...line);
  }
  items.sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
  const read = items.filter((i) => i.text !== "");
  const confidence = read.length ? read.reduce((s, i) => s + (i.confidence ?? 0), 0) / read.length : 0;
  return {
    content: {
      page,
      width: pageImage.width,
      height: pageImage.height,
      items,
      segments,
      imageBoxes: [],
      textQuality: confidence,
      charCount: items.reduce((n, i) => n + i.text.length, 0),
    },
    skew,
    confidence,
  };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
