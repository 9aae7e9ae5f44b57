import { clusterValues } from "../../model/geometry.js";
import { estimateGlyphBoxes } from "../../model/glyph-boxes.js";
import type { TextItem } from "../../model/page-content.js";
import { normalizeLabel } from "./normalize.js";
import type { ValueSlot } from "./row-record.js";

/**
 * A column of an unruled table, from its header word: the word's centre and its left and right edges
 * (points). Where a header word could not be found the column is estimated from its neighbours' spacing
 * and the values printed under it.
 */
export interface Anchor {
  readonly x: number;
  readonly left: number;
  readonly right: number;
  /** Placed by `completeAnchors` (its header word was not found), not read from the header. */
  readonly guessed?: boolean;
}

/**
 * Column header words, left to right; null for a column whose word was not found. `words[i]` lists the
 * accepted spellings of column i; one starting with "=" must stand alone (其他 must not match
 * 法人或其他组织). Header cells break words over lines ("商业/企业", "其/他") and justified cells split them
 * into runs ("法 / 律服 / 务"), so matching is per character along each line; the edges are those of the
 * whole word the match sits in.
 */
export function findAnchors(
  headerItems: readonly TextItem[],
  words: readonly (readonly string[])[],
): (Anchor | null)[] {
  const lines = headerLines(headerItems);
  const anchors: (Anchor | null)[] = [];
  let minX = Number.NEGATIVE_INFINITY;
  // The leftmost place any spelling of column i matches after x: a column's word is the first after the
  // previous column's.
  const leftmost = (i: number, x: number, strong = false) => {
    const spellings = (words[i] ?? []).filter((w) => !strong || (!w.startsWith("=") && w.length >= 2));
    const candidates = spellings.flatMap((spelling) =>
      lines.flatMap((line) => occurrences(line, spelling)).filter((a) => a.x > x + 1),
    );
    return candidates.length > 0 ? candidates.reduce((best, a) => (a.x < best.x ? a : best)) : null;
  };
  for (let i = 0; i < words.length; i++) {
    const found = leftmost(i, minX);
    // The next column's word (spelled out, not a one-character fallback) printed before this match: this column's own word was misread, and the match
    // is a later column's word of the same spelling (the 总计 of the next group) — this column is not found.
    const next = found ? leftmost(i + 1, minX, true) : null;
    const skipped = found !== null && next !== null && next.right < found.left;
    anchors.push(skipped ? null : found);
    // The next word stands right of this whole word (a lone "结" under a word's first line is still this one).
    if (found && !skipped) minX = found.right - 1;
  }
  return anchors;
}

/**
 * All `found.length` columns, or null. Missing header words are placed at the spacing of the found ones
 * (at least two needed) and moved onto the value cluster nearest that place; with fewer than two found,
 * the value clusters are the columns when there are exactly as many as columns.
 */
export function completeAnchors(found: readonly (Anchor | null)[], values: readonly ValueSlot[]): Anchor[] | null {
  const known = found.flatMap((a, i) => (a ? [{ i, a }] : []));
  if (known.length === found.length) return found as Anchor[];
  // Value centres within 8 pt of each other are one printed column.
  const centres = clusterValues(
    values.map((v) => (v.box[0] + v.box[2]) / 2),
    8,
  );
  if (known.length < 2) {
    if (centres.length !== found.length) return null;
    return centres.map((x, i) => {
      const half =
        ((centres[i + 1] ?? x) - (centres[i - 1] ?? x)) / (i === 0 || i === centres.length - 1 ? 2 : 4) || 10;
      return { x, left: x - half, right: x + half, guessed: true };
    });
  }
  const first = known[0] as { i: number; a: Anchor };
  const last = known.at(-1) as { i: number; a: Anchor };
  const spacing = (last.a.x - first.a.x) / (last.i - first.i);
  const widths = known.map((k) => k.a.right - k.a.left).sort((a, b) => a - b);
  const half = (widths[Math.floor(widths.length / 2)] ?? 10) / 2;
  return found.map((a, i) => {
    if (a) return a;
    const nearest = known.reduce((best, k) => (Math.abs(k.i - i) < Math.abs(best.i - i) ? k : best));
    const guess = nearest.a.x + (i - nearest.i) * spacing;
    const snapped = centres.filter((c) => Math.abs(c - guess) < spacing * 0.4);
    const x = snapped.length === 1 ? (snapped[0] as number) : guess;
    return { x, left: x - half, right: x + half, guessed: true };
  });
}

