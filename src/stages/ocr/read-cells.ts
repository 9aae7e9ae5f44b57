import type { Box } from "../../model/geometry.js";
import type { TextItem } from "../../model/page-content.js";
import { UNREADABLE } from "../../model/page-content.js";
import type { OcrEngine } from "./engine.js";
import { CJK, joinWords, MIN_GLYPH_PX, NUMERIC, ocrItem } from "./ocr-item.js";
import {
  type BinaryImage,
  binarize,
  binarizeGray,
  crop,
  type GrayImage,
  inkBox,
  median,
  type PixelBox,
  resize,
  whiten,
} from "./raster.js";

/** Confidence given to a lone dash (—, -) or slash (/) recognised by its shape. */
const DASH_CONFIDENCE = 0.95;
const SLASH_CONFIDENCE = 0.95;
/** The lighter threshold never reaches the gray fill of header rows (≈ #d9d9d9, ~200 once the paper is 255). */
export const LIGHT_MAX = 185;
/** Ink in a cell is at least this much darker than the cell's median level (paper or fill). */
const CELL_INK_CONTRAST = 60;
/** Words printed for "none" in a value cell. */
const BLANK_WORD = /^(?:无|空|不涉及|未涉及|无此项)$/;
/** Dash-like marks a printed blank is made of. */
const BLANK_MARK = /^[—–－\-_/／\\·…]+$/;

/** A table cell's ink and its first reading by the digit model. */
interface CellRead {
  readonly column: string;
  readonly item: TextItem | null;
  /** Set while the cell still needs a reading: its crop and geometry. */
  readonly pending: {
    readonly image: GrayImage;
    readonly box: Box;
    readonly fontSize: number;
    readonly w: number;
    readonly h: number;
    readonly digits: { text: string; confidence: number; plausible: boolean } | null;
  } | null;
}

/**
 * Reads the cells of a ruled grid. Every cell's ink is found first (none: a printed blank; a short flat
 * stroke: a dash); the rest are read by the digit model. A column where most cells read as numbers is a
 * numeric column: there the digit reading stands (its confidence says how sure it is) unless the cell is
 * clearly text; elsewhere cells are read in Chinese (labels, header words).
 */
export async function readGridCells(
  engine: OcrEngine,
  gray: GrayImage,
  cells: readonly { box: Box; row: number; col: number; colSpan: number }[],
  gridIndex: number,
  scale: number,
): Promise<TextItem[]> {
  const first = await Promise.all(
    cells.map((cell) => firstRead(engine, gray, cell.box, `${gridIndex}:${cell.col}:${cell.colSpan}`, scale)),
  );
  // Rows of values: a template row is its label, then its values, so a cell right of a number read with
  // confidence in its row is a value cell, even in a one-row table (section 四) where no column has two.
  // Per row: the leftmost column of a sure number, and how many sure numbers the row has.
  const sureNumbers = new Map<number, { from: number; count: number }>();
  first.forEach((read, i) => {
    const digits = read.pending?.digits;
    if (!digits?.plausible || digits.confidence < SURE_DIGITS) return;
    const cell = cells[i] as (typeof cells)[number];
    const seen = sureNumbers.get(cell.row);
    sureNumbers.set(cell.row, { from: Math.min(seen?.from ?? cell.col, cell.col), count: (seen?.count ?? 0) + 1 });
  });
  const inValueRow = (i: number) => {
    const cell = cells[i] as (typeof cells)[number];
    const sure = sureNumbers.get(cell.row);
    return sure !== undefined && sure.count >= 2 && cell.col > sure.from;
  };
  const numericShare = new Map<string, { numbers: number; inked: number }>();
  for (const read of first) {
    const entry = numericShare.get(read.column) ?? { numbers: 0, inked: 0 };
    if (read.item || read.pending) entry.inked++;
    if (read.item?.text === "—" || (read.pending?.digits?.plausible && read.pending.digits.confidence >= 0.6))
      entry.numbers++;
    numericShare.set(read.column, entry);
  }
  const isNumeric = (column: string) => {
    const share = numericShare.get(column);
    return share !== undefined && share.numbers >= 2 && share.numbers >= 0.5 * share.inked;
  };
  const items = await Promise.all(
    first.map(async (read, i): Promise<TextItem | null> => {
      if (!read.pending) return read.item;
      const { image, box, fontSize, w, h, digits } = read.pending;
      const valueCell = isNumeric(read.column) || inValueRow(i);
      if (digits?.plausible && (digits.confidence >= 0.6 || valueCell)) {
        // A doubtful lone digit may be a blank word the digit model forced into a digit (无 read as 7).
        if (digits.confidence < SURE_DIGITS && digits.text.length === 1) {
          const word = await engine.recognizeText(image, "char");
          const text = joinWords(word.words);
          if (BLANK_WORD.test(text) && word.confidence >= SURE_DIGITS)
            return ocrItem(text, box, fontSize, word.confidence);
        }
        return ocrItem(digits.text, box, fontSize, digits.confidence);
      }
      const oneLine = h <= 16 * scale;
      const layout = oneLine && w <= 1.5 * h ? "char" : oneLine ? "line" : "block";
      const chinese = await engine.recognizeText(image, layout);
      const label = joinWords(chinese.words);
      if (CJK.test(label) || /[A-Za-z]/.test(label)) {
        // A doubtful "character" where the digit model saw a number (a lone digit, often a 1) is that number,
        // kept with the low confidence that flags it: a stray character would cost the row its columns.
        const doubtful =
          chinese.confidence < 0.6 || (isNumeric(read.column) && label.length === 1 && chinese.confidence < 0.9);
        if (digits?.plausible && doubtful) return ocrItem(digits.text, box, fontSize, Math.min(digits.confidence, 0.5));
        // An illegible mark in a narrow cell: neither a label nor a number. It is kept as an empty reading
        // with a low confidence (the cell is flagged uncertain), never as text that would end the row's label.
        const illegible = chinese.confidence < 0.5 || (isNumeric(read.column) && chinese.confidence < 0.9);
        if (digits && illegible && label.length <= 2 && w <= 2.5 * h)
          return ocrItem(digitsOnly(digits.text), box, fontSize, Math.min(chinese.confidence, 0.2));
        // A short word in a value cell right of the row's numbers is a blank word (无, 不涉及) or a misread
        // digit: never label text, which would take the whole row for a label.
        if (inValueRow(i) && label.length <= 3 && !BLANK_WORD.test(label)) {
          if (digits?.plausible) return ocrItem(digits.text, box, fontSize, Math.min(digits.confidence, 0.5));
          return ocrItem(UNREADABLE, box, fontSize, 0);
        }
        return ocrItem(label, box, fontSize, chinese.confidence);
      }
      // Neither model reads it well: keep the better reading, with its (low) confidence.
      if (digits?.plausible) return ocrItem(digits.text, box, fontSize, digits.confidence);
      // A printed blank mark (/, —) or a number read as such stands, doubtfully. Any other short mark is an unreadable
      // value (U+FFFD, read as a value slot that is not a number): as text it would join the row's label.
      if (BLANK_MARK.test(label) || (NUMERIC.test(label) && /\d/.test(label)))
        return ocrItem(label, box, fontSize, Math.min(chinese.confidence, 0.3));
      if (label.length <= 2 && w <= 2.5 * h) return ocrItem(UNREADABLE, box, fontSize, 0);
      return ocrItem(label || UNREADABLE, box, fontSize, Math.min(chinese.confidence, 0.3));
    }),
  );
  return items.filter((item): item is TextItem => item !== null);
}

