import { maxOf, minOf } from "../../model/geometry.js";
import type { TextLine } from "../../model/layout.js";

/** Page numbers as printed in reports: "- 4 -", "-3-", "— 12 —", "第 3 页", "3/12", "第3页 共12页", bare "7". */
const PAGE_NUMBER =
  /^(?:[-－—–~·\s]*\d{1,4}[-－—–~·\s]*|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;
/** Share of the page height at the top and bottom where page numbers and running heads live. */
const MARGIN = 0.12;

/** Removes page numbers (in the top or bottom margin) and running heads repeated at the top of pages. */
export function dropPageFurniture(
  linesByPage: readonly (readonly TextLine[])[],
  heights: readonly number[],
): TextLine[][] {
  const topTexts = new Map<string, number>();
  linesByPage.forEach((lines, i) => {
    const height = heights[i] ?? 842;
    for (const line of new Set(
      lines.filter((l) => l.box[3] < height * MARGIN).map((l) => l.text.replace(/\d+/g, "#")),
    )) {
      topTexts.set(line, (topTexts.get(line) ?? 0) + 1);
    }
  });
  return linesByPage.map((lines, i) => {
    const height = heights[i] ?? 842;
    const top = minOf(lines.map((l) => l.box[1]));
    const bottom = maxOf(lines.map((l) => l.box[3]));
    return lines.filter((line) => {
      const inMargin = line.box[3] < height * MARGIN || line.box[1] > height * (1 - MARGIN);
      if (!inMargin) return true;
      // A page number is the first or last line of its page; a bare number above other text in the margin band
      // is a table value on a wrapped row's last line (unruled tables).
      const outermost = line.box[1] <= top + 0.5 || line.box[3] >= bottom - 0.5;
      if (PAGE_NUMBER.test(line.text.trim())) return !outermost || hugsText(line, lines);
      const runningHead = line.box[3] < height * MARGIN && (topTexts.get(line.text.replace(/\d+/g, "#")) ?? 0) >= 3;
      return !runningHead;
    });
  });
}

/**
 * A bare number set right against the text beside it (less than half a line of paper between them): the last
 * value of a table row that a page photographed at an angle carried below its label's line, not a page number,
 * which stands apart from the body.
 */
function hugsText(line: TextLine, lines: readonly TextLine[]): boolean {
  const height = line.box[3] - line.box[1];
  return lines.some((other) => {
    if (other === line || /^[\d\s\-－—–~·]*$/.test(other.text)) return false;
    const gap = Math.max(other.box[1] - line.box[3], line.box[1] - other.box[3]);
    return gap < 0.5 * Math.max(height, other.box[3] - other.box[1]);
  });
}
