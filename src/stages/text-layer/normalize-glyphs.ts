import { RADICAL_EQUIVALENTS } from "./radical-equivalents.js";

const RADICALS = /[\u2e80-\u2ef3\u2f00-\u2fd5\uf900-\ufaff\u2329\u232a]/g;

/**
 * Code points that simplified-Chinese fonts draw with the glyph of another, so a producer writing
 * ToUnicode from the glyph may pick the wrong one (seen: Chromium with Noto Serif CJK SC writes 戶 for 户).
 * Only pairs where the first never occurs in a mainland report.
 */
const SHARED_GLYPHS: Readonly<Record<string, string>> = { 戶: "户" };

/**
 * Text-layer characters as the ideographs they show: Kangxi Radicals, CJK Compatibility Ideographs and
 * the deprecated angle brackets by NFKC, CJK Radicals Supplement and shared glyphs by table. Everything
 * else is left as pdf.js gave it.
 */
export function normalizeGlyphs(text: string): string {
  return text
    .replace(RADICALS, (ch) => RADICAL_EQUIVALENTS[ch] ?? ch.normalize("NFKC"))
    .replace(/[戶]/g, (ch) => SHARED_GLYPHS[ch] ?? ch);
}