/** A cell's ink inside its borders and, unless it is blank, a dash or tall text, its digit-model reading. */
async function firstRead(
  engine: OcrEngine,
  gray: GrayImage,
  cellBox: Box,
  column: string,
  scale: number,
): Promise<CellRead> {
  // Stay clear of the borders (their thickness and a pixel of blur).
  const inset = Math.max(3, Math.round(scale * 2));
  const x0 = Math.round(cellBox[0] * scale) + inset;
  const y0 = Math.round(cellBox[1] * scale) + inset;
  const x1 = Math.round(cellBox[2] * scale) - inset;
  const y1 = Math.round(cellBox[3] * scale) - inset;
  if (x1 - x0 < 4 || y1 - y0 < 4) return { column, item: null, pending: null };
  // Ink against the cell's own background: its median level is the paper or the cell's gray fill, and ink is
  // clearly darker than that (a blurred thin "1" is lighter than a global threshold, a fill darker than paper).
  const region = crop(gray, x0, y0, x1 + 1, y1 + 1);
  const level = median(region.data);
  const local = binarize(region, Math.min(level - CELL_INK_CONTRAST, LIGHT_MAX + 20));
  const found = inkBox(local, 1, 1, region.width - 2, region.height - 2, scale);
  // No ink: a printed blank (the empty ruled cell reads as one).
  if (!found) return { column, item: null, pending: null };
  const [ix0, iy0, ix1, iy1] = [found[0] + x0, found[1] + y0, found[2] + x0, found[3] + y0];
  const w = ix1 - ix0 + 1;
  const h = iy1 - iy0 + 1;
  const box: Box = [ix0 / scale, iy0 / scale, (ix1 + 1) / scale, (iy1 + 1) / scale];
  const fontSize = Math.max(h / scale, 6);
  // A lone dash: a short flat stroke in the middle of the cell. A hyphen (-) at 150 dpi, blurred, is barely
  // wider than tall, but still far shorter than any digit.
  if (h <= 3.2 * scale && w >= h && w <= 30 * scale)
    return { column, item: ocrItem("—", box, fontSize, DASH_CONFIDENCE), pending: null };
  // A lone slash: one thin stroke running from the top right to the bottom left.
  if (isSlash(local, found, scale))
    return { column, item: ocrItem("/", box, fontSize, SLASH_CONFIDENCE), pending: null };
  const upscale = h < MIN_GLYPH_PX ? Math.min(4, MIN_GLYPH_PX / h) : 1;
  const pad = Math.round(6 * scale);
  // The crop keeps some of the cell's own paper around the ink (inside the borders): tesseract reads a lone
  // digit better with its real surroundings than cut tight.
  const margin = Math.max(2 * scale, 0.4 * h);
  const image = resize(
    whiten(
      crop(
        gray,
        Math.max(x0, ix0 - margin),
        Math.max(y0, iy0 - margin),
        Math.min(x1, ix1 + 1 + margin),
        Math.min(y1, iy1 + 1 + margin),
        pad,
      ),
      level,
    ),
    upscale,
  );
  // More than about two lines of 12 pt text: a label, never a number.
  if (h > 2.2 * 12 * scale) return { column, item: null, pending: { image, box, fontSize, w, h, digits: null } };
  const digits = await readDigits(engine, image, w, h);
  return { column, item: null, pending: { image, box, fontSize, w, h, digits } };
}

