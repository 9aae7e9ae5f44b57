import { type PageContent, type RuleSegment, type TextItem, UNREADABLE } from "../../model/page-content.js";
import { isUpsideDown } from "./classify-direction.js";
import { despeckle } from "./despeckle.js";
import { detectRules, eraseRules } from "./detect-rules.js";
import { DETECT_SCALE, detectText, type TextRegion } from "./detect-text.js";
import type { OcrEngine } from "./engine.js";
import { showsMoreDigits } from "./mark-shapes.js";
import { attachSigns, findOrphanInk } from "./orphan-ink.js";
import type { PaddleModels } from "./paddle-models.js";
import type { PageImage } from "./page-image.js";
import {
  type BinaryImage,
  binarize,
  crop,
  estimateSkew,
  flattenBackground,
  type GrayImage,
  otsuThreshold,
  type PixelBox,
  rotate,
} from "./raster.js";
import { inkSegments, type RegionCrop, regionItems } from "./read-regions.js";
import { recognizeCrops } from "./recognize-text.js";
import { rereadWords } from "./reread-words.js";
import { shrinkTo } from "./resample.js";
import { lineDirection, runsSideways, turnQuarters } from "./turn-page.js";

/**
 * Pixels per point the page is read at, at most (3.5 ≈ 250 dpi: body text 30–40 px high, about the recogniser's
 * 48 px rows once a line is cropped with its margin). A finer scan is averaged down first: every pass over the
 * page costs in proportion to its pixels, and a 600 dpi page has four times a 300 dpi one's. (At 3 px/pt a digit
 * touching a column rule in a 300 dpi scan lost the ink that made it a glyph and its cell read as an empty 0.)
 */
const WORK_SCALE = 3.5;
/** Lightest level taken for the ink of rules (a hairline scanned or blurred comes out gray, not black). */
const LIGHT_MAX = 185;
/** A short text read below this confidence throughout is dropped as noise (speckle, a smudge). */
const NOISE_CONFIDENCE = 0.2;
/**
 * A short number whose ink is under this share of the page's digit height (the median of its surely read
 * numbers; a table's type is often smaller than the body's), read below `DUST_CONFIDENCE`, is dust.
 */
const DUST_HEIGHT = 0.6;
const DUST_CONFIDENCE = 0.9;
/** The confidence of a number whose ink shows more digits than it was read with, or is too short for one. */
const DROPPED_DIGITS = 0.5;
/** A number whose ink is shorter than this share of the page's digit height is part of a glyph. */
const SHORT_DIGITS = 0.7;
/** A page with more lone specks than this is speckled: its numbers are read again with nearby specks cleared. */
const NOISY_PAGE = 300;

export interface OcrPage {
  readonly content: PageContent;
  /** The page image was turned by this many degrees (counter-clockwise) to straighten it, after `quarters`. */
  readonly skew: number;
  /** Quarter turns (counter-clockwise) that made the page upright, before it was straightened. */
  readonly quarters: number;
  /** Mean confidence of the page's recognised items (0 when none). */
  readonly confidence: number;
}

/**
 * Reads a page image into the model the text layer produces: text as positioned `TextItem`s (`source: "ocr"`,
 * one per word or number, with the recogniser's confidence) and table rules found in the pixels as
 * `RuleSegment`s — evidence for the layout, as vector rules are on a text page, never a precondition. The page
 * is straightened first; boxes are in points in that straightened frame (`skew` maps them back).
 *
 * Text is found by the PP-OCRv4 detector and read by its recogniser; marks the detector passed over (a lone
 * digit, a dash) are found as leftover ink and read on their own.
 */
