import type { Box } from "../../model/geometry.js";
import type { PageContent, TextItem } from "../../model/page-content.js";
import { UNREADABLE } from "../../model/page-content.js";
import { buildGrids } from "../layout/index.js";
import { detectRules } from "./detect-rules.js";
import type { OcrEngine, OcrWord } from "./engine.js";
import type { PageImage } from "./page-image.js";
import {
  type BinaryImage,
  binarize,
  binarizeGray,
  crop,
  estimateSkew,
  flattenBackground,
  type GrayImage,
  inkBox,
  median,
  otsuThreshold,
  type PixelBox,
  resize,
  rotate,
  whiten,
} from "./raster.js";

/** Confidence given to a lone dash (—, -) or slash (/) recognised by its shape. */
const DASH_CONFIDENCE = 0.95;
const SLASH_CONFIDENCE = 0.95;
/** The lighter threshold never reaches the gray fill of header rows (≈ #d9d9d9, ~200 once the paper is 255). */
const LIGHT_MAX = 185;
/** Ink in a cell is at least this much darker than the cell's median level (paper or fill). */
const CELL_INK_CONTRAST = 60;
/** A grid with fewer columns than this is not read cell by cell. */
const MIN_RULED_COLUMNS = 2;
/** A short text line read below this confidence throughout is dropped as noise. */
const NOISE_CONFIDENCE = 0.2;
/** Larger than any glyph of a report (points): a title is set at most ~26 pt. */
const MAX_GLYPH = 60;
/** Text pixel height tesseract reads best at; smaller crops are upscaled. */
const MIN_GLYPH_PX = 28;

export interface OcrPage {
  readonly content: PageContent;
  /** The page was turned by this many degrees to straighten it. */
  readonly skew: number;
  /** Mean confidence of the page's recognised items (0 when none). */
  readonly confidence: number;
}

