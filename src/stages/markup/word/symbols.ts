import type { StreamReader } from "./bytes.js";
import type { Fib } from "./fib.js";
import { readSprms } from "./sprm.js";

/**
 * Symbol characters ([MS-DOC] 2.6.1 sprmCSymbol): Word stores a character inserted from a symbol font (Insert →
 * Symbol, e.g. ° ± × √ or a check box from Wingdings) as "(" (0x28) in the text, its real code in the run's
 * character properties. Read naively they come out as "(" — a wrong character in a cell. Returns, by the FC
 * of each such "(", the character to show: the Unicode equivalent for the Symbol font's codes, else the code
 * as stored (a Private Use Area character of the font, as LibreOffice keeps it).
 */
export function readSymbols(word: StreamReader, table: StreamReader, fib: Fib): Map<number, string> {
  const symbols = new Map<number, string>();
  const { fc, lcb } = fib.plcfBteChpx;
  if (lcb < 12) return symbols;
  const count = (lcb - 4) / 8;
  if (!Number.isInteger(count) || count > MAX_FKPS) return symbols;
  const fonts = readFontNames(table, fib);
  const seen = new Set<number>();
  for (let i = 0; i < count; i++) {
    const pn = table.u32(fc + (count + 1) * 4 + i * 4) & 0x3fffff;
    if (seen.has(pn)) continue;
    seen.add(pn);
    const page = pn * FKP_SIZE;
    const crun = word.u8(page + FKP_SIZE - 1);
    for (let r = 0; r < crun; r++) {
      const offset = word.u8(page + (crun + 1) * 4 + r) * 2;
      if (offset === 0) continue;
      const cb = word.u8(page + offset);
      const sprms = readSprms(word.slice(page + offset + 1, Math.min(cb, FKP_SIZE - offset - 1)));
      const symbol = sprms.find((s) => s.code === SPRM_C_SYMBOL && s.operand.length >= 4);
      if (!symbol) continue;
      const op = symbol.operand;
      const ftc = (op[0] as number) | ((op[1] as number) << 8);
      const xchar = (op[2] as number) | ((op[3] as number) << 8);
      const shown = showSymbol(fonts[ftc] ?? "", xchar);
      const fcStart = word.u32(page + r * 4);
      const fcEnd = word.u32(page + (r + 1) * 4);
      // A symbol run is short (one character, two bytes in a UTF-16 piece); a longer one is marked at each "(".
      for (let at = fcStart; at < fcEnd && at - fcStart < MAX_RUN; at++) symbols.set(at, shown);
    }
  }
  return symbols;
}

const SPRM_C_SYMBOL = 0x6a09;
const FKP_SIZE = 512;
const MAX_FKPS = 200_000;
const MAX_RUN = 64;

/** Adobe Symbol's codes 0x20–0x7E and 0xA0–0xDF as Unicode (the Greek letters, maths and arrows). */
const SYMBOL_LOW = " !∀#∃%&∋()∗+,−./0123456789:;<=>?≅ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ[∴]⊥_‾αβχδεφγηιϕκλμνοπθρστυϖωξψζ{|}∼";
const SYMBOL_HIGH = "€ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…⏐⎯↵ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓";

function showSymbol(font: string, xchar: number): string {
  // Symbol fonts store their codes at U+F020–U+F0FF (or, from older writers, at 0x20–0xFF).
  const code = xchar >= 0xf000 && xchar <= 0xf0ff ? xchar - 0xf000 : xchar;
  if (/^symbol$/i.test(font.trim())) {
    if (code >= 0x20 && code <= 0x7e) return SYMBOL_LOW[code - 0x20] as string;
    if (code >= 0xa0 && code <= 0xdf) return [...SYMBOL_HIGH][code - 0xa0] as string;
  }
  return String.fromCharCode(xchar < 0x100 ? 0xf000 + xchar : xchar);
}

/** Font names by index (SttbfFfn, [MS-DOC] 2.9.274): each FFN is cbFfnM1, then its name as UTF-16 from byte 40. */
function readFontNames(table: StreamReader, fib: Fib): string[] {
  const { fc, lcb } = fib.sttbfFfn;
  const names: string[] = [];
  if (lcb < 4 || fc + lcb > table.length) return names;
  const count = table.u16(fc);
  let at = fc + 4;
  for (let i = 0; i < count && at < fc + lcb; i++) {
    const size = table.u8(at) + 1;
    let name = "";
    for (let c = at + 40; c + 1 < at + size && c + 1 < fc + lcb; c += 2) {
      const unit = table.u16(c);
      if (unit === 0) break;
      name += String.fromCharCode(unit);
    }
    names.push(name);
    at += size;
  }
  return names;
}
