import type { RuleSegment } from "../../model/page-content.js";
import type { BinaryImage, GrayImage } from "./raster.js";

/** Shortest horizontal rule (points): longer than any run of touching glyph strokes in a line of text. */
const MIN_H_RULE = 30;
/** Shortest vertical rule (points): a table row's height, less than a cell border in any real table. */
const MIN_V_RULE = 9;
/**
 * Thickest line taken for a rule (points); thicker dark areas are filled shapes or stamps. A 1.5 pt border
 * printed bold (ink spread) and thresholded with its blur comes out at 3.4 pt.
 */
const MAX_THICKNESS = 4.5;
/** A vertical rule must start and end within this distance (points) of a horizontal rule: glyph strokes, which keep the cell padding (≥ 3 pt) off the rules, do not. */
const END_REACH = 2;
/**
 * A vertical run at least this long (points) that crosses two horizontal rules is a rule even with a free
 * end: a table continued from the previous page often has no top border. No glyph stroke is this long.
 */
const LONG_V_RULE = 40;

interface Run {
  /** Position across the line (y for horizontal) where the band starts and ends. */
  a0: number;
  a1: number;
  /** Extent along the line. */
  from: number;
  to: number;
}

/**
 * Table rules of a binarised page: long runs of ink along rows (horizontal) and columns (vertical),
 * bridging gaps of a few pixels (speckle, JPEG, worn print), stacked into bands as thick as the line.
 * Positions are in points (pixels / `scale`). Vertical runs that do not end on horizontal rules are glyph
 * strokes and are dropped.
 */
export function detectRules(binary: BinaryImage, scale: number): RuleSegment[] {
  const gap = Math.max(2, Math.round(scale * 1.2));
  const hs = findBands(binary, "h", Math.round(MIN_H_RULE * scale), gap, MAX_THICKNESS * scale);
  const vs = findBands(binary, "v", Math.round(MIN_V_RULE * scale), gap, MAX_THICKNESS * scale);
  const toSegment = (run: Run, orientation: "h" | "v"): RuleSegment => ({
    orientation,
    at: (run.a0 + run.a1 + 1) / 2 / scale,
    from: run.from / scale,
    to: (run.to + 1) / scale,
  });
  const horizontal = hs.map((r) => toSegment(r, "h"));
  const reach = END_REACH;
  const onRule = (x: number, y: number) =>
    horizontal.some((h) => Math.abs(h.at - y) <= reach && x >= h.from - reach && x <= h.to + reach);
  const crossings = (v: RuleSegment) =>
    horizontal.filter(
      (h) => h.at >= v.from - reach && h.at <= v.to + reach && v.at >= h.from - reach && v.at <= h.to + reach,
    ).length;
  const vertical = chainPieces(vs.map((r) => toSegment(r, "v"))).filter(
    (v) =>
      (onRule(v.at, v.from) && onRule(v.at, v.to)) ||
      (v.to - v.from >= LONG_V_RULE && (onRule(v.at, v.from) || onRule(v.at, v.to)) && crossings(v) >= 2),
  );
  return [...horizontal, ...vertical];
}

/**
 * Pieces of one slanted rule joined end to end: a rule bent by perspective is found as short runs, each a
 * pixel or two across from the last. A piece continues a chain when it starts within 2 pt of the chain's end
 * and no more than 1.5 pt across from it; the joined rule stands at the pieces' mean position.
 */
function chainPieces(pieces: readonly RuleSegment[]): RuleSegment[] {
  const chains: RuleSegment[][] = [];
  for (const piece of [...pieces].sort((a, b) => a.from - b.from)) {
    const chain = chains.find((c) => {
      const end = c[c.length - 1] as RuleSegment;
      return Math.abs(end.at - piece.at) <= 1.5 && piece.from <= end.to + 2 && piece.to > end.to;
    });
    if (chain) chain.push(piece);
    else chains.push([piece]);
  }
  return chains.map((c) => ({
    orientation: (c[0] as RuleSegment).orientation,
    at: c.reduce((s, p) => s + p.at * (p.to - p.from), 0) / c.reduce((s, p) => s + (p.to - p.from), 0),
    from: Math.min(...c.map((p) => p.from)),
    to: Math.max(...c.map((p) => p.to)),
  }));
}