const CJK = /[\u3400-\u9fff]/;
const NUMERIC = /^[\d,.]+$/;
/** Words printed for "none" in a value cell. */
const BLANK_WORD = /^(?:无|空|不涉及|未涉及|无此项)$/;
/** Dash-like marks a printed blank is made of. */
const BLANK_MARK = /^[—–－\-_/／\\·…]+$/;

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
async function readGridCells(
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
  const firstNumberCol = new Map<number, number>();
  first.forEach((read, i) => {
    const cell = cells[i] as (typeof cells)[number];
    const sure = read.pending?.digits?.plausible && read.pending.digits.confidence >= 0.8;
    if (!sure) return;
    const seen = firstNumberCol.get(cell.row);
    if (seen === undefined || cell.col < seen) firstNumberCol.set(cell.row, cell.col);
  });
  const numbersInRow = new Map<number, number>();
  first.forEach((read, i) => {
    const cell = cells[i] as (typeof cells)[number];
    if (read.pending?.digits?.plausible && read.pending.digits.confidence >= 0.8)
      numbersInRow.set(cell.row, (numbersInRow.get(cell.row) ?? 0) + 1);
  });
  const inValueRow = (i: number) => {
    const cell = cells[i] as (typeof cells)[number];
    const from = firstNumberCol.get(cell.row);
    return from !== undefined && cell.col > from && (numbersInRow.get(cell.row) ?? 0) >= 2;
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

/** A line of text outside the tables: words grouped into items (numbers apart, re-read with the digit model). */
async function readLine(
  engine: OcrEngine,
  gray: GrayImage,
  band: PixelBox,
  scale: number,
  inkLevel: number,
): Promise<TextItem[]> {
  const [x0, y0, x1, y1] = band;
  const h = y1 - y0 + 1;
  const upscale = h < MIN_GLYPH_PX ? Math.min(4, MIN_GLYPH_PX / h) : 1;
  const pad = Math.round(6 * scale);
  const image = resize(crop(gray, x0, y0, x1 + 1, y1 + 1, pad), upscale);
  const w = x1 - x0 + 1;
  const layout = w <= 1.5 * h ? "char" : h < 2 * 14 * scale ? "line" : "block";
  const result = await engine.recognizeText(image, layout);
  // Word boxes back to page pixels, then points.
  const toPage = (w: OcrWord): Box => [
    (w.box[0] / upscale - pad + x0) / scale,
    (w.box[1] / upscale - pad + y0) / scale,
    (w.box[2] / upscale - pad + x0) / scale,
    (w.box[3] / upscale - pad + y0) / scale,
  ];
  const items: TextItem[] = [];
  let group: OcrWord[] = [];
  const flush = () => {
    if (group.length === 0) return;
    const boxes = group.map(toPage);
    const box: Box = [
      Math.min(...boxes.map((b) => b[0])),
      Math.min(...boxes.map((b) => b[1])),
      Math.max(...boxes.map((b) => b[2])),
      Math.max(...boxes.map((b) => b[3])),
    ];
    const conf = Math.min(...group.map((w) => w.confidence));
    items.push(ocrItem(joinWords(group), box, Math.max(box[3] - box[1], 6), conf));
    group = [];
  };
  for (const word of result.words) {
    const prev = group[group.length - 1];
    const numeric = NUMERIC.test(word.text) && /\d/.test(word.text);
    const prevNumeric = prev ? NUMERIC.test(prev.text) && /\d/.test(prev.text) : false;
    const gapPx = prev ? (word.box[0] - prev.box[2]) / upscale : 0;
    if (prev && (numeric || prevNumeric || gapPx > 1.5 * h)) flush();
    group.push(word);
  }
  flush();
  // Numbers in lines (an unruled table's values, a narrative count) are re-read with the digit model.
  return Promise.all(
    items.map(async (item) => {
      if (!(NUMERIC.test(item.text) && /\d/.test(item.text))) return item;
      const [bx0, by0, bx1, by1] = item.box;
      const wh = (by1 - by0) * scale;
      const up = wh < MIN_GLYPH_PX ? Math.min(4, MIN_GLYPH_PX / wh) : 1;
      const lineHeight = y1 - y0 + 1;
      const [cx0, cx1] = numberColumns(
        gray,
        inkLevel,
        Math.round(bx0 * scale),
        Math.round(bx1 * scale),
        y0,
        y1,
        0.15 * lineHeight,
        Math.round(lineHeight / 3),
      );
      const crop2 = resize(crop(gray, cx0, y0, cx1 + 1, y1 + 1, pad), up);
      const digits = await engine.recognizeDigits(crop2);
      const text = digits.text.replace(/\s+/g, "");
      if (NUMERIC.test(text) && /\d/.test(text) && digits.confidence >= (item.confidence ?? 0))
        return { ...item, text, confidence: digits.confidence };
      return item;
    }),
  );
}

/**
 * Columns of a number in a text band: the inked columns around the word box's centre, joined across gaps
 * narrower than `maxGap` (the space between two digits), then `margin` columns of paper on each side. The
 * recogniser's word box is only a guide: it can clip a digit's round or reach into the next glyph (件 after a
 * number, whose 亻 reads as a 1).
 */
function numberColumns(
  gray: GrayImage,
  inkLevel: number,
  x0: number,
  x1: number,
  y0: number,
  y1: number,
  maxGap: number,
  reach: number,
): [number, number] {
  const inked = (x: number): boolean => {
    if (x < 0 || x >= gray.width) return false;
    for (let y = Math.max(0, y0); y <= Math.min(gray.height - 1, y1); y++)
      if ((gray.data[y * gray.width + x] as number) <= inkLevel) return true;
    return false;
  };
  // Start from the inked column nearest the centre of the box.
  const centre = Math.round((x0 + x1) / 2);
  let seed = -1;
  for (let d = 0; d <= (x1 - x0) / 2 + 1 && seed < 0; d++) {
    if (inked(centre - d)) seed = centre - d;
    else if (inked(centre + d)) seed = centre + d;
  }
  if (seed < 0) return [x0 - reach, x1 + reach];
  const grow = (dir: -1 | 1): number => {
    let edge = seed;
    let x = seed;
    while (Math.abs(x - seed) < x1 - x0 + 2 * reach) {
      let gap = 0;
      while (gap <= maxGap && !inked(x + dir * (gap + 1))) gap++;
      if (gap > maxGap) break;
      x += dir * (gap + 1);
      edge = x;
    }
    return edge;
  };
  const left = grow(-1);
  const right = grow(1);
  const margin = Math.max(2, Math.floor(maxGap));
  return [left - margin, right + margin];
}

/**
 * Bands of text outside the tables: runs of rows holding ink (specks of a few pixels ignored), each
 * cut to the extent of its ink.
 */
function findTextLines(mask: BinaryImage, scale: number): PixelBox[] {
  const { width, height, data } = mask;
  // Only ink with an inked 4-neighbour counts: dust (speckle, JPEG noise) spread over a page would otherwise
  // join every line into one band.
  const rowInk = new Int32Array(height);
  for (let y = 1; y < height - 1; y++) {
    let n = 0;
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      if (data[i] === 1 && (data[i - 1] === 1 || data[i + 1] === 1 || data[i - width] === 1 || data[i + width] === 1))
        n++;
    }
    rowInk[y] = n;
  }
  const minRowInk = Math.max(2, Math.round(scale));
  const runs: [number, number][] = [];
  let start = -1;
  for (let y = 0; y <= height; y++) {
    const on = y < height && (rowInk[y] as number) >= minRowInk;
    if (on && start < 0) start = y;
    if (!on && start >= 0) {
      // A glyph's parts can leave a thin row of (almost) no ink between them (告: 牛 over 口): join them.
      const last = runs[runs.length - 1];
      if (last && start - last[1] <= 2.2 * scale) last[1] = y - 1;
      else runs.push([start, y - 1]);
      start = -1;
    }
  }
  const bands: PixelBox[] = [];
  for (const [y0, y1] of runs) {
    // Shorter than a 5 pt glyph: speckle or a stray rule fragment, not a text line.
    if (y1 - y0 + 1 < 5 * scale) continue;
    const box = inkBox(mask, 0, y0, width - 1, y1, scale);
    if (box) bands.push(box);
  }
  return bands;
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

/**
 * Clears (in place) every 8-connected run of ink of a `width`-wide bilevel mask that touches the mask's border,
 * is larger than `maxSize` pixels both ways, or taller than twice that.
 */
function clearBlots(data: Uint8Array, width: number, maxSize: number): void {
  const height = data.length / width;
  const seen = new Uint8Array(data.length);
  const members: number[] = [];
  for (let start = 0; start < data.length; start++) {
    if (data[start] !== 1 || seen[start]) continue;
    members.length = 0;
    members.push(start);
    seen[start] = 1;
    let [x0, y0, x1, y1] = [width, height, 0, 0];
    for (let k = 0; k < members.length; k++) {
      const i = members[k] as number;
      const x = i % width;
      const y = (i - x) / width;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const j = ny * width + nx;
          if (data[j] === 1 && !seen[j]) {
            seen[j] = 1;
            members.push(j);
          }
        }
      }
    }
    const edge = x0 === 0 || y0 === 0 || x1 === width - 1 || y1 === height - 1;
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    // A line of blurred glyphs that touch one another is long but not tall: it stays.
    if (edge || (w > maxSize && h > maxSize) || h > 2 * maxSize) for (const i of members) data[i] = 0;
  }
}

