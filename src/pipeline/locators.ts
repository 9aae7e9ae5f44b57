import type { Cell } from "../model/cell.js";
import type { LocatorKind } from "../model/locator.js";
import type { NarrativeLine } from "../model/narrative.js";
import type { PageRead } from "../model/page-content.js";
import { toStoredFrame } from "../stages/layout/index.js";
import type { MarkupLayout } from "../stages/markup/index.js";

/** Cells and narrative lines, each where its input holds it. */
export interface Located {
  readonly cells: ReadonlyMap<string, Cell>;
  readonly narrative: readonly NarrativeLine[];
}

/**
 * A front end's locator: from the cells and narrative lines as mapping placed them on the layout's frame (the
 * pages it laid out) to where the input holds them, in the terms of its `kind`. Returns them anew.
 */
export interface Locator {
  readonly kind: LocatorKind;
  readonly locate: (cells: ReadonlyMap<string, Cell>, narrative: readonly NarrativeLine[]) => Located;
}

/**
 * Pages laid out as read (PDF, OFD, page images): a box found on a straightened copy of a page image is turned
 * back onto the page as stored; everything else is where the layout put it.
 */
export function pageLocator(pages: readonly PageRead[]): Locator {
  return { kind: "page", locate: (cells, narrative) => toStoredFrame(cells, narrative, pages) };
}

/**
 * A document without pages laid out on a frame of its own (`toLayout`): each cell at the path of the part holding
 * it, its frame page and box dropped (null); narrative lines keep their frame place, which flags never cite.
 */
export function pathLocator(layout: MarkupLayout): Locator {
  return {
    kind: "path",
    locate: (cells, narrative) => ({
      cells: new Map([...cells].map(([path, cell]) => [path, atPath(cell, layout)])),
      narrative,
    }),
  };
}

/** A picture of a web page read by OCR as a page of the layout: its path. */
export interface PictureAt {
  readonly locator: string;
}

/**
 * A web page whose pictures were read by OCR, laid out as the pictures' pages (1…k, `reads`) and the markup
 * between them (pages after k, each on the frame of its `markup` layout): a cell of a picture keeps its page and
 * box (turned back onto the picture as stored) and gets the picture's path; a markup cell gets its part's path.
 */
export function webPageLocator(
  pictures: readonly PictureAt[],
  reads: readonly PageRead[],
  markup: ReadonlyMap<number, MarkupLayout>,
): Locator {
  const place = (cell: Cell): Cell => {
    if (cell.page === null) return cell;
    if (cell.page <= pictures.length) return { ...cell, locator: pictures[cell.page - 1]?.locator ?? null };
    const layout = markup.get(cell.page);
    return layout ? atPath(cell, layout) : { ...cell, page: null, bbox: null, locator: null };
  };
  return {
    kind: "path",
    locate: (cells, narrative) => ({
      cells: toStoredFrame(new Map([...cells].map(([path, cell]) => [path, place(cell)])), narrative, reads).cells,
      narrative,
    }),
  };
}

/** A cell with its frame page and box replaced by the path of the part it was read from. */
function atPath(cell: Cell, layout: MarkupLayout): Cell {
  return { ...cell, page: null, bbox: null, locator: cell.bbox ? layout.locate(cell.bbox) : null };
}
