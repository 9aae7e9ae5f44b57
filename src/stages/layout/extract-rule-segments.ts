import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Box } from "../../model/geometry.js";
import { applyMatrix, composeMatrix, type Matrix } from "../../model/matrix.js";
import type { RuleSegment } from "../../model/page-content.js";
import type { PdfPage } from "../../model/pdf.js";

type Point = [number, number];

/** pdf.js path-data opcodes inside constructPath (pdf.js `DrawOPS`). */
const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;
const STROKE_OPS = new Set<number>([
  OPS.stroke,
  OPS.closeStroke,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
]);
const IMAGE_OPS = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageXObjectRepeat,
]);
const FILL_OPS = new Set<number>([OPS.fill, OPS.eoFill]);
const SHOW_TEXT_OPS = new Set<number>([
  OPS.showText,
  OPS.showSpacedText,
  OPS.nextLineShowText,
  OPS.nextLineSetSpacingShowText,
]);
/** Text rendering modes that paint nothing (3: neither fill nor stroke; 7: clip only). */
const INVISIBLE_TEXT_MODES = new Set<number>([3, 7]);
/** A filled rectangle thinner than this (points) is a drawn rule, as Word and WPS draw borders. */
const MAX_RULE_THICKNESS = 3;
/** Tolerance (points) for calling a segment horizontal or vertical. */
const AXIS_TOLERANCE = 0.8;

/** What a page's operator list draws, beside its text: see `extractRuleSegments`. */
export interface PageOperators {
  readonly segments: RuleSegment[];
  readonly images: Box[];
  readonly curvedFills: number;
  /** Text-showing operators, and how many of them paint nothing (rendering mode 3 or 7: a scan's hidden OCR layer). */
  readonly textShows: { readonly all: number; readonly invisible: number };
}

/**
 * Horizontal and vertical ruling lines of a page from its operator list, in top-left page coordinates
 * of the view `rotation` (the one its text was read in),
 * the boxes of the images it paints and the number of filled shapes with curves (glyph outlines): a page with no text that
 * paints an image or text converted to outlines needs OCR; a blank page does not. Also counts the text it shows
 * invisibly: a page image under an invisible text layer is a searchable scan, its text another tool's OCR.
 * Tracks the current transformation matrix and text rendering mode through save/restore, `cm` and form XObjects.
 */
export async function extractRuleSegments(page: PdfPage, rotation: number = page.rotate): Promise<PageOperators> {
  const viewport = page.getViewport({ scale: 1, rotation });
  const list = await page.getOperatorList();
  const stack: Matrix[] = [];
  const modes: number[] = [];
  let ctm: Matrix = viewport.transform as Matrix;
  let mode = 0;
  const segments: RuleSegment[] = [];
  const images: Box[] = [];
  let curvedFills = 0;
  const textShows = { all: 0, invisible: 0 };
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[] | null;
    // An image fills the unit square of its CTM.
    if (fn !== undefined && IMAGE_OPS.has(fn)) images.push(unitSquareBox(ctm));
    if (fn !== undefined && SHOW_TEXT_OPS.has(fn)) {
      textShows.all += 1;
      if (INVISIBLE_TEXT_MODES.has(mode)) textShows.invisible += 1;
    }
    if (fn === OPS.save) {
      stack.push(ctm);
      modes.push(mode);
    } else if (fn === OPS.restore) {
      ctm = stack.pop() ?? ctm;
      mode = modes.pop() ?? mode;
    } else if (fn === OPS.setTextRenderingMode && args) mode = Number(args[0]);
    else if (fn === OPS.transform && args) ctm = composeMatrix(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin && args) {
      stack.push(ctm);
      modes.push(mode);
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0]))
        ctm = composeMatrix(ctm, Array.from(args[0] as ArrayLike<number>) as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) {
      ctm = stack.pop() ?? ctm;
      mode = modes.pop() ?? mode;
    } else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      const data = (args[1] as ArrayLike<ArrayLike<number> | null>)[0];
      if (!data) continue;
      const stroke = STROKE_OPS.has(paint);
      if (!stroke && !FILL_OPS.has(paint)) continue;
      if (!stroke && hasCurve(data)) curvedFills += 1;
      for (const subpath of readSubpaths(data)) {
        const points = subpath.map((p) => applyMatrix(ctm, p));
        if (stroke) for (const segment of strokeSegments(points)) segments.push(segment);
        else {
          const rule = thinRectangleRule(points);
          if (rule) segments.push(rule);
        }
      }
    }
  }
  return { segments, images, curvedFills, textShows };
}

