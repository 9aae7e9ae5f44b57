import type { Box } from "../../model/geometry.js";
import { estimateGlyphBoxes } from "../../model/glyph-boxes.js";
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
export function findAnchors(headerItems: readonly TextItem[], words: readonly (readonly string[])[]): Anchor[] | null {
  const lines = headerLines(headerItems);
  const anchors: Anchor[] = [];
  let minX = Number.NEGATIVE_INFINITY;
  for (const spellings of words) {
    let found: Anchor | null = null;
    for (const spelling of spellings) {
      const candidates = lines.flatMap((line) => occurrences(line, spelling)).filter((a) => a.x > minX + 1);
      if (candidates.length > 0) {
        found = candidates.reduce((best, a) => (a.x < best.x ? a : best));
        break;
      }
    }
    if (found === null) return null;
    anchors.push(found);
    minX = found.x;
  }
  return anchors;
}

/**
 * A column of an unruled table: the centre and the left edge of its header word. A value belongs to
 * the column whose left edge it has passed and the next one's it has not: right against that edge
 * when numbers are right-aligned, near the centre when centred.
 */
export interface Anchor {
  readonly x: number;
  readonly left: number;
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
  return estimateGlyphBoxes(item.text, item.box).flatMap((glyph) => {
    const ch = normalizeLabel(glyph.char);
    return ch === "" ? [] : [{ ch, x0: glyph.box[0], x1: glyph.box[2], em: item.fontSize }];
  });
}

/** Centres of the places where `spelling` is spelled by adjacent glyphs of the line. */
function occurrences(line: readonly Glyph[], spelling: string): Anchor[] {
  const exact = spelling.startsWith("=");
  const target = [...(exact ? spelling.slice(1) : spelling)];
  const found: Anchor[] = [];
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
    found.push({ x: (first.x0 + last.x1) / 2, left: first.x0 });
  }
  return found;
}

/**
 * The record's value slots placed into `count` columns. Ruled rows with exactly `count` cells map by
 * position; otherwise each slot goes to the nearest anchor, tokens sharing a column are joined ("3 119"),
 * and an anchor column with no token is a printed blank. Null entries could not be placed.
 */
export function placeValues(record: RowRecord, count: number, anchors: readonly Anchor[] | null): (ValueSlot | null)[] {
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
    let column = 0;
    anchors.forEach((a, i) => {
      if (x >= a.left - EDGE_SLACK) column = i;
    });
    placed[column]?.push(slot);
  }
  return placed.map((group, i) => {
    if (group.length === 0) {
      const a = anchors[i] as Anchor;
      const next = anchors[i + 1];
      const right = next ? next.left : a.x + (a.x - a.left);
      return { raw: "", box: [a.left, record.box[1], right, record.box[3]] as Box, page: record.page };
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

/** Points a value's centre may sit left of its header word's left edge (centred numbers under wide words). */
const EDGE_SLACK = 3;

function centreX(box: Box): number {
  return (box[0] + box[2]) / 2;
}

/**
 * Columns of an unruled table from its header, or — when the header words cannot be found — from the
 * alignment of its printed values: value tokens of the data rows clustered by x, taken as the columns
 * when there are exactly `count` clusters (each reaching halfway to its left neighbour).
 */
export function alignAnchors(
  header: readonly Anchor[] | null,
  rows: readonly RowRecord[],
  count: number,
): Anchor[] | null {
  if (header) return [...header];
  const xs = rows.filter((r) => !r.ruled).flatMap((r) => r.slots.map((s) => centreX(s.box)));
  if (xs.length === 0) return null;
  const span = (Math.max(...xs) - Math.min(...xs)) / Math.max(1, count - 1);
  const clusters = clusterCentres(xs, Math.max(4, span * 0.3));
  if (clusters.length !== count) return null;
  return clusters.map((c, i) => {
    const previous = clusters[i - 1];
    return { x: c.x, left: previous ? (previous.x + c.x) / 2 : Number.NEGATIVE_INFINITY };
  });
}

function clusterCentres(values: readonly number[], tolerance: number): { x: number; n: number }[] {
  const sorted = [...values].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const v of sorted) {
    const g = groups.at(-1);
    if (g && v - (g.at(-1) as number) <= tolerance) g.push(v);
    else groups.push([v]);
  }
  return groups.map((g) => ({ x: g.reduce((a, b) => a + b, 0) / g.length, n: g.length }));
}
