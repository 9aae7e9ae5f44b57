/**
 * How an input kind locates what was read in it (SPEC §5 `cells`), declared by its front end:
 * - `page`: a page (1-based) and a box on it, `[x0, y0, x1, y1]` in points from the top-left corner of the page as
 *   stored (PDF; OFD, converted from millimetres; a page image, one point a pixel) — a cell's `page` and `bbox`,
 *   and no `locator`;
 * - `path`: the path of the markup part that holds it, a DOM path (`html[1]/body[1]/table[2]/tr[5]/td[3]`) or a
 *   Word body index (`tbl[3]/tr[5]/tc[4]`, `p[12]`) — a cell's `locator`, its `page` and `bbox` null. A picture
 *   in a web page read by OCR is a page of its own: a cell read from it has the picture's page and box, and the
 *   picture's path as its `locator`. Flags cite no page for a narrative line.
 */
export type LocatorKind = "page" | "path";