function findBands(
  binary: BinaryImage,
  orientation: "h" | "v",
  minLength: number,
  gap: number,
  maxThick: number,
): Run[] {
  // Columns are scanned as the rows of the transposed page: reading a page down its columns jumps a row's
  // width in memory at every pixel.
  const { width: along, height: lines, data } = orientation === "h" ? binary : transpose(binary);
  // A pixel counts as on the line when it or its neighbour across the line is ink: a thin rule turned by a
  // fraction of a degree (or stair-stepped by thresholding) wanders between two pixel rows/columns.
  const at = (a: number, l: number) => data[a * along + l] || (a + 1 < lines ? data[(a + 1) * along + l] : 0);
  let open: Run[] = [];
  const done: Run[] = [];
  for (let a = 0; a < lines; a++) {
    const runs: Run[] = [];
    let start = -1;
    let last = -1;
    let ink = 0;
    for (let l = 0; l <= along; l++) {
      const on = l < along && at(a, l) === 1;
      if (on) {
        if (start < 0) {
          start = l;
          ink = 0;
        } else if (l - last > gap) {
          if (last - start + 1 >= minLength && ink >= (last - start + 1) * 0.85)
            runs.push({ a0: a, a1: a, from: start, to: last });
          start = l;
          ink = 0;
        }
        last = l;
        ink++;
      } else if (start >= 0 && (l === along || l - last > gap)) {
        if (last - start + 1 >= minLength && ink >= (last - start + 1) * 0.85)
          runs.push({ a0: a, a1: a, from: start, to: last });
        start = -1;
      }
    }
    // Stack runs of this line onto bands of the previous line that they overlap.
    const next: Run[] = [];
    for (const run of runs) {
      const band = open.find(
        (b) =>
          b.a1 === a - 1 &&
          Math.min(b.to, run.to) - Math.max(b.from, run.from) > 0.5 * Math.min(b.to - b.from, run.to - run.from),
      );
      if (band) {
        band.a1 = a;
        band.from = Math.min(band.from, run.from);
        band.to = Math.max(band.to, run.to);
        if (!next.includes(band)) next.push(band);
      } else next.push(run);
    }
    for (const band of open) if (!next.includes(band)) done.push(band);
    open = next;
  }
  done.push(...open);
  return done.filter((b) => b.a1 - b.a0 + 1 <= maxThick && clearAlongside(binary, orientation, b));
}

/** The image turned about its main diagonal: its columns as rows. */
function transpose(image: BinaryImage): BinaryImage {
  const { width, height, data } = image;
  const out = new Uint8Array(width * height);
  const tile = 64;
  for (let y0 = 0; y0 < height; y0 += tile) {
    for (let x0 = 0; x0 < width; x0 += tile) {
      const y1 = Math.min(height, y0 + tile);
      const x1 = Math.min(width, x0 + tile);
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) out[x * height + y] = data[y * width + x] as number;
    }
  }
  return { width: height, height: width, data: out };
}

/**
 * Whether paper lies along at least one side of a band: a rule has its cells' padding beside it, while a run of
 * fused glyph strokes through a line of bold text (a low-resolution scan) has the glyphs' bodies on both sides.
 */
function clearAlongside(binary: BinaryImage, orientation: "h" | "v", band: Run): boolean {
  const { width, height, data } = binary;
  const inkShare = (a: number): number => {
    if (a < 0 || a >= (orientation === "h" ? height : width)) return 0;
    let ink = 0;
    for (let l = band.from; l <= band.to; l++)
      ink += (orientation === "h" ? data[a * width + l] : data[l * width + a]) === 1 ? 1 : 0;
    return ink / (band.to - band.from + 1);
  };
  const before = Math.max(inkShare(band.a0 - 2), inkShare(band.a0 - 3));
  const after = Math.max(inkShare(band.a1 + 2), inkShare(band.a1 + 3));
  return Math.min(before, after) < 0.5;
}

/**
 * A copy of `gray` with the strokes of `segments` painted paper-white: at every position along a rule, the run
 * of ink (in `binary`) that crosses the rule's centre line, up to the thickest rule, and one pixel of its gray
 * fringe. Text that touches a rule keeps its own strokes (only the pixels in line with the rule go); a border
 * left beside a number would be read as a "1".
 */
export function eraseRules(
  gray: GrayImage,
  binary: BinaryImage,
  segments: readonly RuleSegment[],
  scale: number,
): GrayImage {
  const { width, height } = gray;
  const data = new Uint8Array(gray.data);
  const reach = Math.ceil((MAX_THICKNESS * scale) / 2) + 1;
  const ink = (x: number, y: number) => x >= 0 && y >= 0 && x < width && y < height && binary.data[y * width + x] === 1;
  for (const s of segments) {
    const centre = Math.round(s.at * scale);
    const from = Math.max(0, Math.floor(s.from * scale) - 1);
    const to = Math.min((s.orientation === "h" ? width : height) - 1, Math.ceil(s.to * scale) + 1);
    for (let l = from; l <= to; l++) {
      // The stroke's extent across the line at this position: the ink run through the centre (±1 pixel).
      let start = Number.NaN;
      for (const d of [0, -1, 1, -2, 2]) {
        const [x, y] = s.orientation === "h" ? [l, centre + d] : [centre + d, l];
        if (ink(x, y)) {
          start = centre + d;
          break;
        }
      }
      if (Number.isNaN(start)) continue;
      let a0 = start;
      let a1 = start;
      const on = (a: number) => (s.orientation === "h" ? ink(l, a) : ink(a, l));
      while (a0 - 1 >= centre - reach && on(a0 - 1)) a0--;
      while (a1 + 1 <= centre + reach && on(a1 + 1)) a1++;
      for (let a = a0 - 1; a <= a1 + 1; a++) {
        const [x, y] = s.orientation === "h" ? [l, a] : [a, l];
        if (x >= 0 && y >= 0 && x < width && y < height) data[y * width + x] = 255;
      }
    }
  }
  return { width, height, data };
}