/** A digit reading of a cell crop: its text, confidence, and whether it can be the number printed there. */
interface DigitReading {
  text: string;
  confidence: number;
  plausible: boolean;
}

/** A reading at or above this needs no second opinion. */
const SURE_DIGITS = 0.8;

/**
 * Reads a cell crop with the digit model. A lone digit is where tesseract is least stable (a clean "1" can
 * come back as "." or "11"): a doubtful first reading is read again from the crop binarised and from the crop
 * enlarged by half, and the readings vote. A reading two variants agree on keeps the better confidence; a
 * reading only one variant gives stays below the flagging threshold.
 */
async function readDigits(engine: OcrEngine, image: GrayImage, w: number, h: number): Promise<DigitReading> {
  const reading = (text: string, confidence: number): DigitReading => {
    const compact = text.replace(/\s+/g, "");
    // Digits are at most ~0.7 em wide; ink much wider than that for the count read is text, not a number.
    const plausible = NUMERIC.test(compact) && /\d/.test(compact) && w <= h * (0.75 * compact.length + 1.2);
    return { text: compact, confidence, plausible };
  };
  const first = await engine.recognizeDigits(image);
  const initial = reading(first.text, first.confidence);
  if (initial.plausible && initial.confidence >= SURE_DIGITS) return initial;
  const variants = await Promise.all([
    engine.recognizeDigits(binarizeGray(image)),
    engine.recognizeDigits(resize(image, 1.5)),
  ]);
  const all = [initial, ...variants.map((r) => reading(r.text, r.confidence))];
  const votes = new Map<string, DigitReading[]>();
  for (const r of all) if (r.plausible) votes.set(r.text, [...(votes.get(r.text) ?? []), r]);
  let best: DigitReading | null = null;
  let bestVotes = 0;
  for (const [text, group] of votes) {
    const confidence = Math.max(...group.map((r) => r.confidence));
    if (group.length > bestVotes || (group.length === bestVotes && confidence > (best?.confidence ?? -1))) {
      best = { text, confidence: group.length >= 2 ? confidence : Math.min(confidence, 0.85), plausible: true };
      bestVotes = group.length;
    }
  }
  return best ?? initial;
}

/**
 * Whether the ink in `box` (pixels of `binary`) is one slash: every row of it a short run, the runs moving from
 * the right at the top to the left at the bottom across most of the width, taller than any dash. A 1 (upright
 * stem), a 7 (a bar across the top) or a 4 (a bar across the middle) is not.
 */
export function isSlash(binary: BinaryImage, box: PixelBox, scale: number): boolean {
  const [x0, y0, x1, y1] = box;
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  if (h < 5 * scale || w < 0.25 * h || w > 0.9 * h) return false;
  const centres: number[] = [];
  for (let y = y0; y <= y1; y++) {
    let lo = -1;
    let hi = -1;
    for (let x = x0; x <= x1; x++) {
      if (binary.data[y * binary.width + x] !== 1) continue;
      if (lo < 0) lo = x;
      hi = x;
    }
    if (lo < 0) continue;
    // A stroke cut by a row is about as wide as the stroke is thick plus its slope: well under the width.
    if (hi - lo + 1 > Math.max(0.55 * w, 3)) return false;
    centres.push((lo + hi) / 2);
  }
  if (centres.length < 0.8 * h) return false;
  const quarter = Math.max(1, Math.floor(centres.length / 4));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const top = mean(centres.slice(0, quarter));
  const bottom = mean(centres.slice(-quarter));
  if (top - bottom < 0.45 * w) return false;
  // Monotonic: no row's centre lies right of a row above it by more than a pixel or two.
  for (let i = 1; i < centres.length; i++) if ((centres[i] as number) > (centres[i - 1] as number) + 2) return false;
  return true;
}

/** The digits (and separators) of a reading, or "" when it holds no digit: a lone "." is no value. */
function digitsOnly(text: string): string {
  const kept = text.replace(/[^\d.,]/g, "");
  return /\d/.test(kept) ? kept : "";
}
