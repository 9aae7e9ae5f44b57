import { UNREADABLE } from "../../model/page-content.js";
import type { NumberKind } from "../../templates/index.js";

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

/** Full-width ASCII (U+FF01–FF5E) to half-width, ideographic space to space. */
export function toHalfWidth(text: string): string {
  if (!FULL_WIDTH.test(text)) return text;
  return text
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode((ch.codePointAt(0) ?? 0) - 0xfee0))
    .replace(/\u3000/g, " ");
}

/**
 * Label text for fingerprint matching: no whitespace, full-width brackets, "1." numbering (from 1、 1． 1，),
 * straight quotes (from “ ” ‘ ’ 「 」). Typographic variants of the same label compare equal.
 */
export function normalizeLabel(text: string): string {
  // Header words are matched character by character (find-anchors.ts): single characters repeat.
  if (text.length === 1) {
    let char = normalizedChars.get(text);
    if (char === undefined) {
      char = normalizeText(text);
      normalizedChars.set(text, char);
    }
    return char;
  }
  return normalizeText(text);
}

const normalizedChars = new Map<string, string>();

function normalizeText(text: string): string {
  return toHalfWidth(text)
    .replace(/\s+/g, "")
    .replace(/\(/g, "（")
    .replace(/\)/g, "）")
    .replace(/[“”„「」『』]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/(\d)[、,，．]/g, "$1.")
    .replace(/：/g, ":");
}

/** A unit some authors print after the number in a cell ("3件", "12.35万元"); the column already says it. */
const UNIT = /(?<=\d)\s*(?:件|个|项|次|宗|起|家|人次|万元)$/;

/** A footnote mark after a number ("14*", "0（注）", "3注1"): the number stands, the raw text keeps the mark. */
const FOOTNOTE = /(?<=\d)\s*(?:\*+|※|[（(]注\s*\d*[)）]|注\s*\d*|[¹²³])$/;

/** Printed marks that mean "none" in a count cell (SPEC §3.4), and "not applicable" (不涉及) which counts none. */
const BLANK_MARKS = /^(?:[—–－\-_/／\\·…]+|无|空|不涉及|未涉及|无此项|\s*)$/;

/**
 * A cell's printed text as a number, or null when it is not one. Blank and dash-like marks are 0 with
 * `blank: true`; full-width digits, thousands separators ("1,362", "3 119") and a trailing unit ("3件") are
 * read. Decimals and signs
 * are kept as printed: whether the cell allows them is the `cell.integer` rule's call, not the reader's.
 */
export function parseNumber(raw: string): { value: number; blank: boolean } | null {
  const text = toHalfWidth(raw).replace(/\s+/g, " ").trim().replace(FOOTNOTE, "").replace(UNIT, "").trim();
  if (BLANK_MARKS.test(text)) return { value: 0, blank: true };
  // Thousands are grouped from a leading digit 1–9 ("1,362", "3 119"); "0 261" is two numbers, not 261.
  const grouped = /^[1-9]\d{0,2}(?:[ ,，]\d{3})+(?:[.。．]\d+)?$/.test(text);
  const compact = (grouped ? text.replace(/[ ,，]/g, "") : text).replace(/[。．]/g, ".");
  if (/^[-+]?\d+(?:\.\d+)?$/.test(compact)) return { value: Number(compact), blank: false };
  return null;
}

/** A change printed in words: 增加3 / 增3 / 新增3 = +3, 减少2 / 减2 = −2 (2019 本年增/减). */
const WORDED_DELTA = /^(新增|增加|增|减少|减)\s*(\d+)$/;
/** An amount with its unit in 元 (not 万元): "251000元", "251,000.00 元". */
const YUAN = /^([\d,，.]+)\s*元$/;

/**
 * A cell's printed text as a number of the given kind: `signed` also reads 增加3 / 减少2 and a leading +
 * or −; `decimal` (an amount in 万元) converts an amount printed in 元 ("251000元" → 25.1).
 */
export function parseNumberAs(raw: string, kind: NumberKind): { value: number; blank: boolean } | null {
  const text = toHalfWidth(raw).replace(/[−﹣]/g, "-").replace(/\s+/g, " ").trim();
  if (kind === "signed") {
    const worded = WORDED_DELTA.exec(text);
    if (worded) return { value: (worded[1]?.startsWith("减") ? -1 : 1) * Number(worded[2]), blank: false };
  }
  if (kind === "decimal") {
    const yuan = YUAN.exec(text);
    const amount = yuan ? parseNumber(yuan[1] ?? "") : null;
    if (amount && !amount.blank) return { value: Math.round(amount.value * 100) / 1e6, blank: false };
  }
  return parseNumber(text);
}

/** Whether a token printed in a table is a value (number or blank mark) rather than label text. */
export function isValueToken(raw: string): boolean {
  const text = toHalfWidth(raw).trim().replace(FOOTNOTE, "").replace(UNIT, "");
  if (text === "") return false;
  // A mark OCR could not read in a value cell: a value, though not a number.
  if (text === UNREADABLE) return true;
  // Signed changes (+3, -2, 减少2) and amounts in 元 are values of the 2019 section 二.
  if (/^[+\-−]\d+$/.test(text) || WORDED_DELTA.test(text) || YUAN.test(text)) return true;
  return /^[\d,，.．\s]+$/.test(text) && /\d/.test(text) ? true : BLANK_MARKS.test(text);
}

/** Length of the longest common subsequence of two character lists. */
export function commonSubsequence(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const ch of a) {
    const row = [0];
    for (let j = 1; j <= b.length; j++) {
      row[j] = ch === b[j - 1] ? (prev[j - 1] as number) + 1 : Math.max(prev[j] as number, row[j - 1] as number);
    }
    prev = row;
  }
  return prev[b.length] as number;
}
