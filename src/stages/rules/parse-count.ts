const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Characters a Chinese-numeral count is written with (counts below 10000). */
export const CHINESE_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千";

/**
 * A count written in ASCII digits ("36", "12.5") or Chinese numerals below 10000 ("十二", "一百零五", "两");
 * null for anything else, including digit strings without units ("一二").
 */
export function parseCount(text: string): number | null {
  if (/^[0-9]+(?:\.[0-9]+)?$/.test(text)) return Number(text);
  if (text === "") return null;
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Number.POSITIVE_INFINITY;
  for (const char of text) {
    const d = DIGITS[char];
    if (d !== undefined) {
      if (digit !== null && digit !== 0) return null;
      digit = d;
      continue;
    }
    const unit = UNITS[char];
    if (unit === undefined || unit >= lastUnit) return null;
    total += (digit ?? 1) * unit;
    digit = null;
    lastUnit = unit;
  }
  return total + (digit ?? 0);
}
