import { type Box, maxOf, minOf } from "../../model/geometry.js";
import { applyMatrix, composeMatrix, type Matrix } from "../../model/matrix.js";
import type { TextItem } from "../../model/page-content.js";
import type { OfdColor, OfdImageMark, OfdPathMark, OfdTextMark } from "./ofd-marks.js";
import { parsePathData, transformPath } from "./path-data.js";
import { type DrawParam, type OfdResources, readBoundary, readColor } from "./resources.js";
import { layoutGlyphs, type ObjectGlyph } from "./text-glyphs.js";
import { boolAttr, childOf, numberAttr, numberList, type XmlElement } from "./xml.js";

/** What an object inherits from where it is drawn: the matrix to page points, draw parameters and clip. */
export interface DrawContext {
  /** Maps the current container's coordinates (millimetres; the page's, a composite unit's) to page points. */
  readonly matrix: Matrix;
  readonly drawParam: DrawParam;
  readonly clip: Box | null;
  readonly resources: OfdResources;
}

/** LineWidth when neither the object nor a DrawParam gives one (GB/T 33190 §8.5, table 33): 0.353 mm. */
const DEFAULT_LINE_WIDTH = 0.353;
const BLACK: OfdColor = { r: 0, g: 0, b: 0, a: 1 };
/** Glyph box above and below the baseline in ems, as the PDF reader boxes text runs (text-layer stage). */
const ASCENT = 0.88;
const DESCENT = 0.12;
/** A gap wider than this (ems) between one glyph's estimated end and the next starts a new run. */
const RUN_GAP = 1 / 3;
/** Whitespace characters wider than this (ems, two spaces or more) between two glyphs start a new run. */
const SPACE_GAP = 0.8;
/** Baselines further apart than this (ems) are different lines. */
const BASELINE_SHIFT = 0.2;

/**
 * The matrix of a graphic unit's own coordinates (§8.5): its Boundary's top-left is the origin of the space
 * its CTM maps the object into, inside the container.
 */
export function unitMatrix(element: XmlElement, context: DrawContext): Matrix {
  const [x, y] = readBoundary(element.attrs.Boundary) ?? [0, 0];
  const ctm = numberList(element.attrs.CTM);
  const own: Matrix = ctm.length >= 6 ? (ctm.slice(0, 6) as Matrix) : [1, 0, 0, 1, 0, 0];
  return composeMatrix(composeMatrix(context.matrix, [1, 0, 0, 1, x, y]), own);
}

/** A TextObject (§11.2) as a mark: its glyphs on the page and its runs as text items. */
export function textMark(element: XmlElement, context: DrawContext, clip: Box | null): OfdTextMark | null {
  const m = unitMatrix(element, context);
  const size = numberAttr(element, "Size", 0);
  if (!(size > 0)) return null;
  const hScale = numberAttr(element, "HScale", 1) || 1;
  const glyphs = layoutGlyphs(element, size, hScale);
  if (glyphs.length === 0) return null;
  const fontName = context.resources.fonts.get(element.attrs.Font ?? "") ?? "";
  const params = resolveDrawParam(element, context);
  const spaces = context.resources.colorSpaces;
  const fill = boolAttr(element, "Fill", true)
    ? (readColor(childOf(element, "FillColor"), spaces) ?? params.fill ?? BLACK)
    : null;
  const stroke = boolAttr(element, "Stroke", false)
    ? (readColor(childOf(element, "StrokeColor"), spaces) ?? params.stroke ?? BLACK)
    : null;
  const pointSize = size * Math.hypot(m[2], m[3]);
  const angle = (Math.atan2(m[1], m[0]) * 180) / Math.PI;
  const offAxis = Math.abs(((angle % 90) + 90) % 90);
  const axisAligned = Math.min(offAxis, 90 - offAxis) <= 3;
  const onPage = glyphs.map((g) => ({ char: g.char, ...point(applyMatrix(m, [g.x, g.y])) }));
  const visible = visibleArea(element, context, pointSize, clip);
  const across = Math.hypot(m[2], m[3]) || 1;
  return {
    kind: "text",
    items: axisAligned ? runItems(glyphs, m, size, pointSize, fontName, visible) : [],
    glyphs: onPage,
    glyphMatrix: [(m[0] * hScale) / across, (m[1] * hScale) / across, m[2] / across, m[3] / across],
    size: pointSize,
    fontName,
    fill,
    stroke,
    axisAligned,
    clip: visible,
  };
}

