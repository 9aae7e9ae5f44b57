import { type Box, maxOf, minOf } from "../../model/geometry.js";
import type { TextItem } from "../../model/page-content.js";
import type { OfdColor, OfdPage, OfdTextMark } from "./ofd-marks.js";
import { commandsBox, hasCurve, straightRuns } from "./path-data.js";

type Point = [number, number];

/**
 * What the layout stage needs of an OFD page, in the form the PDF reader gives it: the text items of every
 * run, the straight runs of stroked paths and of filled paths (from which the layout stage takes the ruling
 * lines, as for a PDF), the boxes of the images the page paints, and how many filled paths hold curves (glyph
 * outlines: a page of those and no text is text converted to curves, read by OCR). Parts outside a clip are
 * left out: a clipped-off line is not seen on the page, so it rules nothing.
 */
export interface OfdPageGeometry {
  readonly items: TextItem[];
  readonly strokes: Point[][];
  readonly fills: Point[][];
  readonly images: Box[];
  readonly curvedFills: number;
}

export function pageGeometry(page: OfdPage): OfdPageGeometry {
  const items: TextItem[] = [];
  const strokes: Point[][] = [];
  const fills: Point[][] = [];
  const images: Box[] = [];
  let curvedFills = 0;
  /** Boxes painted so far in a colour other than white: what white text could stand on. */
  const grounds: Box[] = [];
  for (const mark of page.marks) {
    if (mark.kind === "text") {
      for (const item of mark.items) if (onPage(item, page) && seen(mark, item, grounds)) items.push(item);
    } else if (mark.kind === "image") {
      // An image whose part was refused or not found paints nothing.
      if (mark.part === null) continue;
      grounds.push(mark.box);
      const box = mark.clip ? intersect(mark.box, mark.clip) : mark.box;
      if (box) images.push(box);
    } else {
      if (mark.fill && hasCurve(mark.commands)) curvedFills += 1;
      if (mark.fill && !blank(mark.fill)) grounds.push(commandsBox(mark.commands));
      const runs = straightRuns(mark.commands);
      if (mark.stroke) for (const run of runs) for (const piece of clipRun(run, mark.clip)) strokes.push(piece);
      if (mark.fill) for (const run of runs) for (const piece of clipFill(run, mark.clip)) fills.push(piece);
    }
  }
  return { items, strokes, fills, images, curvedFills };
}

/** Whether a text item's centre is on the page (producers leave text below its bottom edge, where no one sees it). */
function onPage(item: TextItem, page: OfdPage): boolean {
  const x = (item.box[0] + item.box[2]) / 2;
  const y = (item.box[1] + item.box[3]) / 2;
  return x >= 0 && x <= page.width && y >= 0 && y <= page.height;
}

/**
 * Whether a person sees a text item: text filled white (or fully transparent) and not stroked is seen only on
 * something painted before it (producers leave white placeholder text over the words a form shows).
 */
function seen(mark: OfdTextMark, item: TextItem, grounds: readonly Box[]): boolean {
  if (mark.stroke && mark.stroke.a > 0) return true;
  if (mark.fill === null || !blank(mark.fill)) return mark.fill !== null;
  const x = (item.box[0] + item.box[2]) / 2;
  const y = (item.box[1] + item.box[3]) / 2;
  return grounds.some((g) => x >= g[0] && x <= g[2] && y >= g[1] && y <= g[3]);
}

/** White, near white or transparent: invisible on paper. */
function blank(color: OfdColor): boolean {
  return color.a === 0 || (color.r >= 250 && color.g >= 250 && color.b >= 250);
}

/** The pieces of a polyline inside the clip box (each segment clipped on its own, Liang–Barsky). */
function clipRun(run: Point[], clip: Box | null): Point[][] {
  if (clip === null) return [run];
  const out: Point[][] = [];
  for (let i = 1; i < run.length; i++) {
    const piece = clipSegment(run[i - 1] as Point, run[i] as Point, clip);
    if (piece) out.push(piece);
  }
  return out;
}

/** A filled shape cut to the clip by its box: only a rectangle can be a rule, and a cut rectangle stays one. */
function clipFill(run: Point[], clip: Box | null): Point[][] {
  if (clip === null) return [run];
  const xs = run.map((p) => p[0]);
  const ys = run.map((p) => p[1]);
  const box = intersect([minOf(xs), minOf(ys), maxOf(xs), maxOf(ys)], clip);
  if (box === null) return [];
  const inside = run.every((p) => p[0] >= clip[0] && p[0] <= clip[2] && p[1] >= clip[1] && p[1] <= clip[3]);
  if (inside) return [run];
  return [
    [
      [box[0], box[1]],
      [box[2], box[1]],
      [box[2], box[3]],
      [box[0], box[3]],
      [box[0], box[1]],
    ],
  ];
}

function clipSegment(a: Point, b: Point, clip: Box): Point[] | null {
  let t0 = 0;
  let t1 = 1;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const edges: [number, number][] = [
    [-dx, a[0] - clip[0]],
    [dx, clip[2] - a[0]],
    [-dy, a[1] - clip[1]],
    [dy, clip[3] - a[1]],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
    }
  }
  if (t0 > t1) return null;
  return [
    [a[0] + t0 * dx, a[1] + t0 * dy],
    [a[0] + t1 * dx, a[1] + t1 * dy],
  ];
}

function intersect(a: Box, b: Box): Box | null {
  const box: Box = [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
  return box[0] <= box[2] && box[1] <= box[3] ? box : null;
}
