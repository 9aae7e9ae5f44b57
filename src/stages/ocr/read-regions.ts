import type { TextDoubt, TextItem } from "../../model/page-content.js";
import { UNREADABLE } from "../../model/page-content.js";
import type { TextRegion } from "./detect-text.js";
import { isSlash, withoutSpecks } from "./mark-shapes.js";
import type { BinaryImage, GrayImage, PixelBox } from "./raster.js";
import type { Recognition, RecognizedChar } from "./recognize-text.js";

/** Letters and marks the recogniser gives for a digit it doubts, with the digit they stand for. */
const CONFUSABLE: Readonly<Record<string, string>> = {
  o: "0",
  O: "0",
  D: "0",
  Q: "0",
  〇: "0",
  l: "1",
  I: "1",
  i: "1",
  "|": "1",
  "!": "1",
  丨: "1",
  z: "2",
  Z: "2",
  S: "5",
  s: "5",
  b: "6",
  G: "6",
  B: "8",
  g: "9",
  q: "9",
  "，": ",",
  "。": ".",
  "．": ".",
};
const CJK = /[\u3400-\u9fff]/;
const BLANK_MARK = /^[/／\\—–－_]+$/;
const SEPARATOR = /[.,]/;
/** A reading limited to number marks is trusted at most this much when the free reading saw something else. */
const DISAGREE_CAP = 0.8;

/**
 * The reading of a word: its free reading when that has Chinese in it; otherwise, when the reading limited to
 * number marks found any, that one — trusted as the recogniser rates it where the free reading agrees (up to
 * letters that stand for digits, "o" for 0), and below the flagging threshold where it does not.
 */
export function chooseReading(
  chars: readonly RecognizedChar[],
  digits: readonly RecognizedChar[],
): { text: string; confidence: number; doubts?: readonly TextDoubt[] } {
  const full = chars.map((c) => c.char).join("");
  const least = (cs: readonly RecognizedChar[]) => (cs.length ? Math.min(...cs.map((c) => c.confidence)) : 0);
  if (CJK.test(full)) {
    const doubts = doubtsOf(chars);
    return doubts.length ? { text: full, confidence: least(chars), doubts } : { text: full, confidence: least(chars) };
  }
  if (digits.length === 0) return { text: full, confidence: least(chars) };
  // A printed blank read clearly ("/", "—") stays one: limited to number marks it would come back a "1".
  if (BLANK_MARK.test(full) && least(chars) >= 0.6) return { text: full, confidence: least(chars) };
  // A number neither starts nor ends with a separator: a dot there is a speck of dust.
  let first = 0;
  let last = digits.length - 1;
  while (first <= last && SEPARATOR.test(digits[first]?.char ?? "")) first++;
  while (last >= first && /[.,\-+]/.test(digits[last]?.char ?? "")) last--;
  const kept = digits.slice(first, last + 1);
  if (kept.length === 0) return { text: full, confidence: least(chars) };
  const text = kept.map((c) => c.char).join("");
  const mapped = [...full]
    .map((c) => CONFUSABLE[c] ?? c)
    .join("")
    .replace(/^[.,]+|[.,\-+]+$/g, "");
  const confidence = mapped === text ? least(kept) : Math.min(least(kept), DISAGREE_CAP);
  return { text, confidence };
}
/** The most a lone Chinese character read this unsurely at digit height is trusted to be one. */
const UNSURE_HANZI = 0.6;
/** Digits stand this much shorter than the body text's Chinese characters, or shorter. */
const DIGIT_HEIGHT = 0.85;

/**
 * A word read as one or two Chinese characters, unsurely, whose ink stands no taller than digits (clearly
 * shorter than the page's Chinese characters, `hanziHeight` pixels; "+1" read as 型): its reading limited to
 * number marks, when that is a number — below the flagging threshold (`DISPUTED`), as the two readings
 * disagree. A printed 无 is as tall as the text around it and stays 无.
 */
export function numberShaped(
  free: ReturnType<typeof chooseReading>,
  digits: readonly RecognizedChar[],
  word: { readonly width: number; readonly height: number },
  hanziHeight: number | undefined,
): ReturnType<typeof chooseReading> {
  const hanzi = CJK.test(free.text) && [...free.text].length <= 2;
  if (!hanzi || hanziHeight === undefined || free.confidence >= UNSURE_HANZI) return free;
  if (word.height > DIGIT_HEIGHT * hanziHeight) return free;
  const number = chooseReading(digits, digits);
  if (!/^[+-]?\d[\d.,]*$/.test(number.text)) return free;
  // Ink as wide as words (a label half erased under a seal), not as the marks read: no number.
  if (word.width > ([...number.text].length + 1) * DIGIT_ADVANCE * hanziHeight) return free;
  return { text: number.text, confidence: Math.min(number.confidence, DISPUTED) };
}