/** A PathObject (§9.1) as a mark: its commands on the page, its stroke and fill. */
export function pathMark(element: XmlElement, context: DrawContext, clip: Box | null): OfdPathMark | null {
  const data = childOf(element, "AbbreviatedData")?.text ?? "";
  const m = unitMatrix(element, context);
  const commands = transformPath(parsePathData(data), m);
  if (commands.length === 0) return null;
  const params = resolveDrawParam(element, context);
  const spaces = context.resources.colorSpaces;
  const stroke = boolAttr(element, "Stroke", true)
    ? (readColor(childOf(element, "StrokeColor"), spaces) ?? params.stroke ?? BLACK)
    : null;
  // A path's fill is transparent unless a colour is given (GB/T 33190 table 35), a text's black (table 60).
  const fill = boolAttr(element, "Fill", false)
    ? (readColor(childOf(element, "FillColor"), spaces) ?? params.fill ?? null)
    : null;
  const width = numberAttr(element, "LineWidth", params.lineWidth ?? DEFAULT_LINE_WIDTH);
  return {
    kind: "path",
    commands,
    stroke,
    fill,
    lineWidth: width * Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2])),
    evenOdd: (element.attrs.Rule ?? "").toLowerCase().startsWith("even"),
    clip,
  };
}

/** An ImageObject (§10.2): the unit square its matrix maps onto the page, and its image part. */
export function imageMark(element: XmlElement, context: DrawContext, clip: Box | null): OfdImageMark {
  const m = unitMatrix(element, context);
  const media = context.resources.media.get(element.attrs.ResourceID ?? "");
  return {
    kind: "image",
    part: media?.part ?? null,
    matrix: m,
    box: boxOf(
      [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ],
      m,
    ),
    clip,
  };
}

/** The draw parameters of an object: its own DrawParam (with its Relative chain) over the inherited ones. */
export function resolveDrawParam(element: XmlElement, context: DrawContext): DrawParam {
  const id = element.attrs.DrawParam;
  if (id === undefined) return context.drawParam;
  return { ...context.drawParam, ...chainDrawParam(id, context.resources) };
}

/** A DrawParam resource with the parameters of its `Relative` chain filled in (a cycle ends the chain). */
export function chainDrawParam(id: string, resources: OfdResources): DrawParam {
  const seen = new Set<string>();
  const chain: DrawParam[] = [];
  let next: string | undefined = id;
  while (next !== undefined && !seen.has(next)) {
    seen.add(next);
    const param = resources.drawParams.get(next);
    if (!param) break;
    chain.unshift(param);
    next = param.relative;
  }
  return Object.assign({}, ...chain) as DrawParam;
}

/**
 * Where a text object's glyphs can be seen: inside its clip and inside its Boundary (§8.5: what a graphic unit
 * draws outside its Boundary is cut off; a hidden text layer is written with a Boundary of zero height). The
 * Boundary is widened by half an em, as producers write it tight around the glyphs' own boxes.
 */