export async function ocrPage(engine: OcrEngine, pageImage: PageImage, page: number): Promise<OcrPage> {
  const models = await engine.paddle();
  const { image, scale } = workingImage(pageImage);
  let flat = flattenBackground(image);
  const level = clamp(otsuThreshold(flat), 110, 190);
  // A page scanned or photographed turned a quarter turn: its lines of text run up and down. The detector's
  // regions say so (long and thin across the page, or up it); where they are too few to tell, the ink's profile.
  let quarters = 0;
  let { gray, skew, regions } = await straighten(models, flat, level, scale);
  const lines = lineDirection(regions.map((r) => r.box));
  if (lines === "up-down" || (lines === "unsure" && runsSideways(binarize(flat, level)))) {
    flat = turnQuarters(flat, 1);
    quarters = 1;
    ({ gray, skew, regions } = await straighten(models, flat, level, scale));
  }
  // Upside down (or the other quarter turn): the direction classifier says so on the page's lines of text.
  if (await isUpsideDown(models, gray, regions)) {
    gray = turnQuarters(gray, 2);
    quarters += 2;
    regions = await detectText(models, gray, { scale });
  }
  let binary = binarize(gray, level);
  const light = binarize(gray, Math.min(LIGHT_MAX, level + 40));
  // Runs of ink through the middle of a line of text are its glyphs (bold print at low resolution fuses them),
  // not a table's rules.
  const segments = outsideText(detectRules(light, scale), regions, scale);
  // Text is read with the rules painted out: a border beside a number is not a "1".
  const clean = eraseRules(gray, light, segments, scale);
  binary = binarize(clean, level);
  // Each region's ink, cut into words; a rule the text touches that escaped the rule finder is painted out.
  const lineHeight = median(regions.map((r) => r.box[3] - r.box[1] + 1));
  let inks = regions.map((r) => inkSegments(binary, r.box, clean, lineHeight));
  const textHeight = medianHeight(inks, scale);
  const specks = despeckle(clean, binary, textHeight);
  if (specks > 0) inks = regions.map((r) => inkSegments(binary, r.box, clean, lineHeight));
  const pad = Math.max(2, Math.round(2 * scale));
  // Where the detector ran coarser than the page, each region is cut at its own ink (and a margin), not at the
  // detector's box, whose edges are only as fine as the detector's pixels: the same line then reaches the
  // recogniser the same way whatever box was drawn round it.
  const coarse = scale > DETECT_SCALE;
  const crops: RegionCrop[] = regions.map((region, i) => {
    const ink = coarse ? inkBox(inks[i]) : null;
    // The margin grows with the line: a title's large characters cut close read as others (管 as 官).
    return ink
      ? { region: { ...region, box: ink }, pad: Math.max(pad, Math.round(0.2 * (ink[3] - ink[1] + 1))) }
      : { region, pad };
  });
  const readings = await recognizeCrops(
    models,
    crops.map(({ region: { box }, pad: margin }) => crop(clean, box[0], box[1], box[2] + 1, box[3] + 1, margin)),
  );
  const items: TextItem[] = [];
  const hanzi = hanziHeight(readings, inks);
  crops.forEach((c, i) => {
    const reading = readings[i] as (typeof readings)[number];
    const line = regionItems(c, reading, inks[i] ?? [], binary, scale, textHeight, hanzi);
    const text = line.map((item) => item.text).join("");
    if ([...text].length <= 2 && line.every((item) => (item.confidence ?? 0) < NOISE_CONFIDENCE)) return;
    items.push(...line);
  });
  // Leftover marks are sized against the table's type, which may be smaller than the body text's (三号 body, 五号
  // tables): a digit is about 0.7 of its own text height.
  const glyph = Math.min(textHeight, (digitHeight(items, textHeight / scale) * scale) / 0.7);
  items.push(...(await findOrphanInk(models, clean, binary, light, segments, items, scale, glyph)));
  items.splice(
    0,
    items.length,
    ...attachSigns(
      await rereadWords(models, clean, items, scale, textHeight, specks > NOISY_PAGE ? { level } : undefined),
      textHeight / scale,
    ),
  );
  items.sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
  const digits = digitHeight(items, textHeight / scale);
  capUnlikeNumbers(items, binary, scale, digits);
  const dust = items.filter(
    (item) => isDust(item, digits) || isSpeckBeside(item, items, textHeight / scale) || isReadTwice(item, items),
  );
  if (dust.length) items.splice(0, items.length, ...items.filter((item) => !dust.includes(item)));
  const read = items.filter((i) => i.text !== "");
  const confidence = read.length ? read.reduce((s, i) => s + (i.confidence ?? 0), 0) / read.length : 0;
  engine.recognitions += crops.length;
  const sideways = quarters % 2 === 1;
  return {
    quarters,
    content: {
      page,
      width: sideways ? pageImage.height : pageImage.width,
      height: sideways ? pageImage.width : pageImage.height,
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

/**
 * Numbers whose ink does not look like what was read, kept below the threshold however surely they were read
 * (and read again, alike, from the same ink): a box holding more digit-sized blobs than the number has digits
 * dropped some ("110" read as "1", its box widened by a rule left beside it); ink well short of the page's digits
 * is part of a glyph (a 0 half lost in a seal's red star read as "5").
 */
function capUnlikeNumbers(items: TextItem[], binary: BinaryImage, scale: number, digits: number): void {
  items.forEach((item, k) => {
    if (!/^-?\d[\d,.]*$/.test(item.text) || (item.confidence ?? 0) <= DROPPED_DIGITS) return;
    if (item.box[3] - item.box[1] < SHORT_DIGITS * digits) {
      items[k] = { ...item, confidence: DROPPED_DIGITS };
      return;
    }
    const box = item.box.map((v) => Math.round(v * scale)) as unknown as PixelBox;
    if (showsMoreDigits(binary, box, digits * scale, item.text.replace(/\D/g, "").length))
      items[k] = { ...item, confidence: DROPPED_DIGITS };
  });
}

/** The page straightened (its skew measured on the ink and turned out) and its text regions. */
async function straighten(
  models: PaddleModels,
  flat: GrayImage,
  level: number,
  scale: number,
): Promise<{ gray: GrayImage; skew: number; regions: TextRegion[] }> {
  const skew = -estimateSkew(binarize(flat, level));
  const gray = Math.abs(skew) >= 0.05 ? rotate(flat, skew) : flat;
  return { gray, skew, regions: await detectText(models, gray, { scale }) };
}

/** The page image at no more than `WORK_SCALE` pixels per point, with its scale. */
function workingImage(pageImage: PageImage): { image: GrayImage; scale: number } {
  const factor = WORK_SCALE / pageImage.scale;
  // A page pdf.js drew (outlined text, a garbled font) is already within the render budget, and crisp.
  if (factor >= 0.9 || pageImage.origin === "render") return { image: pageImage.image, scale: pageImage.scale };
  const { width, height } = pageImage.image;
  const image = shrinkTo(pageImage.image, Math.round(width * factor), Math.round(height * factor));
  return { image, scale: (pageImage.scale * image.width) / width };
}

/**
 * A number (or an unreadable mark) read from specks of dust: its ink is well under the page's digit height and
 * the reading is unsure.
 */
function isDust(item: TextItem, digitHeight: number): boolean {
  return (
    (/^\d{1,2}$/.test(item.text) || item.text === UNREADABLE) &&
    item.box[3] - item.box[1] < DUST_HEIGHT * digitHeight &&
    (item.confidence ?? 0) < DUST_CONFIDENCE
  );
}

/**
 * Part of a word read again on its own (two detector regions over one number: "215" and its "2"): the ink
 * lies within the longer reading's box, which already holds it. Left in, the two join into "2152".
 */
function isReadTwice(item: TextItem, items: readonly TextItem[]): boolean {
  const [x0, y0, x1, y1] = item.box;
  const area = (x1 - x0) * (y1 - y0);
  if (area <= 0) return false;
  return items.some((n) => {
    if (n === item || [...n.text].length <= [...item.text].length || !n.text.includes(item.text)) return false;
    const w = Math.min(x1, n.box[2]) - Math.max(x0, n.box[0]);
    const h = Math.min(y1, n.box[3]) - Math.max(y0, n.box[1]);
    return w > 0 && h > 0 && w * h >= 0.8 * area;
  });
}

/** The median ink height of the page's surely read numbers (0.7 text heights when it has none). */
function digitHeight(items: readonly TextItem[], textHeight: number): number {
  const heights = items
    .filter((i) => /^\d[\d,.]*$/.test(i.text) && (i.confidence ?? 0) >= DUST_CONFIDENCE)
    .map((i) => i.box[3] - i.box[1])
    .sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)] ?? 0.7 * textHeight;
}

/**
 * A dot or a tick read on its own right against a number (specks beside a number in a noisy scan): left in, it
 * joins the number into a word that is no number ("·50-"), and the value is lost to the row's label.
 */
function isSpeckBeside(item: TextItem, items: readonly TextItem[], textHeight: number): boolean {
  const [x0, y0, x1, y1] = item.box;
  if (!/^[.,·:：'"`-]$/.test(item.text)) return false;
  if (x1 - x0 >= 0.3 * textHeight || y1 - y0 >= 0.3 * textHeight) return false;
  const reach = 0.15 * textHeight;
  return items.some(
    (n) =>
      n !== item &&
      /^\d[\d,.]*$/.test(n.text) &&
      x0 <= n.box[2] + reach &&
      x1 >= n.box[0] - reach &&
      y0 <= n.box[3] + reach &&
      y1 >= n.box[1] - reach,
  );
}

/** Rule segments less those that run through the core of a text region (the middle half of its height or width). */
function outsideText(segments: readonly RuleSegment[], regions: readonly TextRegion[], scale: number): RuleSegment[] {
  return segments.filter((s) => {
    const at = s.at * scale;
    const from = s.from * scale;
    const to = s.to * scale;
    return !regions.some(({ box: [x0, y0, x1, y1] }) => {
      if (s.orientation === "h") {
        const core = [y0 + (y1 - y0) / 4, y1 - (y1 - y0) / 4];
        return (
          at > (core[0] as number) &&
          at < (core[1] as number) &&
          Math.min(to, x1) - Math.max(from, x0) > 0.5 * (to - from)
        );
      }
      const core = [x0 + (x1 - x0) / 4, x1 - (x1 - x0) / 4];
      return (
        at > (core[0] as number) &&
        at < (core[1] as number) &&
        Math.min(to, y1) - Math.max(from, y0) > 0.5 * (to - from)
      );
    });
  });
}

/** Body text height of the page in pixels: the median ink height of its regions (10 pt when it has none). */
/**
 * The ink height of the page's Chinese characters: the median over regions read as Chinese surely (two or more
 * characters, none below 0.9, no digit). Undefined when no region is. Digits stand shorter.
 */
function hanziHeight(
  readings: readonly { chars: readonly { char: string; confidence: number }[] }[],
  inks: readonly (readonly PixelBox[])[],
): number | undefined {
  const heights: number[] = [];
  readings.forEach((reading, i) => {
    const text = reading.chars.map((c) => c.char).join("");
    const sure = reading.chars.every((c) => c.char === " " || c.confidence >= 0.9);
    if (!sure || /\d/.test(text) || (text.match(/[\u3400-\u9fff]/g)?.length ?? 0) < 2) return;
    const segments = inks[i] ?? [];
    if (segments.length > 0) heights.push(Math.max(...segments.map((s) => s[3] - s[1] + 1)));
  });
  heights.sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)];
}

/** The extent of a region's ink (null when it holds none). */
function inkBox(segments: readonly PixelBox[] | undefined): PixelBox | null {
  if (!segments || segments.length === 0) return null;
  return [
    Math.min(...segments.map((s) => s[0])),
    Math.min(...segments.map((s) => s[1])),
    Math.max(...segments.map((s) => s[2])),
    Math.max(...segments.map((s) => s[3])),
  ];
}

function medianHeight(inks: readonly (readonly PixelBox[])[], scale: number): number {
  const heights = inks
    .map((segments) => Math.max(0, ...segments.map((s) => s[3] - s[1] + 1)))
    .filter((h) => h > 0)
    .sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)] ?? 10 * scale;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
