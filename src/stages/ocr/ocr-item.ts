import type { Box } from "../../model/geometry.js";
import type { TextItem } from "../../model/page-content.js";
import type { OcrWord } from "./engine.js";

// The vocabulary cell reading and line reading share: what a reading is, and the item it becomes.

/** CJK ideographs (a label or narrative word, never a value). */
export const CJK = /[\u3400-\u9fff]/;
/** A reading made only of digits and separators. */
export const NUMERIC = /^[\d,.]+$/;
/** Text pixel height tesseract reads best at; smaller crops are upscaled. */
export const MIN_GLYPH_PX = 28;

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

/** An OCR text item: `source: "ocr"`, confidence rounded to 0.001. */
export function ocrItem(text: string, box: Box, fontSize: number, confidence: number): TextItem {
  return { text, box, fontSize, fontName: "ocr", source: "ocr", confidence: round3(confidence) };
}

function round3(v: number): number {
  return Math.round(Math.max(0, Math.min(1, v)) * 1000) / 1000;
}