interface Glyph {
  readonly ch: string;
  readonly x0: number;
  readonly x1: number;
  readonly em: number;
  /** A space or the start of a text run precedes it. */
  readonly breakBefore: boolean;
}

/** Header characters grouped into lines (by vertical overlap), each line left to right. */
function headerLines(items: readonly TextItem[]): Glyph[][] {
  const lines: { y0: number; y1: number; glyphs: Glyph[] }[] = [];
  for (const item of [...items].sort((a, b) => a.box[1] - b.box[1])) {
    const h = item.box[3] - item.box[1];
    const line = lines.find((l) => Math.min(l.y1, item.box[3]) - Math.max(l.y0, item.box[1]) > h * 0.5);
    const glyphs = explode(item);
    if (line) for (const glyph of glyphs) line.glyphs.push(glyph);
    else lines.push({ y0: item.box[1], y1: item.box[3], glyphs });
  }
  return lines.map((l) => l.glyphs.sort((a, b) => a.x0 - b.x0));
}

function explode(item: TextItem): Glyph[] {
  const glyphs: Glyph[] = [];
  let breakBefore = true;
  for (const glyph of estimateGlyphBoxes(item.text, item.box)) {
    const ch = normalizeLabel(glyph.char);
    if (ch === "") {
      breakBefore = true;
      continue;
    }
    glyphs.push({ ch, x0: glyph.box[0], x1: glyph.box[2], em: item.fontSize, breakBefore });
    breakBefore = false;
  }
  return glyphs;
}

/** Where `spelling` is spelled by adjacent glyphs of the line, with the edges of the word around it. */
function occurrences(line: readonly Glyph[], spelling: string): Anchor[] {
  const exact = spelling.startsWith("=");
  const target = [...(exact ? spelling.slice(1) : spelling)];
  const found: Anchor[] = [];
  const close = (a: Glyph, b: Glyph) => b.x0 - a.x1 < b.em * 0.6;
  // Glyphs of one word: no space between them and (almost) touching; cells are further apart.
  const sameWord = (a: Glyph, b: Glyph) => !b.breakBefore && b.x0 - a.x1 < b.em * 0.15;
  for (let i = 0; i + target.length <= line.length; i++) {
    if (target.length > 0 && line[i]?.ch !== target[0]) continue;
    const run = line.slice(i, i + target.length);
    if (!run.every((g, k) => g.ch === target[k])) continue;
    if (!run.every((g, k) => k === 0 || close(run[k - 1] as Glyph, g))) continue;
    const first = run[0] as Glyph;
    const last = run.at(-1) as Glyph;
    const before = line[i - 1];
    const after = line[i + target.length];
    if (exact && ((before && close(before, first)) || (after && close(last, after)))) continue;
    let start = i;
    while (start > 0 && sameWord(line[start - 1] as Glyph, line[start] as Glyph)) start--;
    let end = i + target.length - 1;
    while (end + 1 < line.length && sameWord(line[end] as Glyph, line[end + 1] as Glyph)) end++;
    const left = (line[start] as Glyph).x0;
    const right = (line[end] as Glyph).x1;
    // A "word" much longer than the match is a whole header row printed as one run: keep the match.
    const whole = right - left <= (last.x1 - first.x0) * 4;
    found.push(
      whole ? { x: (left + right) / 2, left, right } : { x: (first.x0 + last.x1) / 2, left: first.x0, right: last.x1 },
    );
  }
  return found;
}
