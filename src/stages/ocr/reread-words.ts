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
  const pad = Math.round(0.4 * textHeight);
  const cuts = doubtful.map(({ item }) =>
    crop(image, item.box[0] * scale, item.box[1] * scale, item.box[2] * scale, item.box[3] * scale, pad),
  );
  // On a speckled page a crop is read with its specks cleared; a mark read as nothing is also read as it stands
  // (clearing can thin a bold glyph past reading).
  const plain = noisy ? doubtful.flatMap(({ item }, i) => (item.text === UNREADABLE ? [i] : [])) : [];
  // Each word is read in a batch of words about its own width: a lone digit padded to a long number's width
  // can come back as nothing.
  const readings = await recognizeCrops(
    models,
    [
      ...cuts.map((cut) => (noisy ? clearSpecks(cut, noisy.level, textHeight) : cut)),
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
    if (item.text === UNREADABLE) {
      out[index] = { ...item, text: again.text, confidence: round3(Math.min(again.confidence, 0.85)) };
      return;
    }
    if (noisy && again.text !== item.text && item.text !== UNREADABLE) {
      // Read with and without the specks beside it, the number differs: the cleared reading, in dispute.
      out[index] = { ...item, text: again.text, confidence: round3(Math.min(again.confidence, DISPUTED)) };
      return;
    }
    if (again.text === item.text) {
      // Two readings agree: as sure as the surer of them.
      out[index] = { ...item, confidence: round3(Math.max(before, again.confidence)) };
      return;
    }
    if (again.confidence > before)
      out[index] = { ...item, text: again.text, confidence: round3(Math.min(again.confidence, 1 - before)) };
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
function clearSpecks(image: GrayImage, level: number, textHeight: number): GrayImage {
  const { width, height, data } = image;
  const size = Math.max(1, Math.floor(0.25 * textHeight));
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
  }
  return { width, height, data: out };
}