function visibleArea(element: XmlElement, context: DrawContext, pointSize: number, clip: Box | null): Box | null {
  const boundary = readBoundary(element.attrs.Boundary);
  if (boundary === null) return clip;
  const [x, y, w, h] = boundary;
  const box = boxOf(
    [
      [x, y],
      [x + w, y + h],
    ],
    context.matrix,
  );
  const slack = pointSize / 2;
  const widened: Box = [box[0] - slack, box[1] - slack, box[2] + slack, box[3] + slack];
  if (clip === null) return widened;
  return [
    Math.max(clip[0], widened[0]),
    Math.max(clip[1], widened[1]),
    Math.min(clip[2], widened[2]),
    Math.min(clip[3], widened[3]),
  ];
}

/**
 * Runs of glyphs as text items: a run ends where the next glyph leaves the baseline, steps back, or starts
 * more than ⅓ em after the estimated end of the glyph before (the width at which the layout stage puts a space
 * between runs), or after more than 0.8 em of space characters. Boxes span ascent to descent of each glyph, mapped to the page; whitespace at a run's ends
 * is dropped. A glyph whose centre is outside the visible area is not seen and not read.
 */
function runItems(
  glyphs: readonly ObjectGlyph[],
  m: Matrix,
  size: number,
  pointSize: number,
  fontName: string,
  clip: Box | null,
): TextItem[] {
  const items: TextItem[] = [];
  let run: { chars: string[]; boxes: Box[] } = { chars: [], boxes: [] };
  /** The last glyph of the run that is not whitespace. */
  let ink: ObjectGlyph | null = null;
  const flush = () => {
    const first = run.chars.findIndex((c) => c.trim() !== "");
    const last = run.chars.findLastIndex((c) => c.trim() !== "");
    if (first >= 0) {
      const text = run.chars.slice(first, last + 1).join("");
      items.push({ text, box: unionOf(run.boxes.slice(first, last + 1)), fontSize: pointSize, fontName });
    }
    run = { chars: [], boxes: [] };
    ink = null;
  };
  glyphs.forEach((glyph, i) => {
    const previous = glyphs[i - 1];
    const blank = glyph.char.trim() === "";
    if (previous) {
      const gap = glyph.x - (previous.x + previous.advance);
      const shifted = Math.abs(glyph.y - previous.y) > BASELINE_SHIFT * size;
      // Spaces written as characters set words apart as a gap does: "共  4            1" holds two words.
      const spaced = !blank && ink !== null && glyph.x - (ink.x + ink.advance) > SPACE_GAP * size;
      if (shifted || spaced || gap > RUN_GAP * size || glyph.x < previous.x - RUN_GAP * size) flush();
    }
    const box = boxOf(
      [
        [glyph.x, glyph.y - ASCENT * size],
        [glyph.x + glyph.advance, glyph.y - ASCENT * size],
        [glyph.x, glyph.y + DESCENT * size],
        [glyph.x + glyph.advance, glyph.y + DESCENT * size],
      ],
      m,
    );
    if (clip && !insideClip(box, clip)) {
      flush();
      return;
    }
    run.chars.push(glyph.char);
    run.boxes.push(box);
    if (!blank) ink = glyph;
  });
  flush();
  return items;
}

function insideClip(box: Box, clip: Box): boolean {
  const x = (box[0] + box[2]) / 2;
  const y = (box[1] + box[3]) / 2;
  return x >= clip[0] && x <= clip[2] && y >= clip[1] && y <= clip[3];
}

/** The bounding box of points mapped by `m`. */
export function boxOf(points: readonly (readonly [number, number])[], m: Matrix): Box {
  const mapped = points.map((p) => applyMatrix(m, p));
  const xs = mapped.map((p) => p[0]);
  const ys = mapped.map((p) => p[1]);
  return [minOf(xs), minOf(ys), maxOf(xs), maxOf(ys)];
}

function unionOf(boxes: readonly Box[]): Box {
  return boxes.reduce((a, b) => [
    Math.min(a[0], b[0]),
    Math.min(a[1], b[1]),
    Math.max(a[2], b[2]),
    Math.max(a[3], b[3]),
  ]);
}

function point(p: [number, number]): { x: number; y: number } {
  return { x: p[0], y: p[1] };
}
