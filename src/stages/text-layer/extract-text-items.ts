import type { Box } from "../../model/geometry.js";
import { composeMatrix, type Matrix } from "../../model/matrix.js";
import type { TextItem } from "../../model/page-content.js";
import type { PdfPage } from "../../model/pdf.js";
import { normalizeGlyphs } from "./normalize-glyphs.js";

type TextContent = Awaited<ReturnType<PdfPage["getTextContent"]>>;
type Viewport = ReturnType<PdfPage["getViewport"]>;

/**
 * The page's text items as boxes in top-left page coordinates (PDF points), read in the rotation that sets
 * most of its text upright (see chooseUprightRotation).
 */
export async function extractTextItems(page: PdfPage): Promise<{ items: TextItem[]; rotation: number }> {
  const content = await page.getTextContent({ disableNormalization: false });
  const rotation = chooseUprightRotation(page, content);
  return { items: toTextItems(content, page.getViewport({ scale: 1, rotation })), rotation };
}

/**
 * The view rotation (degrees, as for `getViewport`) under which most characters run left to right. It is
 * the page's own /Rotate unless that leaves the text sideways or upside down (a landscape table printed
 * on a portrait page, a page rotated by a scanner or an editor).
 */
export function chooseUprightRotation(page: PdfPage, content: TextContent): number {
  let best = page.rotate;
  let bestScore = -1;
  for (const turn of [0, 90, 180, 270]) {
    const rotation = (page.rotate + turn) % 360;
    const vt = page.getViewport({ scale: 1, rotation }).transform as Matrix;
    let score = 0;
    for (const raw of content.items) {
      if (!("str" in raw) || raw.str.trim() === "") continue;
      const m = composeMatrix(vt, raw.transform as Matrix);
      const length = Math.hypot(m[0], m[1]) || 1;
      if (m[0] / length > 0.9) score += raw.str.length;
    }
    if (score > bestScore) {
      best = rotation;
      bestScore = score;
    }
  }
  return best;
}

export function toTextItems(content: TextContent, viewport: Viewport): TextItem[] {
  const items: TextItem[] = [];
  for (const raw of content.items) {
    if (!("str" in raw) || raw.str.trim() === "") continue;
    const m = composeMatrix(viewport.transform as Matrix, raw.transform as Matrix);
    // Text set at a slant (a diagonal watermark: "内部资料", the agency's name) is not report content.
    if (!isAxisAligned(m)) continue;
    // Font size is the length of the transformed y axis; the baseline sits at (m[4], m[5]).
    const size = Math.hypot(m[2], m[3]) || raw.height || 1;
    const horizontal = Math.abs(m[1]) < 1e-3 && Math.abs(m[2]) < 1e-3;
    const width = raw.width * (viewport.scale || 1);
    const box: Box = horizontal
      ? [m[4], m[5] - size * 0.88, m[4] + width, m[5] + size * 0.12]
      : [m[4] - size / 2, m[5] - width, m[4] + size / 2, m[5]];
    items.push({ text: normalizeGlyphs(raw.str), box, fontSize: size, fontName: raw.fontName });
  }
  return items;
}

/** Whether a run's baseline is horizontal or vertical (within 3°), as table and body text are. */
function isAxisAligned(m: Matrix): boolean {
  const angle = (Math.atan2(m[1], m[0]) * 180) / Math.PI;
  const offAxis = Math.abs(((angle % 90) + 90) % 90);
  return Math.min(offAxis, 90 - offAxis) <= 3;
}
