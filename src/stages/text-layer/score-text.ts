import { commonHanzi } from "./common-hanzi.js";

/**
 * Text-layer quality: the share of characters a real report is made of (CJK ideographs, CJK and full-width
 * punctuation, ASCII) among all non-space characters. Broken CID fonts without a usable ToUnicode map yield
 * U+FFFD, Private Use Area code points, control characters or stray symbols instead; a CID font decoded
 * through the wrong map yields real but rare ideographs, so their share in GB 2312 counts too.
 */
export function scoreText(text: string): { quality: number; chars: number } {
  let good = 0;
  let total = 0;
  let hanzi = 0;
  let commonCount = 0;
  const common = commonHanzi();
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x3000) continue;
    total += 1;
    if (isUsable(code)) good += 1;
    if (code >= 0x3400 && code <= 0x9fff) {
      hanzi += 1;
      if (common.has(char)) commonCount += 1;
    }
  }
  if (total === 0) return { quality: 0, chars: 0 };
  const quality = good / total;
  // Plausibility of the ideographs themselves: a wrong CID map yields valid but rare hanzi.
  const commonShare = hanzi >= MIN_HANZI_FOR_PLAUSIBILITY ? commonCount / hanzi : 1;
  return { quality: commonShare < MIN_COMMON_SHARE ? quality * commonShare : quality, chars: total };
}

const MIN_HANZI_FOR_PLAUSIBILITY = 30;
const MIN_COMMON_SHARE = 0.8;

function isUsable(code: number): boolean {
  return (
    (code >= 0x21 && code <= 0x7e) || // ASCII printable
    (code >= 0x4e00 && code <= 0x9fff) || // CJK Unified Ideographs
    (code >= 0x3400 && code <= 0x4dbf) || // Extension A
    (code >= 0x3001 && code <= 0x303f) || // CJK punctuation
    (code >= 0xff01 && code <= 0xff5e) || // full-width forms
    (code >= 0x2010 && code <= 0x2027) || // dashes, quotes, ellipsis
    code === 0x00b7 ||
    code === 0x00d7 ||
    code === 0x2103 ||
    (code >= 0x2160 && code <= 0x216b) || // Roman numerals
    (code >= 0x2460 && code <= 0x2473) || // circled numbers
    (code >= 0x2e80 && code <= 0x2fdf) // radicals (some fonts map common characters here)
  );
}

/** Pages scoring below this are unreadable from the text layer and need OCR. */
export const MIN_TEXT_QUALITY = 0.8;
/** Pages with fewer characters than this are treated as image pages. */
export const MIN_PAGE_CHARS = 5;