/** The runner-up readings of a line's doubtful Chinese characters, at their index in its text. */
function doubtsOf(chars: readonly RecognizedChar[]): TextDoubt[] {
  const out: TextDoubt[] = [];
  let at = 0;
  for (const c of chars) {
    if (c.second && CJK.test(c.second.char) && CJK.test(c.char))
      out.push({ at, char: c.second.char, confidence: Math.round(c.second.confidence * 1000) / 1000 });
    at += [...c.char].length;
  }
  return out;
}

/** A segment of a region is a word (or a number) apart when the paper before it is this wide, in text heights. */
const WORD_GAP = 0.6;
/** A half-width digit's ink and the gap after it, in body text heights (a CJK glyph's height). */
const DIGIT_ADVANCE = 0.55;
/** A recogniser's digit this sure disputes a slash found by shape; the disputed reading is kept at `DISPUTED`. */
const SURE_DIGIT = 0.8;
export const DISPUTED = 0.6;
/** What the recogniser makes of a printed dash: a 1, 一, a hyphen, or nothing. */
export const DASH_MISREAD = /^[1一\-—–_]*$/;
/**
 * A dash or a minus sign is at least this wide, in text heights (a hyphen is about a third of a Chinese
 * character): a speck of two or three pixels is flat too.
 */
const DASH_MIN = 0.2;
/** How sure a flat stroke standing alone is a printed blank. */
export const DASH_CONFIDENCE = 0.92;

/** Where a region's text was cut from the page: its box in page pixels, and the crop's padding. */
export interface RegionCrop {
  readonly region: TextRegion;
  readonly pad: number;
}

/**
 * A detected region's reading as text items in points: one item per word or number (ink separated by paper
 * wider than `WORD_GAP` text heights), each with the box of its own ink and the confidence of its least sure
 * character. A number-like word takes the reading limited to number marks. Ink that no character was read in
 * stays as a `UNREADABLE` mark, so a value slot that holds something unreadable is never taken for a blank.
 */
export function regionItems(
  crop: RegionCrop,
  recognition: Recognition,
  segments: readonly PixelBox[],
  binary: BinaryImage,
  scale: number,
  textHeight: number,
  hanziHeight?: number,
): TextItem[] {
  const rx0 = crop.region.box[0];
  if (segments.length === 0) return [];
  const height = Math.max(textHeight, ...segments.map((s) => s[3] - s[1] + 1));
  const words = mergeSegments(segments, WORD_GAP * height);
  const toPage = (x: number) => x - crop.pad + rx0;
  const items: TextItem[] = [];
  for (const word of words) {
    const inWord = (c: RecognizedChar) => {
      const cx = toPage((c.x0 + c.x1) / 2);
      return cx >= word[0] - height * 0.3 && cx <= word[2] + height * 0.3;
    };
    const chars = recognition.chars.filter((c) => c.char !== " " && inWord(c));
    const digits = recognition.digits.filter((c) => c.char !== " " && inWord(c));
    const wordHeight = word[3] - word[1] + 1;
    const wordWidth = word[2] - word[0] + 1;
    // A short flat stroke alone (specks around it aside) is a printed blank (—, -), whatever the recogniser made
    // of it (一, 1).
    const free = numberShaped(
      chooseReading(chars, digits),
      digits,
      { width: wordWidth, height: wordHeight },
      hanziHeight,
    );
    const flat = (w: number, h: number) =>
      h <= 0.35 * textHeight && w >= 1.5 * h && w >= DASH_MIN * textHeight && w <= 3 * textHeight;
    // With specks stripped only where the recogniser read what it reads a dash as: a faint "4" broken into its
    // bar and crumbs is still the 4 it was read as.
    const stripped = () => {
      const [s0, t0, s1, t1] = withoutSpecks(binary, word, textHeight);
      return flat(s1 - s0 + 1, t1 - t0 + 1);
    };
    const dash = flat(wordWidth, wordHeight) || (DASH_MISREAD.test(free.text) && stripped());
    const slash = !dash && isSlash(binary, word, scale);
    // The shape says slash but the recogniser reads a digit surely (a 7 whose bar is faint): the two disagree, so
    // the digit is kept below the threshold. A "1" is what the recogniser makes of a slash itself.
    const slashOrDigit = slash && /^[02-9]$/.test(free.text) && free.confidence >= SURE_DIGIT;
    const mark = dash ? "-" : slash && !slashOrDigit ? "/" : null;
    const read = mark
      ? { text: mark, confidence: DASH_CONFIDENCE }
      : slashOrDigit
        ? { text: free.text, confidence: Math.min(free.confidence, DISPUTED) }
        : free;
    // A flat stroke before a number is its minus sign, though the recogniser may drop so small a mark.
    const dashFirst = startsWithDash(segments, word, textHeight);
    const signed = !mark && /^\d/.test(read.text) && dashFirst;
    // A minus sign read where the ink starts with a speck of its own is that speck: the digits, in doubt.
    const unsigned =
      !mark && /^-\d[\d,.]*$/.test(read.text) && !dashFirst && startsWithSpeck(segments, word, textHeight);
    const reading = signed
      ? { text: `-${read.text}`, confidence: read.confidence }
      : unsigned
        ? { text: read.text.slice(1), confidence: Math.min(read.confidence, DISPUTED) }
        : read;
    // More ink than the digits read could cover: a digit was dropped ("80" read as "8"). Below the threshold.
    const marks = reading.text.replace(/[^\d]/g, "").length;
    const dropped =
      marks > 0 && /^-?[\d,.]+$/.test(reading.text) && wordWidth > (marks + 0.6) * DIGIT_ADVANCE * textHeight;
    const { text, confidence } = dropped ? { ...reading, confidence: Math.min(reading.confidence, 0.5) } : reading;
    // A reading the mark's shape disputes stays disputed however the recogniser reads it again (ink merely wider
    // than the digits read is judged again on its blobs: `capUnlikeNumbers`).
    const ceiling = slashOrDigit || unsigned ? DISPUTED : undefined;
    // Glyph-sized ink read as nothing but a dot: unreadable (a value slot holding no number), never a blank.
    const unread = !mark && /^[.,，。·:：]*$/.test(text) && wordHeight >= 0.5 * textHeight;
    const box = [word[0] / scale, word[1] / scale, (word[2] + 1) / scale, (word[3] + 1) / scale] as const;
    items.push({
      text: text === "" || unread ? UNREADABLE : text,
      box: [box[0], box[1], box[2], box[3]],
      fontSize: Math.max(4, box[3] - box[1]),
      fontName: "ocr",
      source: "ocr",
      confidence: unread ? 0 : round3(confidence),
      ...(read === free && free.doubts && !unread ? { doubts: free.doubts } : {}),
      ...(ceiling !== undefined && !unread ? { ceiling } : {}),
    });
  }
  return items;
}