/** Blanks a box given in page points (plus `margin`) in a pixel mask of `scale` pixels per point. */
function clearBox(data: Uint8Array, width: number, box: Box, scale: number, margin: number): void {
  const height = data.length / width;
  const x0 = Math.max(0, Math.floor((box[0] - margin) * scale));
  const y0 = Math.max(0, Math.floor((box[1] - margin) * scale));
  const x1 = Math.min(width, Math.ceil((box[2] + margin) * scale));
  const y1 = Math.min(height, Math.ceil((box[3] + margin) * scale));
  for (let y = y0; y < y1; y++) data.fill(0, y * width + x0, y * width + x1);
}

/** Words → one string: no spaces between CJK characters (tesseract splits them), one between Latin/digit words. */
export function joinWords(words: readonly OcrWord[]): string {
  let out = "";
  for (const word of words) {
    const text = word.text.trim();
    if (!text) continue;
    const prev = out[out.length - 1];
    if (prev && !CJK.test(prev) && !CJK.test(text[0] as string) && !/[，。、（）]/.test(prev)) out += " ";
    out += text;
  }
  return out;
}

/** The digits (and separators) of a reading, or "" when it holds no digit: a lone "." is no value. */
function digitsOnly(text: string): string {
  const kept = text.replace(/[^\d.,]/g, "");
  return /\d/.test(kept) ? kept : "";
}

function ocrItem(text: string, box: Box, fontSize: number, confidence: number): TextItem {
  return { text, box, fontSize, fontName: "ocr", source: "ocr", confidence: round3(confidence) };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

function round3(v: number): number {
  return Math.round(Math.max(0, Math.min(1, v)) * 1000) / 1000;
}
