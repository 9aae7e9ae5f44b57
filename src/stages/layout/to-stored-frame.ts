import type { Cell } from "../../model/cell.js";
import { type Box, roundBox, unturnBox, unturnQuarters } from "../../model/geometry.js";
import type { NarrativeLine } from "../../model/narrative.js";
import type { PageRead } from "../../model/page-content.js";

/**
 * Cell and narrative boxes of pages read from a straightened copy of their image, turned back onto the page
 * as stored (SPEC §5: a box frames the printed number in the image the user sees). Both are returned anew.
 */
export function toStoredFrame(
  mapped: ReadonlyMap<string, Cell>,
  narrative: readonly NarrativeLine[],
  pages: readonly PageRead[],
): { readonly cells: ReadonlyMap<string, Cell>; readonly narrative: NarrativeLine[] } {
  const turn = (page: number | null, box: Box): Box => {
    const read = page === null ? undefined : pages[page - 1];
    if (!read?.skew && !read?.quarters) return box;
    const { width, height } = read.content;
    const straight = read.skew ? unturnBox(box, read.skew, width / 2, height / 2) : box;
    // The upright page is `width` × `height`; the page as stored has them swapped after an odd number of quarters.
    const odd = (read.quarters ?? 0) % 2 === 1;
    return roundBox(unturnQuarters(straight, read.quarters ?? 0, odd ? height : width, odd ? width : height));
  };
  const cells = new Map(mapped);
  for (const [path, cell] of cells) {
    if (cell.bbox && cell.source !== "derived") cells.set(path, { ...cell, bbox: turn(cell.page, cell.bbox) });
  }
  return { cells, narrative: narrative.map((line) => ({ ...line, bbox: turn(line.page, line.bbox) })) };
}
