import { numberAttr, type XmlElement } from "./xml.js";

/** A glyph in its text object's own coordinates (millimetres): origin on the baseline. */
export interface ObjectGlyph {
  readonly char: string;
  readonly x: number;
  readonly y: number;
  /** Estimated advance along the baseline in millimetres (no font metrics are read; see `estimateAdvance`). */
  readonly advance: number;
}

/** Values one DeltaX/DeltaY list may expand to (`g 1000000000 1` is a few bytes). */
const MAX_DELTAS = 100_000;

/**
 * Expands a DeltaX/DeltaY list (GB/T 33190 §11.3, ST_Array with the `g` shorthand): `g N d` stands for N copies
 * of d, as in `g 4 2.8361 5.6722` (four times 2.8361, then 5.6722). Values past `MAX_DELTAS` are dropped.
 */
export function expandDeltas(raw: string | undefined): number[] {
  if (raw === undefined) return [];
  const tokens = raw.trim().split(/[\s,]+/);
  const out: number[] = [];
  for (let i = 0; i < tokens.length && out.length < MAX_DELTAS; i++) {
    const token = tokens[i] as string;
    if (token === "g") {
      const count = Math.min(Number(tokens[i + 1]), MAX_DELTAS - out.length);
      const value = Number(tokens[i + 2]);
      i += 2;
      if (!Number.isFinite(count) || !Number.isFinite(value)) continue;
      for (let n = 0; n < count; n++) out.push(value);
    } else if (token !== "") {
      const value = Number(token);
      if (Number.isFinite(value)) out.push(value);
    }
  }
  return out;
}

/**
 * A character's advance in ems where the font's metrics are not read: CJK and full-width forms take one em,
 * other characters half an em (as `estimateGlyphBoxes` in model/ assumes for PDF runs).
 */
export function estimateAdvance(char: string): number {
  return (char.codePointAt(0) ?? 0) > 0x2e80 ? 1 : 0.5;
}

/**
 * The glyphs of a TextObject in its own coordinates. Each TextCode starts at its X, Y; a TextCode without X
 * (or Y) takes the X (Y) of the TextCode before it (§11.3, table 61: successive lines of one object). DeltaX
 * and DeltaY hold one step per glyph drawn; a CGTransform (§11.4) that draws several characters as one glyph
 * (a ligature) puts them at one place, one that draws a character as several glyphs takes that many steps.
 * Where a list runs out, its last value is used again (what readers do with producers that write one value
 * too few); with no DeltaX at all, a glyph advances by its estimated width along the reading direction
 * (`ReadDirection` 0, 90, 180, 270: left to right, top to bottom, …), and not at all across it when only
 * DeltaY is given (a vertical run). `size` is the font size and `hScale` the horizontal scale (HScale), in
 * the object's coordinates.
 */
export function layoutGlyphs(textObject: XmlElement, size: number, hScale: number): ObjectGlyph[] {
  const glyphs: ObjectGlyph[] = [];
  const direction = ((Math.round(numberAttr(textObject, "ReadDirection", 0) / 90) % 4) + 4) % 4;
  const steps = glyphSteps(textObject);
  let codeX = 0;
  let codeY = 0;
  let index = 0;
  for (const code of textObject.children) {
    if (code.name !== "TextCode") continue;
    codeX = numberAttr(code, "X", codeX);
    codeY = numberAttr(code, "Y", codeY);
    let x = codeX;
    let y = codeY;
    const chars = [...code.text.replace(/[\r\n\t]/g, "")];
    const dxs = expandDeltas(code.attrs.DeltaX);
    const dys = expandDeltas(code.attrs.DeltaY);
    let step = 0;
    for (const char of chars) {
      const advance = estimateAdvance(char) * size * hScale;
      glyphs.push({ char, x, y, advance });
      for (let n = steps.get(index) ?? 1; n > 0; n--, step++) {
        const dx = dxs[step] ?? dxs.at(-1);
        const dy = dys[step] ?? dys.at(-1);
        if (dx !== undefined || dy !== undefined) {
          x += dx ?? 0;
          y += dy ?? 0;
        } else if (direction === 1) y += advance;
        else if (direction === 2) x -= advance;
        else if (direction === 3) y -= advance;
        else x += advance;
      }
      index += 1;
    }
  }
  return glyphs;
}

/** Characters of CGTransform groups (index over the object's TextCodes) → the steps taken after each. */
function glyphSteps(textObject: XmlElement): Map<number, number> {
  const steps = new Map<number, number>();
  for (const transform of textObject.children) {
    if (transform.name !== "CGTransform") continue;
    const position = numberAttr(transform, "CodePosition", -1);
    const codes = Math.max(1, Math.min(1000, Math.round(numberAttr(transform, "CodeCount", 1))));
    const glyphs = Math.max(0, Math.min(1000, Math.round(numberAttr(transform, "GlyphCount", 1))));
    if (position < 0) continue;
    // N characters drawn as G glyphs: the G steps spread over the N characters in order (1:1 → one each, a
    // ligature 2:1 → none after the first character and one after the second, 1:2 → two).
    for (let i = 0; i < codes; i++) {
      steps.set(position + i, Math.floor(((i + 1) * glyphs) / codes) - Math.floor((i * glyphs) / codes));
    }
  }
  return steps;
}
