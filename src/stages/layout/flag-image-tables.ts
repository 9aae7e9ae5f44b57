import type { Cell } from "../../model/cell.js";
import { maxOf } from "../../model/geometry.js";
import type { Issue } from "../../model/issue.js";
import type { PageRead } from "../../model/page-content.js";

/** Share of the page an image must cover to be able to hold one of the statistical tables. */
const MIN_TABLE_IMAGE_SHARE = 0.1;

/**
 * Pages that show a table as a picture. When a whole statistical table is missing from the text layer and a
 * page with text (not already sent to OCR) paints a table-sized image, the table is probably that image:
 * the page needs OCR for it. Without this, a report whose 三 table is a pasted screenshot looks merely
 * incomplete.
 */
export function flagImageTables(pages: readonly PageRead[], cells: ReadonlyMap<string, Cell>): Issue[] {
  const missing = (["s2", "s3", "s4"] as const).filter((section) => {
    const sectionCells = [...cells].filter(([path]) => path.startsWith(`${section}.`));
    return sectionCells.length > 0 && sectionCells.every(([, cell]) => cell.value === null);
  });
  if (missing.length === 0) return [];
  const issues: Issue[] = [];
  for (const { content, needsOcr } of pages) {
    if (needsOcr) continue;
    const pageArea = content.width * content.height;
    const share = Math.max(0, maxOf(content.imageBoxes.map((b) => ((b[2] - b[0]) * (b[3] - b[1])) / pageArea)));
    if (share < MIN_TABLE_IMAGE_SHARE) continue;
    issues.push({
      code: "page.needs_ocr",
      severity: "warning",
      stage: "layout",
      message: `Page ${content.page} paints an image over ${Math.round(share * 100)}% of the page while table(s) ${missing.join(", ")} are not in the text: the table may be a picture and needs OCR`,
      page: content.page,
    });
  }
  return issues;
}
