import { type TextItem, UNREADABLE } from "../../model/page-content.js";
import { findComponents } from "./components.js";
import type { PaddleModels } from "./paddle-models.js";
import { crop, type GrayImage } from "./raster.js";
import { chooseReading, DISPUTED } from "./read-regions.js";
import { recognizeCrops } from "./recognize-text.js";

/** A word read below this is read again on its own. */
const REREAD_BELOW = 0.9;
/** A reread batch holds words at most this much wider than its narrowest (see `recognizeCrops`). */
const REREAD_SPREAD = 1.25;
const NUMBER = /^\d[\d,.]*$/;
/** Paper cut with a word on each side, in text heights. */
const PAD = 0.4;
/**
 * …and with a lone glyph (a box no wider than it is tall): close at the sides, with room above and below. A lone
 * digit cut with much paper beside it comes back as nothing (the recogniser reads the paper as blanks around no
 * character); a wider word cut that close loses a digit ("11" read as "1").
 */
const GLYPH_PAD_X = 0.1;
const GLYPH_PAD_Y = 0.3;
const CJK = /[\u3400-\u9fff]/;

/**
 * Second look at doubtful short words: a number read below `REREAD_BELOW`, or a glyph-sized mark read as
 * nothing, is cut out on its own with paper around it (a region cut close, or shared with specks, misleads the
 * recogniser) and read again. The new reading replaces the old only where it is a number and surer; where the
 * two readings differ, the surer one is kept but the confidence cannot exceed the other's doubt.
 */
export async function rereadWords(
  models: PaddleModels,
  image: GrayImage,
  items: readonly TextItem[],
  scale: number,
  textHeight: number,
  noisy?: { readonly level: number },
): Promise<TextItem[]> {
  const doubtful = items
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => {
      if (CJK.test(item.text) || item.text.length > 12) return false;
      if (item.text === UNREADABLE) return true;
      // On a speckled page every number is read again with the specks beside its digits cleared.
      return NUMBER.test(item.text) && (noisy !== undefined || (item.confidence ?? 0) < REREAD_BELOW);
    });
  if (doubtful.length === 0) return [...items];
  // Each word cut at its box, then padded by its own shape: a lone glyph close at the sides. On a speckled page
  // the specks are cleared first and the word padded by the ink they leave.
  const padded = (cut: GrayImage) => {
    const glyph = cut.width <= cut.height;
    const pad = Math.round((glyph ? GLYPH_PAD_X : PAD) * textHeight);
    const padY = Math.round((glyph ? GLYPH_PAD_Y : PAD) * textHeight);
    return crop(cut, 0, 0, cut.width, cut.height, pad, padY);
  };
  const tight = doubtful.map(({ item }) =>
    crop(image, item.box[0] * scale, item.box[1] * scale, item.box[2] * scale, item.box[3] * scale),
  );
  const cuts = tight.map(padded);
  // On a speckled page a crop is read with its specks cleared; a mark read as nothing is also read as it stands
  // (clearing can thin a bold glyph past reading).
  const plain = noisy ? doubtful.flatMap(({ item }, i) => (item.text === UNREADABLE ? [i] : [])) : [];
  // Each word is read in a batch of words about its own width: a lone digit padded to a long number's width
  // can come back as nothing.
  const readings = await recognizeCrops(
    models,
    [
      ...(noisy ? tight.map((cut) => padded(trimToInk(clearSpecks(cut, noisy.level, textHeight), noisy.level))) : cuts),
      ...plain.map((i) => cuts[i] as GrayImage),
    ],
    { spread: REREAD_SPREAD },
  );
  const readingOf = (i: number) => {
    const read = (r: (typeof readings)[number] | undefined) =>
      r
        ? chooseReading(
            r.chars.filter((c) => c.char !== " "),
            r.digits.filter((c) => c.char !== " "),
          )
        : { text: "", confidence: 0 };
    const first = read(readings[i]);
    const k = plain.indexOf(i);
    if (k < 0) return first;
    const second = read(readings[doubtful.length + k]);
    return NUMBER.test(second.text) && (!NUMBER.test(first.text) || second.confidence > first.confidence)
      ? second
      : first;
  };
  const out = [...items];
  doubtful.forEach(({ item, index }, i) => {
    const again = readingOf(i);
    if (!NUMBER.test(again.text)) return;
    const before = item.confidence ?? 0;
    // A reading disputed by other evidence (its shape) is not settled by the recogniser agreeing with itself.
    const most = item.ceiling ?? 1;
    if (item.text === UNREADABLE) {
      out[index] = { ...item, text: again.text, confidence: round3(Math.min(again.confidence, 0.85)) };
      return;
    }
    if (noisy && again.text !== item.text && item.text !== UNREADABLE) {
      // Read with and without the specks beside it, the number differs: the surer of the two, in dispute (clearing
      // can take a glyph's own crumbs: a sure "1" comes back "11" from its remains).
      const surer = again.confidence >= before ? again : { text: item.text, confidence: before };
      out[index] = { ...item, text: surer.text, confidence: round3(Math.min(surer.confidence, DISPUTED, most)) };
      return;
    }
    if (again.text === item.text) {
      // Two readings agree: as sure as the surer of them.
      out[index] = { ...item, confidence: round3(Math.min(Math.max(before, again.confidence), most)) };
      return;
    }
    if (again.confidence > before)
      out[index] = { ...item, text: again.text, confidence: round3(Math.min(again.confidence, 1 - before, most)) };
  });
  return out;
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/**
 * A number's crop with every speck-sized blob cleared (no larger than a quarter of the text height both ways),
 * save a decimal point: a dot low on the line with digits close on both sides.
 */
