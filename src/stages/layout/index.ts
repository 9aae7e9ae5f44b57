import type { Issue } from "../../model/issue.js";
import type { LayoutBlock } from "../../model/layout.js";
import type { PageContent } from "../../model/page-content.js";
import { assignItems } from "./assign-items.js";
import { findGrids } from "./build-grids.js";
import { buildLines } from "./build-lines.js";
import { dropPageFurniture } from "./drop-page-furniture.js";
import { dropMeshes } from "./implausible-grids.js";

export { buildGrids } from "./build-grids.js";
export { buildLines, makeLine } from "./build-lines.js";
export { extractRuleSegments, type PageOperators, ruleSegmentsOfRuns } from "./extract-rule-segments.js";
export { flagImageTables } from "./flag-image-tables.js";
export { toStoredFrame } from "./to-stored-frame.js";

/** Each page as ruled tables and free text lines in reading order (top to bottom). */
export function layoutPages(pages: readonly PageContent[]): LayoutBlock[][] {
  return layoutDocument(pages).pages;
}

/**
 * `layoutPages`, with a `table.implausible_grid` issue for each ruled mesh that is no printed table (see
 * `dropMeshes`): its text is laid out as free lines.
 */
export function layoutDocument(pages: readonly PageContent[]): { pages: LayoutBlock[][]; issues: Issue[] } {
  const issues: Issue[] = [];
  const perPage = pages.map((page) => {
    const found = findGrids(page.page, page.segments);
    const { grids, issues: meshIssues } = dropMeshes(page.page, found.grids, found.meshes, page.items);
    issues.push(...meshIssues);
    const free = assignItems(grids, page.items);
    return { grids, lines: buildLines(page.page, free) };
  });
  const lines = dropPageFurniture(
    perPage.map((p) => p.lines),
    pages.map((p) => p.height),
  );
  const laidOut = perPage.map((p, i) => {
    const blocks: LayoutBlock[] = [
      ...p.grids
        .filter((g) => g.cells.some((c) => c.items.length > 0))
        .map((grid) => ({ kind: "grid" as const, grid })),
      ...(lines[i] ?? []).map((line) => ({ kind: "line" as const, line })),
    ];
    return blocks.sort((a, b) => top(a) - top(b));
  });
  return { pages: laidOut, issues };
}

function top(block: LayoutBlock): number {
  return block.kind === "grid" ? block.grid.box[1] : block.line.box[1];
}
