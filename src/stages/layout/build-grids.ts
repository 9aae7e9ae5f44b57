import { type Box, clusterValues, maxOf, minOf } from "../../model/geometry.js";
import type { Grid, GridCell } from "../../model/layout.js";
import type { RuleSegment } from "../../model/page-content.js";
import { mergeSegments } from "./merge-segments.js";

/**
 * Rules closer than this (points) are the same grid line; also the reach for calling two rules joined. The
 * two strokes of a double border (~3.5 pt apart) and the offset strokes LibreOffice draws for thick borders
 * of merged cells (~3 pt) are one border; no table row is this short.
 */
const JOIN = 4;
/**
 * The most rows and columns a printed table has: a page holds ~150 rows of 5-pt text, and the widest
 * statistics tables of these reports have ~20 columns. A grid past either is a mesh, not a table.
 */
const MAX_GRID_ROWS = 150;
const MAX_GRID_COLUMNS = 40;
/** A cell border counts as drawn when rules cover this share of the slot edge. */
const MIN_BORDER_COVER = 0.6;

/**
 * Ruled tables of a page from its rule segments: connected sets of horizontal and vertical rules become a
 * grid of slots; slots not separated by a drawn border merge into spanning cells. Tables open at the sides
 * (no outer verticals) take the ends of their horizontal rules as outer edges.
 */
export function buildGrids(page: number, segments: readonly RuleSegment[]): Grid[] {
  return findGrids(page, segments).grids;
}

/** A ruled mesh no printed table has, left unread as a grid: where it is and its rows and columns. */
export interface Mesh {
  readonly page: number;
  readonly box: Box;
  readonly rows: number;
  readonly cols: number;
}

/** `buildGrids`, with the meshes of more than `MAX_GRID_ROWS` rows or `MAX_GRID_COLUMNS` columns it left out. */
export function findGrids(page: number, segments: readonly RuleSegment[]): { grids: Grid[]; meshes: Mesh[] } {
  const hs = mergeSegments(
    segments.filter((s) => s.orientation === "h"),
    JOIN,
  );
  const vs = mergeSegments(
    segments.filter((s) => s.orientation === "v"),
    JOIN,
  );
  const grids: Grid[] = [];
  const meshes: Mesh[] = [];
  for (const component of connectComponents(hs, vs)) {
    const grid = buildGrid(page, component.hs, component.vs);
    if (grid && "cells" in grid) grids.push(grid);
    else if (grid) meshes.push(grid);
  }
  return { grids: dropFrames(grids).sort((a, b) => a.box[1] - b.box[1]), meshes };
}

/** A one-cell grid around other grids is a frame (an outer double border, a box around the page), not a table. */
function dropFrames(grids: readonly Grid[]): Grid[] {
  const contains = (outer: Box, inner: Box) =>
    outer[0] <= inner[0] + JOIN &&
    outer[1] <= inner[1] + JOIN &&
    outer[2] >= inner[2] - JOIN &&
    outer[3] >= inner[3] - JOIN;
  return grids.filter(
    (g) => !(g.cells.length === 1 && grids.some((other) => other !== g && contains(g.box, other.box))),
  );
}

function connectComponents(hs: RuleSegment[], vs: RuleSegment[]): { hs: RuleSegment[]; vs: RuleSegment[] }[] {
  const all = [...hs, ...vs];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      const p = parent[i] as number;
      parent[i] = parent[p] as number;
      i = p;
    }
    return i;
  };
  for (let i = 0; i < hs.length; i++) {
    const h = hs[i] as RuleSegment;
    for (let j = 0; j < vs.length; j++) {
      const v = vs[j] as RuleSegment;
      if (v.at >= h.from - JOIN && v.at <= h.to + JOIN && h.at >= v.from - JOIN && h.at <= v.to + JOIN) {
        parent[find(i)] = find(hs.length + j);
      }
    }
  }
  const groups = new Map<number, { hs: RuleSegment[]; vs: RuleSegment[] }>();
  all.forEach((segment, i) => {
    const group = groups.get(find(i)) ?? { hs: [], vs: [] };
    (segment.orientation === "h" ? group.hs : group.vs).push(segment);
    groups.set(find(i), group);
  });
  return [...groups.values()];
}

