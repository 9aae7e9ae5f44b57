import type { PageContent, RuleSegment, TextItem } from "../../model/page-content.js";
import { isUpsideDown } from "./classify-direction.js";
import { crossCheck } from "./cross-check.js";
import { flattenScreened, otherRadius } from "./descreen.js";
import { despeckle } from "./despeckle.js";
import { detectRules, eraseRules } from "./detect-rules.js";
import { DETECT_SCALE, detectText, type TextRegion } from "./detect-text.js";
import type { OcrEngine } from "./engine.js";
import { growToGlyphs } from "./grow-regions.js";
import { digitHeight, settleItems } from "./item-checks.js";
import { attachSigns, findOrphanInk } from "./orphan-ink.js";
import type { PaddleModels } from "./paddle-models.js";
import type { PageImage } from "./page-image.js";
import { binarize, crop, type GrayImage, otsuThreshold, type PixelBox } from "./raster.js";
import { inkSegments, type RegionCrop, regionItems } from "./read-regions.js";
import { recognizeCrops } from "./recognize-text.js";
import { rereadWords } from "./reread-words.js";
import { shrinkTo } from "./resample.js";
import { estimateSkew, rotate } from "./skew.js";
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
  const first = await readPage(engine, pageImage, page);
  if (first.radius === 0) return first.read;
  // A page of dots read through a blur: how wide a blur reads it best is a guess, so it is read again through the
  // next one, and a number the two readings disagree on is in dispute (the blur, not the print, may be the cause).
  const second = await readPage(engine, pageImage, page, otherRadius(first.radius));
  const items = crossCheck(first.read.content.items, second.read.content.items);
  return { ...first.read, content: { ...first.read.content, items } };
}

/** `ocrPage` with the page's blur given, for a screened page (undefined: chosen from the page); and the blur used. */
async function readPage(
  engine: OcrEngine,
  pageImage: PageImage,
  page: number,
  blur?: number,
): Promise<{ read: OcrPage; radius: number }> {
  const models = await engine.paddle();
  const { image, scale } = workingImage(pageImage);
  // A page of dots (dithered, screened) is read from its gray levels.
  const screened = flattenScreened(image, scale, (flat) => clamp(otsuThreshold(flat), 110, 190), blur);
  let flat = screened.flat;
  const level = screened.level;
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
  const light = binarize(gray, Math.min(LIGHT_MAX, level + 40));
  // Runs of ink through the middle of a line of text are its glyphs (bold print at low resolution fuses them),
  // not a table's rules.
  const segments = outsideText(detectRules(light, scale), regions, scale);
  // Text is read with the rules painted out: a border beside a number is not a "1".
  const clean = eraseRules(gray, light, segments, scale);
  const binary = binarize(clean, level);
  // Each region's ink, cut into words; a rule the text touches that escaped the rule finder is painted out.
  const lineHeight = median(regions.map((r) => r.box[3] - r.box[1] + 1));
  regions = regions.map((r) => growToGlyphs(binary, r, lineHeight));
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
  items.push(...(await findOrphanInk(models, clean, binary, light, segments, items, scale, glyph, level)));
  items.splice(
    0,
    items.length,
    ...attachSigns(
      await rereadWords(models, clean, items, scale, textHeight, specks > NOISY_PAGE ? { level } : undefined),
      textHeight / scale,
    ),
  );
  items.sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
  items.splice(0, items.length, ...settleItems(items, binary, scale, textHeight / scale));
  const readItems = items.filter((i) => i.text !== "");
  const confidence = readItems.length ? readItems.reduce((s, i) => s + (i.confidence ?? 0), 0) / readItems.length : 0;
  engine.recognitions += crops.length;
  const sideways = quarters % 2 === 1;
  const read: OcrPage = {
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
  return { read, radius: screened.radius };
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

/** Body text height of the page in pixels: the median ink height of its regions (10 pt when it has none). */
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