/**
 * The ink of a region cut into runs of inked columns (gaps of one or two pixels bridged), each with its own ink
 * extent. Columns or rows inked across nearly the whole region are rules crossing it, not text (`lineHeight`,
 * pixels: the page's usual line of text, against which a column's run is long).
 */
export function inkSegments(binary: BinaryImage, box: PixelBox, erase?: GrayImage, lineHeight = 0): PixelBox[] {
  const { width, data } = binary;
  const [x0, y0, x1, y1] = box.map(Math.round) as PixelBox;
  const h = y1 - y0 + 1;
  const w = x1 - x0 + 1;
  if (h <= 0 || w <= 0) return [];
  const rowInk = new Int32Array(h);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) if (data[y * width + x] === 1) rowInk[y - y0] = (rowInk[y - y0] as number) + 1;
  }
  const ruleRow = rowInk.map((v) => (v >= 0.8 * w && w > 2 * h ? 1 : 0));
  const cols = new Int32Array(w);
  // Rows inked at a column or beside it: a slanted stroke still counts over the whole height.
  const wide = new Int32Array(w);
  for (let y = y0; y <= y1; y++) {
    if (ruleRow[y - y0]) continue;
    for (let x = x0; x <= x1; x++) {
      const i = y * width + x;
      if (data[i] === 1) cols[x - x0] = (cols[x - x0] as number) + 1;
      if (data[i] === 1 || data[i - 1] === 1 || data[i + 1] === 1) wide[x - x0] = (wide[x - x0] as number) + 1;
    }
  }
  // A column inked over the region's height and on beyond it, above and below, is a rule the text touches (a
  // cell border, bent by perspective so it escaped the rule finder): left in, it reads as a "1".
  const ext0 = Math.max(0, y0 - h);
  const ext1 = Math.min(binary.height - 1, y1 + h);
  const ruleCol = new Uint8Array(w);
  // Inked at column `x` (or beside it) in row `y`; rows off the image count as inked (a rule runs off the page).
  const inkedAt = (x: number, y: number) =>
    y < 0 ||
    y >= binary.height ||
    data[y * width + x] === 1 ||
    data[y * width + x - 1] === 1 ||
    data[y * width + x + 1] === 1;
  // A rule crossing the region runs on past its top and its bottom, or a long way past one of them (a border
  // meeting the table's top rule): a glyph whose top the region's box cut off (a "1" standing above a short
  // region) ends at its foot, no taller than a line.
  const reach = Math.max(2, Math.round(0.25 * h));
  const runOn = (x: number, from: number, step: number) => {
    let k = 0;
    while (k < 3 * h && inkedAt(x, from + step * (k + 1))) k++;
    return k;
  };
  const crosses = (x: number) => {
    const up = runOn(x, y0, -1);
    const down = runOn(x, y1, 1);
    return (up >= reach && down >= reach) || h + up + down >= 1.5 * Math.max(h, lineHeight);
  };
  for (let i = 0; i < w; i++) {
    if ((wide[i] as number) >= 0.95 * h && (cols[i] as number) > 0 && crosses(x0 + i)) {
      cols[i] = 0;
      ruleCol[i] = 1;
      continue;
    }
    if ((wide[i] as number) < 0.6 * h || (cols[i] as number) === 0) continue;
    let run = 0;
    for (let y = ext0; y <= ext1; y++) {
      const x = x0 + i;
      if (data[y * width + x] === 1 || data[y * width + x - 1] === 1 || data[y * width + x + 1] === 1) run++;
    }
    if (run >= 0.75 * (ext1 - ext0 + 1)) {
      cols[i] = 0;
      ruleCol[i] = 1;
    }
  }
  // The rule columns are painted out of `erase` (the image the region is read from) too.
  if (erase) {
    for (let i = 0; i < w; i++) {
      if (!ruleCol[i]) continue;
      for (let y = y0; y <= y1; y++) {
        const j = y * width + x0 + i;
        if (data[j] === 1) {
          erase.data[j] = 255;
          if (x0 + i + 1 < width) erase.data[j + 1] = Math.max(erase.data[j + 1] as number, 200);
          if (x0 + i > 0) erase.data[j - 1] = Math.max(erase.data[j - 1] as number, 200);
        }
      }
    }
  }
  const out: PixelBox[] = [];
  let start = -1;
  let lastInk = -1;
  const bridge = 2;
  const close = () => {
    if (start < 0) return;
    let top = -1;
    let bottom = -1;
    let total = 0;
    for (let y = y0; y <= y1; y++) {
      if (ruleRow[y - y0]) continue;
      let any = false;
      for (let x = x0 + start; x <= x0 + lastInk; x++) {
        if (data[y * width + x] === 1) {
          any = true;
          total++;
        }
      }
      if (any) {
        if (top < 0) top = y;
        bottom = y;
      }
    }
    if (top >= 0 && total >= 3) out.push([x0 + start, top, x0 + lastInk, bottom]);
    start = -1;
  };
  for (let i = 0; i < w; i++) {
    if ((cols[i] as number) > 0) {
      if (start >= 0 && i - lastInk > bridge + 1) close();
      if (start < 0) start = i;
      lastInk = i;
    }
  }
  close();
  return out;
}

