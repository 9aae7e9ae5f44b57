import type { Box } from "./geometry.js";

/**
 * Per-character boxes of a text run whose glyph positions are unknown: full-width characters (CJK,
 * full-width forms) advance one em, others half an em, scaled to the run's width. Good enough to tell
 * which cell or column a character of a run that spans several of them belongs to.
 */
export function estimateGlyphBoxes(text: string, box: Box): { char: string; box: Box }[] {
  const chars = [...text];
  const weights = chars.map((ch) => ((ch.codePointAt(0) ?? 0) > 0x2e80 ? 1 : 0.5));
  const unit = (box[2] - box[0]) / (weights.reduce((a, b) => a + b, 0) || 1);
  let x = box[0];
  return chars.map((char, i) => {
    const w = unit * (weights[i] ?? 0.5);
    const glyph = { char, box: [x, box[1], x + w, box[3]] as Box };
    x += w;
    return glyph;
  });
}
