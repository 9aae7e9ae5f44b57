import type { Box } from "../../model/geometry.js";
import type { TextLine } from "../../model/layout.js";
import type { TextItem } from "../../model/page-content.js";

/**
 * Groups items into lines: an item joins the line whose vertical band overlaps at least half of the
 * smaller height. Items in a line are left to right; a gap wider than ⅓ em becomes a space.
 */
export function buildLines(page: number, items: readonly TextItem[]): TextLine[] {
  const sorted = [...items].sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
  const groups: TextItem[][] = [];
  const bands: [number, number][] = [];
  for (const item of sorted) {
    const h = item.box[3] - item.box[1];
    let placed = false;
    for (let i = groups.length - 1; i >= Math.max(0, groups.length - 4); i--) {
      const band = bands[i] as [number, number];
      const shared = Math.min(band[1], item.box[3]) - Math.max(band[0], item.box[1]);
      if (shared >= Math.min(h, band[1] - band[0]) * 0.5) {
        groups[i]?.push(item);
        band[0] = Math.min(band[0], item.box[1]);
        band[1] = Math.max(band[1], item.box[3]);
        placed = true;
        break;
      }
    }
    if (!placed) {
      groups.push([item]);
      bands.push([item.box[1], item.box[3]]);
    }
  }
  return groups.map((group) => makeLine(page, group)).sort((a, b) => a.box[1] - b.box[1]);
}

export function makeLine(page: number, group: readonly TextItem[]): TextLine {
  const items = [...group].sort((a, b) => a.box[0] - b.box[0]);
  let text = "";
  let box: Box = items[0]?.box ?? [0, 0, 0, 0];
  items.forEach((item, i) => {
    const previous = items[i - 1];
    if (previous && item.box[0] - previous.box[2] > item.fontSize / 3) text += " ";
    text += item.text;
    box = [
      Math.min(box[0], item.box[0]),
      Math.min(box[1], item.box[1]),
      Math.max(box[2], item.box[2]),
      Math.max(box[3], item.box[3]),
    ];
  });
  return { page, box, items, text };
}
