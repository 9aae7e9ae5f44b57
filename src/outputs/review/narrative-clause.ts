import type { Box } from "../../model/geometry.js";
import type { DocBlock } from "../../stages/markup/index.js";
import { escapeHtml } from "./html.js";
import type { ReviewFlag } from "./review-model.js";

// What the build process needs of the narrative flags, apart from finding their sentences in a PDF or OFD
// (narrative-marks.ts, in the render process): that module loads the OFD stage and pdf.js's opener.

/** Where a narrative flag's sentence is printed: a box on a page (PDF points, origin top-left). */
export interface NarrativeMark {
  /** Index of the flag in the report's flag list. */
  readonly flag: number;
  readonly page: number;
  readonly bbox: Box;
}

/**
 * The clause a narrative flag (`text.*`, the narrative side of `s2.fee_unit`) quotes, and the page it names. The
 * outputs keep no narrative text: the flag's message is where the clause is (`on page 2 … ("上年结转4件")`).
 */
export function quotedClause(flag: ReviewFlag): { page: number | null; clause: string } | null {
  const clause = /\("([^"]+)"\)/.exec(flag.message.en)?.[1];
  if (clause === undefined) return null;
  const page = /on page (\d+)/.exec(flag.message.en)?.[1];
  return { page: page === undefined ? null : Number(page), clause };
}

/**
 * The paragraphs of an HTML or .docx source that hold a narrative flag's clause, as HTML with the clause marked
 * (`data-flag` = the flag's index), for the page that shows the source's tables.
 */
export function renderNarrativeParagraphs(blocks: readonly DocBlock[], flags: readonly ReviewFlag[]): string {
  const items: string[] = [];
  flags.forEach((flag, index) => {
    const quoted = quotedClause(flag);
    if (quoted === null) return;
    for (const block of blocks) {
      if (block.kind !== "paragraph") continue;
      const at = block.text.indexOf(quoted.clause);
      if (at < 0) continue;
      const before = block.text.slice(Math.max(0, at - 60), at);
      const after = block.text.slice(at + quoted.clause.length, at + quoted.clause.length + 60);
      items.push(
        `<p class="narrative" data-locator="${escapeHtml(block.locator)}">…${escapeHtml(before)}<mark class="narrative-mark" data-flag="${index}">${escapeHtml(quoted.clause)}</mark>${escapeHtml(after)}…</p>`,
      );
      break;
    }
  });
  return items.join("\n");
}
