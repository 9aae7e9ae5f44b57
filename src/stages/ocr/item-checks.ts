import { type TextItem, UNREADABLE } from "../../model/page-content.js";
import { inkRunsThrough, showsMoreDigits } from "./mark-shapes.js";
import type { BinaryImage, PixelBox } from "./raster.js";

/**
 * A short number whose ink is under this share of the page's digit height (the median of its surely read
 * numbers; a table's type is often smaller than the body's), read below `DUST_CONFIDENCE`, is dust.
 */
const DUST_HEIGHT = 0.6;
/**
 * A lone digit read unsurely from ink taller than this many digit heights is no reading of a digit: a seal's ring
 * across two rows, or a digit blurred together with the specks above and below it. It stays as ink no one could
 * read (`UNREADABLE`): dropped, its slot would read as a sure blank.
 */
const TALL_NOISE = 2;
const DUST_CONFIDENCE = 0.9;
/** The confidence of a number whose ink shows more digits than it was read with, or is too short for one. */
const DROPPED_DIGITS = 0.5;
/** A number whose ink is shorter than this share of the page's digit height is part of a glyph. */
const SHORT_DIGITS = 0.7;
/**
 * A page's items, read, checked against their ink: numbers whose ink does not look like what was read kept below
 * the threshold, and dust, specks beside numbers and words read twice dropped (`textHeight` in points).
 */
export function settleItems(
  items: readonly TextItem[],
  binary: BinaryImage,
  scale: number,
  textHeight: number,
): TextItem[] {
  const digits = digitHeight(items, textHeight);
  // Dust is judged on the readings as they came: a number capped for its ink stays, in doubt.
  const kept = items
    .filter(
      (item) =>
        !isDust(item, digits) &&
        !isSpeckBeside(item, items, textHeight) &&
        !isReadTwice(item, items) &&
        !isInsideNumber(item, items) &&
        !isSpeckDash(item, digits),
    )
    .map((item) => (isTallNoise(item, digits) ? { ...item, text: UNREADABLE, confidence: 0 } : item));
  return capUnlikeNumbers(kept, binary, scale, digits);
}

/**
 * Numbers whose ink does not look like what was read, kept below the threshold however surely they were read
 * (and read again, alike, from the same ink): a box holding more digit-sized blobs than the number has digits
 * dropped some ("110" read as "1", its box widened by a rule left beside it); ink well short of the page's digits
 * is part of a glyph (a 0 half lost in a seal's red star read as "5"); ink that runs on above and below is part
 * of a longer line (a blue seal's ring read as "11").
 */
export function capUnlikeNumbers(
  items: readonly TextItem[],
  binary: BinaryImage,
  scale: number,
  digits: number,
): TextItem[] {
  return items.map((item) => {
    if (!/^-?\d[\d,.]*$/.test(item.text) || (item.confidence ?? 0) <= DROPPED_DIGITS) return item;
    const short = item.box[3] - item.box[1] < SHORT_DIGITS * digits;
    const box = item.box.map((v) => Math.round(v * scale)) as unknown as PixelBox;
    return short ||
      showsMoreDigits(binary, box, digits * scale, item.text.replace(/\D/g, "").length) ||
      inkRunsThrough(binary, box, digits * scale)
      ? { ...item, confidence: DROPPED_DIGITS }
      : item;
  });
}

/**
 * A number (or an unreadable mark) read from specks of dust: its ink is well under the page's digit height and
 * the reading is unsure.
 */
export function isDust(item: TextItem, digitHeight: number): boolean {
  return (
    (/^\d{1,2}$/.test(item.text) || item.text === UNREADABLE) &&
    item.box[3] - item.box[1] < DUST_HEIGHT * digitHeight &&
    (item.confidence ?? 0) < DUST_CONFIDENCE
  );
}

/** A lone digit read unsurely from ink over `TALL_NOISE` digit heights. */
function isTallNoise(item: TextItem, digitHeight: number): boolean {
  return (
    /^\d$/.test(item.text) &&
    item.box[3] - item.box[1] > TALL_NOISE * digitHeight &&
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

/** A dash is at least this wide, in digit heights (a hyphen is about half a digit's height). */
const DASH_WIDTH = 0.25;

/** A dash read from a speck: narrower than any printed dash or minus sign. */
function isSpeckDash(item: TextItem, digitHeight: number): boolean {
  return /^[-—–_]$/.test(item.text) && item.box[2] - item.box[0] < DASH_WIDTH * digitHeight;
}

/**
 * A dash read from ink that lies within a number's box is a stroke of one of its digits (a 7's bar cut off in a
 * region of its own): left in, it joins the number as a minus sign ("-73").
 */
function isInsideNumber(item: TextItem, items: readonly TextItem[]): boolean {
  if (!/^[-—–_]$/.test(item.text)) return false;
  const [x0, y0, x1, y1] = item.box;
  const area = Math.max(x1 - x0, 1e-6) * Math.max(y1 - y0, 1e-6);
  return items.some((n) => {
    if (n === item || !/^-?\d[\d,.]*$/.test(n.text)) return false;
    const w = Math.min(x1, n.box[2]) - Math.max(x0, n.box[0]);
    const h = Math.min(y1, n.box[3]) - Math.max(y0, n.box[1]);
    return w > 0 && h > 0 && w * h >= 0.5 * area;
  });
}

/** The median ink height of the page's surely read numbers (0.7 text heights when it has none). */
export function digitHeight(items: readonly TextItem[], textHeight: number): number {
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
