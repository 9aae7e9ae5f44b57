import { applyMatrix, type Matrix } from "../../model/matrix.js";
import type { PathCommand } from "./ofd-marks.js";

type Point = readonly [number, number];

/** Path commands one PathObject may hold: a dense glyph outline has a few thousand. */
const MAX_COMMANDS = 200_000;

/**
 * Parses AbbreviatedData (GB/T 33190 §9.3.2, table 36) into commands in the object's own coordinates:
 * `S`/`M` x y start a subpath, `L` x y a line, `Q` x1 y1 x y a quadratic and `B` x1 y1 x2 y2 x y a cubic
 * Bézier curve, `A` rx ry angle large sweep x y an elliptical arc (turned into cubics here, as SVG defines
 * it), `C` closes the subpath. A command short of numbers ends the data; an unknown letter is skipped.
 */
export function parsePathData(data: string): PathCommand[] {
  const tokens = data.trim().split(/[\s,]+/);
  const commands: PathCommand[] = [];
  let current: Point = [0, 0];
  let start: Point = [0, 0];
  let i = 0;
  const take = (n: number): number[] | null => {
    const values = tokens.slice(i, i + n).map(Number);
    if (values.length < n || values.some((v) => !Number.isFinite(v))) return null;
    i += n;
    return values;
  };
  while (i < tokens.length && commands.length < MAX_COMMANDS) {
    const op = tokens[i++];
    if (op === "S" || op === "M" || op === "L") {
      const v = take(2);
      if (!v) break;
      current = [v[0] as number, v[1] as number];
      if (op !== "L") start = current;
      commands.push({ op: op === "L" ? "L" : "M", to: current });
    } else if (op === "Q") {
      const v = take(4);
      if (!v) break;
      current = [v[2] as number, v[3] as number];
      commands.push({ op: "Q", c1: [v[0] as number, v[1] as number], to: current });
    } else if (op === "B") {
      const v = take(6);
      if (!v) break;
      current = [v[4] as number, v[5] as number];
      commands.push({
        op: "B",
        c1: [v[0] as number, v[1] as number],
        c2: [v[2] as number, v[3] as number],
        to: current,
      });
    } else if (op === "A") {
      const v = take(7);
      if (!v) break;
      const to: Point = [v[5] as number, v[6] as number];
      commands.push(
        ...arcToCubics(current, v[0] as number, v[1] as number, v[2] as number, v[3] !== 0, v[4] !== 0, to),
      );
      current = to;
    } else if (op === "C") {
      commands.push({ op: "C" });
      current = start;
    }
  }
  return commands;
}

/** The commands with every point mapped by `m`. */
export function transformPath(commands: readonly PathCommand[], m: Matrix): PathCommand[] {
  return commands.map((c): PathCommand => {
    if (c.op === "C") return c;
    if (c.op === "Q") return { op: "Q", c1: applyMatrix(m, c.c1), to: applyMatrix(m, c.to) };
    if (c.op === "B") return { op: "B", c1: applyMatrix(m, c.c1), c2: applyMatrix(m, c.c2), to: applyMatrix(m, c.to) };
    return { op: c.op, to: applyMatrix(m, c.to) };
  });
}

/**
 * The straight runs of a path as point lists, the way the PDF reader splits its paths: a curve is never a
 * rule, so it ends the run before it and the next run starts at its end point; a close adds the start point.
 */
export function straightRuns(commands: readonly PathCommand[]): [number, number][][] {
  const runs: [number, number][][] = [];
  let current: [number, number][] = [];
  let start: [number, number] | null = null;
  const flush = () => {
    if (current.length > 1) runs.push(current);
  };
  for (const c of commands) {
    if (c.op === "M") {
      flush();
      current = [[c.to[0], c.to[1]]];
      start = [c.to[0], c.to[1]];
    } else if (c.op === "L") current.push([c.to[0], c.to[1]]);
    else if (c.op === "C") {
      if (start && current.length > 0) current.push([start[0], start[1]]);
    } else {
      flush();
      current = [[c.to[0], c.to[1]]];
    }
  }
  flush();
  return runs;
}

