import { type TextItem, UNREADABLE } from "../../model/page-content.js";
import type { PaddleModels } from "./paddle-models.js";
import { crop, type GrayImage } from "./raster.js";
import { chooseReading } from "./read-regions.js";
import { recognizeCrops } from "./recognize-text.js";

/** A word read below this is read again on its own. */
const REREAD_BELOW = 0.9;
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
): Promise<TextItem[]> {
  const doubtful = items
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => {
      if (CJK.test(item.text) || item.text.length > 12) return false;
      if (item.text === UNREADABLE) return true;
      return NUMBER.test(item.text) && (item.confidence ?? 0) < REREAD_BELOW;
    });
  if (doubtful.length === 0) return [...items];
  const pad = Math.round(0.4 * textHeight);
  const readings = await recognizeCrops(
    models,
    doubtful.map(({ item }) =>
      crop(image, item.box[0] * scale, item.box[1] * scale, item.box[2] * scale, item.box[3] * scale, pad),
    ),
  );
  const out = [...items];
  doubtful.forEach(({ item, index }, i) => {
    const reading = readings[i];
    if (!reading) return;
    const again = chooseReading(
      reading.chars.filter((c) => c.char !== " "),
      reading.digits.filter((c) => c.char !== " "),
    );
    if (!NUMBER.test(again.text)) return;
    const before = item.confidence ?? 0;
    if (item.text === UNREADABLE) {
      out[index] = { ...item, text: again.text, confidence: round3(Math.min(again.confidence, 0.85)) };
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