function buildGrid(page: number, hs: RuleSegment[], vs: RuleSegment[]): Grid | Mesh | null {
  if (hs.length < 2 || vs.length < 1) return null;
  const left = minOf(hs.map((h) => h.from));
  const right = maxOf(hs.map((h) => h.to));
  const xs = pruneSlivers(clusterValues([...vs.map((v) => v.at), left, right], JOIN), vs);
  const ys = pruneSlivers(
    clusterValues(
      hs.map((h) => h.at),
      JOIN,
    ),
    hs,
  );
  if (xs.length < 2 || ys.length < 2) return null;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  // Hairlines drawn over a table (a fine ruled mesh, thousands of tiny paths) make a grid no report prints;
  // read as a table they would cut every printed value into blank slivers. Not a table: its text is read
  // as unruled lines instead.
  if (rows > MAX_GRID_ROWS || cols > MAX_GRID_COLUMNS) {
    return { page, box: [xs[0] as number, ys[0] as number, xs[cols] as number, ys[rows] as number], rows, cols };
  }
  const slot = (r: number, c: number) => r * cols + c;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const y0 = ys[r] as number;
      const y1 = ys[r + 1] as number;
      const x0 = xs[c] as number;
      const x1 = xs[c + 1] as number;
      if (c + 1 < cols && !covered(vs, xs[c + 1] as number, y0, y1)) parent[find(slot(r, c + 1))] = find(slot(r, c));
      if (r + 1 < rows && !covered(hs, ys[r + 1] as number, x0, x1)) parent[find(slot(r + 1, c))] = find(slot(r, c));
    }
  }
  const spans = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(slot(r, c));
      const span = spans.get(root);
      if (!span) spans.set(root, { r0: r, r1: r, c0: c, c1: c });
      else {
        span.r0 = Math.min(span.r0, r);
        span.r1 = Math.max(span.r1, r);
        span.c0 = Math.min(span.c0, c);
        span.c1 = Math.max(span.c1, c);
      }
    }
  }
  const cells: GridCell[] = [...spans.values()]
    .map((s) => ({
      row: s.r0,
      col: s.c0,
      rowSpan: s.r1 - s.r0 + 1,
      colSpan: s.c1 - s.c0 + 1,
      box: [xs[s.c0] as number, ys[s.r0] as number, xs[s.c1 + 1] as number, ys[s.r1 + 1] as number] as Box,
      items: [],
    }))
    .sort((a, b) => a.row - b.row || a.col - b.col);
  const box: Box = [xs[0] as number, ys[0] as number, xs[cols] as number, ys[rows] as number];
  return { page, box, xs, ys, cells };
}

/**
 * Grid lines closer than MIN_SLOT cannot bound a real row or column: they are one thick or double border
 * drawn as offset strokes (LibreOffice offsets the borders of merged cells by the border width). Of such a
 * pair the line drawn over less length goes, so no sliver row splits a label from its numbers.
 */
function pruneSlivers(lines: readonly number[], rules: readonly RuleSegment[]): number[] {
  const out = [...lines];
  const length = (at: number) =>
    rules.filter((r) => Math.abs(r.at - at) <= JOIN).reduce((sum, r) => sum + (r.to - r.from), 0);
  for (let i = 1; i < out.length; ) {
    const a = out[i - 1] as number;
    const b = out[i] as number;
    if (b - a >= MIN_SLOT || out.length <= 2) {
      i++;
      continue;
    }
    out.splice(length(a) >= length(b) ? i : i - 1, 1);
  }
  return out;
}

/** The smallest row height or column width a table has (points): below a line of 5-pt text. */
const MIN_SLOT = 5;

/** Whether rules at `at` cover at least MIN_BORDER_COVER of the edge from..to. */
function covered(rules: readonly RuleSegment[], at: number, from: number, to: number): boolean {
  let cover = 0;
  for (const rule of rules) {
    if (Math.abs(rule.at - at) > JOIN) continue;
    cover += Math.max(0, Math.min(rule.to, to) - Math.max(rule.from, from));
  }
  return cover >= (to - from) * MIN_BORDER_COVER;
}