/** The bounding box of a path's points (control points included: a box that holds the curve). */
export function commandsBox(commands: readonly PathCommand[]): [number, number, number, number] {
  let box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const add = (p: readonly [number, number]) => {
    box = [Math.min(box[0], p[0]), Math.min(box[1], p[1]), Math.max(box[2], p[0]), Math.max(box[3], p[1])];
  };
  for (const c of commands) {
    if (c.op === "C") continue;
    add(c.to);
    if (c.op === "Q" || c.op === "B") add(c.c1);
    if (c.op === "B") add(c.c2);
  }
  return box;
}

/** Whether the path holds a curve (a filled one is a glyph outline or a seal, never a rule). */
export function hasCurve(commands: readonly PathCommand[]): boolean {
  return commands.some((c) => c.op === "Q" || c.op === "B");
}

/** SVG 1.1 F.6.5: an endpoint-parameterised elliptical arc as cubic Béziers of at most 90° each. */
function arcToCubics(
  from: Point,
  rxIn: number,
  ryIn: number,
  angle: number,
  large: boolean,
  sweep: boolean,
  to: Point,
): PathCommand[] {
  let rx = Math.abs(rxIn);
  let ry = Math.abs(ryIn);
  if (rx === 0 || ry === 0 || (from[0] === to[0] && from[1] === to[1])) return [{ op: "L", to }];
  const phi = (angle * Math.PI) / 180;
  const cos = Math.cos(phi);
  const sin = Math.sin(phi);
  const dx = (from[0] - to[0]) / 2;
  const dy = (from[1] - to[1]) / 2;
  const x1 = cos * dx + sin * dy;
  const y1 = -sin * dx + cos * dy;
  const lambda = (x1 * x1) / (rx * rx) + (y1 * y1) / (ry * ry);
  if (lambda > 1) {
    rx *= Math.sqrt(lambda);
    ry *= Math.sqrt(lambda);
  }
  const num = rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1;
  const den = rx * rx * y1 * y1 + ry * ry * x1 * x1;
  const factor = (large === sweep ? -1 : 1) * Math.sqrt(Math.max(0, num / den));
  const cx1 = (factor * rx * y1) / ry;
  const cy1 = (-factor * ry * x1) / rx;
  const cx = cos * cx1 - sin * cy1 + (from[0] + to[0]) / 2;
  const cy = sin * cx1 + cos * cy1 + (from[1] + to[1]) / 2;
  const theta = vectorAngle(1, 0, (x1 - cx1) / rx, (y1 - cy1) / ry);
  let delta = vectorAngle((x1 - cx1) / rx, (y1 - cy1) / ry, (-x1 - cx1) / rx, (-y1 - cy1) / ry);
  if (!sweep && delta > 0) delta -= 2 * Math.PI;
  if (sweep && delta < 0) delta += 2 * Math.PI;
  const pieces = Math.max(1, Math.ceil(Math.abs(delta) / (Math.PI / 2)));
  const step = delta / pieces;
  const k = (4 / 3) * Math.tan(step / 4);
  const point = (t: number, scale = 1, tangent = false): Point => {
    const ex = tangent ? -rx * Math.sin(t) : rx * Math.cos(t);
    const ey = tangent ? ry * Math.cos(t) : ry * Math.sin(t);
    const px = cos * ex * scale - sin * ey * scale;
    const py = sin * ex * scale + cos * ey * scale;
    return tangent ? [px, py] : [px + cx, py + cy];
  };
  const out: PathCommand[] = [];
  for (let n = 0; n < pieces; n++) {
    const t0 = theta + n * step;
    const t1 = t0 + step;
    const p0 = point(t0);
    const p1 = point(t1);
    const d0 = point(t0, k, true);
    const d1 = point(t1, k, true);
    out.push({
      op: "B",
      c1: [p0[0] + d0[0], p0[1] + d0[1]],
      c2: [p1[0] - d1[0], p1[1] - d1[1]],
      to: n === pieces - 1 ? to : p1,
    });
  }
  return out;
}

function vectorAngle(ux: number, uy: number, vx: number, vy: number): number {
  const sign = ux * vy - uy * vx < 0 ? -1 : 1;
  const dot = (ux * vx + uy * vy) / (Math.hypot(ux, uy) * Math.hypot(vx, vy));
  return sign * Math.acos(Math.min(1, Math.max(-1, dot)));
}