/** The ink piece a word starts with, when it is one of its own (not the whole word); null otherwise. */
function leadingPiece(segments: readonly PixelBox[], word: PixelBox): PixelBox | null {
  const first = segments.find((s) => s[0] >= word[0] && s[2] <= word[2]);
  return first && first[0] === word[0] && first[2] < word[2] ? first : null;
}

/** Whether a word's ink starts with a mark of its own too small to be a dash or a minus sign (a speck). */
function startsWithSpeck(segments: readonly PixelBox[], word: PixelBox, textHeight: number): boolean {
  const first = leadingPiece(segments, word);
  return (
    first !== null && first[2] - first[0] + 1 < DASH_MIN * textHeight && first[3] - first[1] + 1 < DASH_MIN * textHeight
  );
}

/** Whether the first ink piece of `word` is a short flat stroke at mid height (a minus sign). */
function startsWithDash(segments: readonly PixelBox[], word: PixelBox, textHeight: number): boolean {
  const first = leadingPiece(segments, word);
  if (!first) return false;
  const h = first[3] - first[1] + 1;
  const w = first[2] - first[0] + 1;
  const mid = (first[1] + first[3]) / 2;
  return (
    h <= 0.25 * textHeight &&
    w >= 1.5 * h &&
    w >= DASH_MIN * textHeight &&
    w <= 0.8 * textHeight &&
    mid > word[1] + 0.25 * (word[3] - word[1]) &&
    mid < word[3] - 0.25 * (word[3] - word[1])
  );
}

/** Segments joined when the paper between them is narrower than `gap` pixels. */
function mergeSegments(segments: readonly PixelBox[], gap: number): PixelBox[] {
  const out: PixelBox[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (last && s[0] - last[2] - 1 < gap)
      out[out.length - 1] = [last[0], Math.min(last[1], s[1]), s[2], Math.max(last[3], s[3])];
    else out.push([...s]);
  }
  return out;
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}
