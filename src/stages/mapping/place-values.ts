import type { Box } from "../../model/geometry.js";
import type { TextItem } from "../../model/page-content.js";
import { normalizeLabel } from "./normalize.js";
import type { RowRecord, ValueSlot } from "./row-record.js";

/**
 * Column centres (x, points) from header words, left to right, or null when not all are found. `words[i]`
 * lists the accepted spellings of column i, longest first; one starting with "=" must stand alone (其他 must
 * not match 法人或其他组织). Header cells break words over lines ("商业/企业", "结果/维持") and justified
 * cells split them into runs ("法 / 律服 / 务"), so matching is per character along each line: the centre
 * is that of the matched characters, which must sit close together.
 */
export function findAnchors(headerItems: readonly TextItem[], words: readonly (readonly string[])[]): number[] | null {
  const lines = headerLines(headerItems);
  const anchors: number[] = [];
  let minX = Number.NEGATIVE_INFINITY;
  for (const spellings of words) {
    let found: number | null = null;
    for (const spelling of spellings) {
      const candidates = lines.flatMap((line) => occurrences(line, spelling)).filter((x) => x > minX + 1);
      if (candidates.length > 0) {
        found = Math.min(...candidates);
        break;
      }
    }
    if (found === null) return null;
    anchors.push(found);
    minX = found;
  }
  return anchors;
}

interface Glyph {
  readonly ch: string;
  readonly x0: number;
  readonly x1: number;
  readonly em: number;
}

/** Header characters grouped into lines (by vertical overlap), each line left to right. */
function headerLines(items: readonly TextItem[]): Glyph[][] {
  const lines: { y0: number; y1: number; glyphs: Glyph[] }[] = [];
  for (const item of [...items].sort((a, b) => a.box[1] - b.box[1])) {
    const h = item.box[3] - item.box[1];
    const line = lines.find((l) => Math.min(l.y1, item.box[3]) - Math.max(l.y0, item.box[1]) > h * 0.5);
    const glyphs = explode(item);
    if (line) line.glyphs.push(...glyphs);
    else lines.push({ y0: item.box[1], y1: item.box[3], glyphs });
  }
  return lines.map((l) => l.glyphs.sort((a, b) => a.x0 - b.x0));
}

function explode(item: TextItem): Glyph[] {
  const chars = [...normalizeLabel(item.text)];
  const weights = chars.map((ch) => ((ch.codePointAt(0) ?? 0) > 0x2e80 ? 1 : 0.5));
  const unit = (item.box[2] - item.box[0]) / (weights.reduce((a, b) => a + b, 0) || 1);
  let x = item.box[0];
  return chars.map((ch, i) => {
    const w = unit * (weights[i] ?? 0.5);
    const glyph = { ch, x0: x, x1: x + w, em: item.fontSize };
    x += w;
    return glyph;
  });
}

/** Centres of the places where `spelling` is spelled by adjacent glyphs of the line. */
function occurrences(line: readonly Glyph[], spelling: string): number[] {
  const exact = spelling.startsWith("=");
  const target = [...(exact ? spelling.slice(1) : spelling)];
  const found: number[] = [];
  const close = (a: Glyph, b: Glyph) => b.x0 - a.x1 < b.em * 0.6;
  for (let i = 0; i + target.length <= line.length; i++) {
    const run = line.slice(i, i + target.length);
    if (!run.every((g, k) => g.ch === target[k])) continue;
    if (!run.every((g, k) => k === 0 || close(run[k - 1] as Glyph, g))) continue;
    const first = run[0] as Glyph;
    const last = run.at(-1) as Glyph;
    const before = line[i - 1];
    const after = line[i + target.length];
    if (exact && ((before && close(before, first)) || (after && close(last, after)))) continue;
    found.push((first.x0 + last.x1) / 2);
  }
  return found;
}

/**
 * The record's value slots placed into `count` columns. Ruled rows with exactly `count` cells map by
 * position; otherwise each slot goes to the nearest anchor, tokens sharing a column are joined ("3 119"),
 * and an anchor column with no token is a printed blank. Null entries could not be placed.
 */
export function placeValues(record: RowRecord, count: number, anchors: readonly number[] | null): (ValueSlot | null)[] {
  const slots = record.slots;
  if (slots.length === 0 && !record.ruled && !anchors) {
    // An unruled row that printed nothing after its label: every column blank, placed after the label.
    const x0 = record.labelBox?.[2] ?? record.box[0];
    const box: Box = [x0, record.box[1], record.box[2], record.box[3]];
    return Array.from({ length: count }, () => ({ raw: "", box, page: record.page }));
  }
  if (slots.length === count && (record.ruled || !anchors)) return [...slots];
  if (!anchors || anchors.length !== count) {
    if (record.ruled && slots.length > count) return slots.slice(-count);
    return Array.from({ length: count }, () => null);
  }
  const placed: ValueSlot[][] = anchors.map(() => []);
  for (const slot of slots) {
    const x = centreX(slot.box);
    let best = 0;
    anchors.forEach((a, i) => {
      if (Math.abs(a - x) < Math.abs((anchors[best] ?? 0) - x)) best = i;
    });
    placed[best]?.push(slot);
  }
  const spacing = anchors.length > 1 ? ((anchors.at(-1) ?? 0) - (anchors[0] ?? 0)) / (anchors.length - 1) : 30;
  return placed.map((group, i) => {
    if (group.length === 0) {
      const a = anchors[i] ?? 0;
      const box: Box = [a - spacing / 2, record.box[1], a + spacing / 2, record.box[3]];
      return { raw: "", box, page: record.page };
    }
    const first = group[0] as ValueSlot;
    const box = group.reduce<Box>(
      (b, s) => [
        Math.min(b[0], s.box[0]),
        Math.min(b[1], s.box[1]),
        Math.max(b[2], s.box[2]),
        Math.max(b[3], s.box[3]),
      ],
      first.box,
    );
    return { raw: group.map((s) => s.raw).join(" "), box, page: first.page };
  });
}

function centreX(box: Box): number {
  return (box[0] + box[2]) / 2;
}
