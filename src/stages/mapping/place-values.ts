import { type Box, maxOf, minOf } from "../../model/geometry.js";
import type { Anchor } from "./find-anchors.js";
import { emptySlot, type RowRecord, type ValueSlot } from "./row-record.js";

/** How the numbers of a table sit in their cells; decides which header edge a value is measured against. */
export type Alignment = "left" | "centre" | "right";

/**
 * The record's value slots placed into `count` columns, or null where a value could not be placed.
 * Ruled rows with exactly `count` cells map by position. Otherwise printed values go to header columns by
 * the table's alignment: right-aligned numbers end inside their column's span (past its header word's left
 * edge, short of the next one's); left-aligned ones start before their header word ends; centred ones go to
 * the nearest centre. Values sharing a column are joined ("3 119"); a column with none is a printed blank.
 */
export function placeValues(
  record: RowRecord,
  count: number,
  anchors: readonly Anchor[] | null,
  alignment: Alignment = "centre",
): (ValueSlot | null)[] {
  const slots = record.slots;
  if (slots.length === 0 && !record.ruled && !anchors) {
    // An unruled row that printed nothing after its label: every column blank, placed after the label.
    const x0 = record.labelBox?.[2] ?? record.box[0];
    const box: Box = [x0, record.box[1], record.box[2], record.box[3]];
    return Array.from({ length: count }, () => emptySlot(record, box));
  }
  if (slots.length === count && (record.ruled || !anchors)) return [...slots];
  if (!anchors || anchors.length !== count) return Array.from({ length: count }, () => null);
  let placed: ValueSlot[][] = anchors.map(() => []);
  for (const slot of slots) {
    if (slot.raw.trim() === "") continue;
    placed[columnOf(slot.box, anchors, alignment)]?.push(slot);
  }
  // OCR numbers that fell two to a column and are not one grouped number ("3 119"): a value near a column's
  // edge crossed into its neighbour's. They keep their order and go one per column, nearest the header words.
  const collided = placed.some(
    (group) => group.filter((s) => s.ocr !== undefined).length > 1 && !GROUPED.test(group.map((s) => s.raw).join(" ")),
  );
  if (collided) placed = spreadInOrder(placed, anchors) ?? placed;
  // Two OCR readings in one column of a row: a value was placed into its neighbour's column, so every place of
  // the row is in doubt (the column it left reads empty).
  // Likewise an OCR grid row with fewer or more cells than the table has columns: some column rule was missed
  // or invented, and its values were placed by the header instead.
  const ocrRow = slots.some((s) => s.ocr !== undefined);
  // And an unruled OCR row with fewer values than columns that leaves empty a column whose header word was not
  // read but guessed: which column its values belong to, and which one it left empty, is a guess too.
  const printed = slots.filter((s) => s.raw.trim() !== "").length;
  const guessedPlaces =
    ocrRow && !record.ruled && printed < count && anchors.some((a, i) => a.guessed === true && placed[i]?.length === 0);
  const crowded = collided || (ocrRow && record.ruled && slots.length !== count) || guessedPlaces;
  const doubt = (slot: ValueSlot): ValueSlot =>
    crowded && (slot.ocr !== undefined || ocrRow) ? { ...slot, ocr: Math.min(slot.ocr ?? 1, CROWDED_OCR_ROW) } : slot;
  return placed.map((group, i) => doubt(placeGroup(group, i)));
  function placeGroup(group: ValueSlot[], i: number): ValueSlot {
    const anchor = anchors?.[i] as Anchor;
    if (group.length === 0) return emptySlot(record, blankBox(record, anchor));
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
    const joined: ValueSlot = { raw: group.map((s) => s.raw).join(" "), box, page: first.page };
    const ocr = group.some((s) => s.ocr !== undefined) ? Math.min(...group.map((s) => s.ocr ?? 1)) : undefined;
    return ocr === undefined ? joined : { ...joined, ocr };
  }
}

/** A number printed with its thousands apart ("3 119", "1 362 000"). */
const GROUPED = /^[1-9]\d{0,2}(?: \d{3})+$/;

/**
 * Values one per column, keeping their order, moved as few columns as possible from where the header put
 * them (`binned`, column by column); among equal moves, nearest their column's header word. Null when there
 * are more values than columns.
 */