/**
 * Ruling lines from paths already read into straight runs of points in top-left page coordinates (an OFD page):
 * the same tests as for a PDF's paths. A stroked run gives its horizontal and vertical pieces; a filled run
 * gives a rule when it is a thin rectangle (borders drawn as filled bars).
 */
export function ruleSegmentsOfRuns(strokes: readonly Point[][], fills: readonly Point[][]): RuleSegment[] {
  const segments: RuleSegment[] = [];
  for (const run of strokes) for (const segment of strokeSegments(run)) segments.push(segment);
  for (const run of fills) {
    const rule = thinRectangleRule(run);
    if (rule) segments.push(rule);
  }
  return segments;
}

function readSubpaths(data: ArrayLike<number>): Point[][] {
  const subpaths: Point[][] = [];
  let current: Point[] = [];
  let i = 0;
  while (i < data.length) {
    const op = data[i++];
    if (op === DRAW.moveTo) {
      if (current.length > 1) subpaths.push(current);
      current = [[data[i++] ?? 0, data[i++] ?? 0]];
    } else if (op === DRAW.lineTo) current.push([data[i++] ?? 0, data[i++] ?? 0]);
    else if (op === DRAW.curveTo) {
      i += 4;
      current.push([data[i++] ?? 0, data[i++] ?? 0]);
      current = breakCurve(current, subpaths);
    } else if (op === DRAW.quadraticCurveTo) {
      i += 2;
      current.push([data[i++] ?? 0, data[i++] ?? 0]);
      current = breakCurve(current, subpaths);
    } else if (op === DRAW.closePath) {
      const first = current[0];
      if (first && current.length > 1) current.push([first[0], first[1]]);
    } else break;
  }
  if (current.length > 1) subpaths.push(current);
  return subpaths;
}

/** A curve is never a rule: keep what came before it and restart at its end point. */
function unitSquareBox(m: Matrix): Box {
  const corners = [applyMatrix(m, [0, 0]), applyMatrix(m, [1, 0]), applyMatrix(m, [0, 1]), applyMatrix(m, [1, 1])];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function hasCurve(data: ArrayLike<number>): boolean {
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === DRAW.curveTo || op === DRAW.quadraticCurveTo) return true;
    i += op === DRAW.moveTo || op === DRAW.lineTo ? 2 : op === DRAW.closePath ? 0 : data.length;
  }
  return false;
}

function breakCurve(current: Point[], subpaths: Point[][]): Point[] {
  const end = current.pop() as Point;
  if (current.length > 2) subpaths.push(current.slice(0, -1));
  return [end];
}

function strokeSegments(points: readonly Point[]): RuleSegment[] {
  const out: RuleSegment[] = [];
  for (let k = 1; k < points.length; k++) {
    const a = points[k - 1] as Point;
    const b = points[k] as Point;
    const segment = axisSegment(a, b);
    if (segment) out.push(segment);
  }
  return out;
}

function axisSegment(a: Point, b: Point): RuleSegment | null {
  const dx = Math.abs(a[0] - b[0]);
  const dy = Math.abs(a[1] - b[1]);
  if (dy <= AXIS_TOLERANCE && dx > AXIS_TOLERANCE) {
    return { orientation: "h", at: (a[1] + b[1]) / 2, from: Math.min(a[0], b[0]), to: Math.max(a[0], b[0]) };
  }
  if (dx <= AXIS_TOLERANCE && dy > AXIS_TOLERANCE) {
    return { orientation: "v", at: (a[0] + b[0]) / 2, from: Math.min(a[1], b[1]), to: Math.max(a[1], b[1]) };
  }
  return null;
}

function thinRectangleRule(points: readonly Point[]): RuleSegment | null {
  if (points.length < 4 || points.length > 5) return null;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  const axisAligned =
    points.every((p) => near(p[0], x0) || near(p[0], x1)) && points.every((p) => near(p[1], y0) || near(p[1], y1));
  if (!axisAligned) return null;
  const w = x1 - x0;
  const h = y1 - y0;
  if (h <= MAX_RULE_THICKNESS && w > h * 3) return { orientation: "h", at: (y0 + y1) / 2, from: x0, to: x1 };
  if (w <= MAX_RULE_THICKNESS && h > w * 3) return { orientation: "v", at: (x0 + x1) / 2, from: y0, to: y1 };
  return null;
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= AXIS_TOLERANCE;
}
