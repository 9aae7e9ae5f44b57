import type { Box } from "../../model/geometry.js";
import type { Issue } from "../../model/issue.js";
import type { Grid } from "../../model/layout.js";
import type { TextItem } from "../../model/page-content.js";
import type { Mesh } from "./build-grids.js";

/**
 * Share of a grid's text lines that its horizontal rules may cut through the middle. A printed table's rules run
 * between its lines of text, never through them; hairlines drawn over a table (a mesh finer than its rows) cut
 * most of them, and reading the mesh as the table would split printed values into blank or wrong cells.
 */
const MAX_CUT_SHARE = 0.25;
/** The middle band of a line of text (share of its height from each edge) that a rule must not cross. */
const CUT_BAND = 0.25;
/**
 * A grid of at least this many rows (or columns) of which at least `MAX_EMPTY_SHARE` hold no text at all is a
 * mesh coarser than the text: a printed table has text in (nearly) every row and every column.
 */
const MIN_MESH_LINES = 20;
const MAX_EMPTY_SHARE = 0.5;

/** Why a grid is no printed table, or null when it may be one. */
function meshReason(grid: Grid, items: readonly TextItem[]): string | null {
  const within = items.filter((item) => inside(grid.box, centre(item.box)));
  if (within.length === 0) return null;
  const inner = grid.ys.slice(1, -1);
  const cut = within.filter((item) => {
    const band = (item.box[3] - item.box[1]) * CUT_BAND;
    return inner.some((y) => y > item.box[1] + band && y < item.box[3] - band);
  });
  if (cut.length / within.length > MAX_CUT_SHARE) {
    return `its rules cut through ${cut.length} of the ${within.length} runs of text in it`;
  }
  const rows = grid.ys.length - 1;
  const cols = grid.xs.length - 1;
  const emptyRows = countEmpty(grid.ys, within, (item) => centre(item.box).y);
  if (rows >= MIN_MESH_LINES && emptyRows / rows >= MAX_EMPTY_SHARE) {
    return `${emptyRows} of its ${rows} rows hold no text`;
  }
  const emptyCols = countEmpty(grid.xs, within, (item) => centre(item.box).x);
  if (cols >= MIN_MESH_LINES && emptyCols / cols >= MAX_EMPTY_SHARE) {
    return `${emptyCols} of its ${cols} columns hold no text`;
  }
  return null;
}

/** How many of the bands between consecutive `lines` hold no item's position. */
function countEmpty(lines: readonly number[], items: readonly TextItem[], at: (item: TextItem) => number): number {
  const filled = new Set<number>();
  for (const item of items) {
    const value = at(item);
    let lo = 0;
    let hi = lines.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((lines[mid] as number) <= value) lo = mid;
      else hi = mid;
    }
    filled.add(lo);
  }
  return lines.length - 1 - filled.size;
}

/**
 * The grids of a page that may be printed tables, and an issue for each ruled mesh left out (too many rows or
 * columns for a table, rules through its text, or mostly empty rows or columns): its text is then read as
 * unruled lines, and the issue says so, so that no value is blanked or misplaced by the mesh unseen.
 */
export function dropMeshes(
  page: number,
  grids: readonly Grid[],
  meshes: readonly Mesh[],
  items: readonly TextItem[],
): { grids: Grid[]; issues: Issue[] } {
  const kept: Grid[] = [];
  const issues: Issue[] = meshes.map((mesh) =>
    meshIssue(page, mesh.box, `a grid of ${mesh.rows} rows × ${mesh.cols} columns, more than a printed table has`),
  );
  for (const grid of grids) {
    const reason = meshReason(grid, items);
    if (reason === null) kept.push(grid);
    else
      issues.push(
        meshIssue(page, grid.box, `a grid of ${grid.ys.length - 1} rows × ${grid.xs.length - 1} columns: ${reason}`),
      );
  }
  return { grids: kept, issues };
}

function meshIssue(page: number, box: Box, what: string): Issue {
  const at = box.map((v) => Math.round(v)).join(", ");
  return {
    code: "table.implausible_grid",
    severity: "warning",
    stage: "layout",
    message: `Page ${page} draws ruling that is no printed table (${what}; at [${at}] pt): its text is read without it`,
    page,
  };
}

function centre(box: Box): { x: number; y: number } {
  return { x: (box[0] + box[2]) / 2, y: (box[1] + box[3]) / 2 };
}

function inside(box: Box, p: { x: number; y: number }): boolean {
  return p.x >= box[0] && p.x <= box[2] && p.y >= box[1] && p.y <= box[3];
}