function spreadInOrder(binned: readonly (readonly ValueSlot[])[], anchors: readonly Anchor[]): ValueSlot[][] | null {
  const values = binned.flatMap((group, c) => group.map((slot) => ({ slot, c })));
  const n = values.length;
  const m = anchors.length;
  if (n > m) return null;
  const cost = (v: number, c: number) => {
    const { slot, c: home } = values[v] as { slot: ValueSlot; c: number };
    const near = Math.abs((slot.box[0] + slot.box[2]) / 2 - (anchors[c] as Anchor).x);
    return Math.abs(c - home) + near / 1e4;
  };
  // best[v][c]: least cost of placing values 0..v-1 in columns 0..c-1.
  const best = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Number.POSITIVE_INFINITY));
  for (let c = 0; c <= m; c++) (best[0] as number[])[c] = 0;
  for (let v = 1; v <= n; v++) {
    for (let c = v; c <= m; c++) {
      const skip = (best[v] as number[])[c - 1] as number;
      const take = ((best[v - 1] as number[])[c - 1] as number) + cost(v - 1, c - 1);
      (best[v] as number[])[c] = Math.min(skip, take);
    }
  }
  const placed: ValueSlot[][] = anchors.map(() => []);
  for (let v = n, c = m; v > 0; c--) {
    if (c > v && ((best[v] as number[])[c] as number) === ((best[v] as number[])[c - 1] as number)) continue;
    (placed[c - 1] as ValueSlot[]).push((values[v - 1] as { slot: ValueSlot }).slot);
    v--;
  }
  return placed;
}

/** The most a place of an OCR row with two readings in one column can be trusted. */
const CROWDED_OCR_ROW = 0.5;

function columnOf(box: Box, anchors: readonly Anchor[], alignment: Alignment): number {
  if (alignment === "right") {
    let column = 0;
    anchors.forEach((a, i) => {
      if (box[2] > a.left) column = i;
    });
    return column;
  }
  if (alignment === "left") {
    const i = anchors.findIndex((a) => box[0] < a.right);
    return i < 0 ? anchors.length - 1 : i;
  }
  const x = (box[0] + box[2]) / 2;
  let best = 0;
  anchors.forEach((a, i) => {
    if (Math.abs(a.x - x) < Math.abs((anchors[best] as Anchor).x - x)) best = i;
  });
  return best;
}

/** Where a blank sits: the ruled cell under the header word, else the header word's span on this row. */
function blankBox(record: RowRecord, anchor: Anchor): Box {
  const cell = record.ruled ? record.slots.find((s) => s.box[0] <= anchor.x && anchor.x <= s.box[2]) : undefined;
  return cell ? cell.box : [anchor.left, record.box[1], anchor.right, record.box[3]];
}

/**
 * The alignment of a table's numbers, from how its printed values line up: values overlapping in x form
 * a column; within columns whose values differ in width, the edge (or centre) that varies least is the
 * one the author aligned. Returns null without evidence (every value the same width).
 */
export function detectAlignment(rows: readonly RowRecord[]): Alignment | null {
  const boxes = rows.flatMap((r) => r.slots.filter((s) => s.raw.trim() !== "").map((s) => s.box));
  const sorted = [...boxes].sort((a, b) => a[0] - b[0]);
  const columns: Box[][] = [];
  let reach = Number.NEGATIVE_INFINITY;
  for (const box of sorted) {
    const column = columns.at(-1);
    if (column && box[0] <= reach) {
      column.push(box);
      reach = Math.max(reach, box[2]);
    } else {
      columns.push([box]);
      reach = box[2];
    }
  }
  const votes: Record<Alignment, number> = { left: 0, centre: 0, right: 0 };
  for (const column of columns) {
    const widths = column.map((b) => b[2] - b[0]);
    if (column.length < 2 || maxOf(widths) - minOf(widths) < 2) continue;
    const spread = (values: number[]) => maxOf(values) - minOf(values);
    const s: Record<Alignment, number> = {
      left: spread(column.map((b) => b[0])),
      centre: spread(column.map((b) => (b[0] + b[2]) / 2)),
      right: spread(column.map((b) => b[2])),
    };
    const best = (Object.keys(s) as Alignment[]).reduce((a, b) => (s[b] < s[a] ? b : a));
    votes[best] += 1;
  }
  const total = votes.left + votes.centre + votes.right;
  if (total === 0) return null;
  return (Object.keys(votes) as Alignment[]).reduce((a, b) => (votes[b] > votes[a] ? b : a));
}