export function clearSpecks(image: GrayImage, level: number, textHeight: number): GrayImage {
  const { width, height, data } = image;
  const size = Math.max(1, Math.floor(0.25 * textHeight));
  const ring = Math.max(1, Math.round(0.06 * textHeight));
  const blobs = findComponents(width, height, (i) => (data[i] as number) <= level);
  const large = blobs.filter(({ box: [x0, y0, x1, y1] }) => x1 - x0 + 1 > size || y1 - y0 + 1 > size);
  if (large.length === 0) return image;
  const top = Math.min(...large.map((b) => b.box[1]));
  const bottom = Math.max(...large.map((b) => b.box[3]));
  const out = new Uint8Array(data);
  for (const { box } of blobs) {
    const [x0, y0, x1, y1] = box;
    if (x1 - x0 + 1 > size || y1 - y0 + 1 > size) continue;
    const low = y0 >= top + 0.6 * (bottom - top) && y1 <= bottom + 1;
    const near = (side: -1 | 1) =>
      large.some((b) =>
        side < 0
          ? b.box[2] < x0 && x0 - b.box[2] <= 0.4 * textHeight
          : b.box[0] > x1 && b.box[0] - x1 <= 0.4 * textHeight,
      );
    if (low && near(-1) && near(1)) continue;
    for (let y = y0; y <= y1; y++) out.fill(255, y * width + x0, y * width + x1 + 1);
    // Its gray fringe too (a speck shrunk from a finer scan is a dark core in a lighter ring): left, the
    // recogniser still reads the ring as a "1" or a "5" beside the digit.
    for (let y = Math.max(0, y0 - ring); y <= Math.min(height - 1, y1 + ring); y++) {
      for (let x = Math.max(0, x0 - ring); x <= Math.min(width - 1, x1 + ring); x++) {
        if ((data[y * width + x] as number) > level) out[y * width + x] = 255;
      }
    }
  }
  return { width, height, data: out };
}

/** The crop cut to the box of its ink (pixels at `level` or darker); unchanged when it holds none. */
function trimToInk(image: GrayImage, level: number): GrayImage {
  const { width, height, data } = image;
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if ((data[y * width + x] as number) > level) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return x1 < 0 ? image : crop(image, x0, y0, x1 + 1, y1 + 1);
}
