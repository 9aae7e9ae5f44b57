import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { PdfPage } from "../../stages/ingest/index.js";
import { type Picture, shrinkPicture } from "./shrink-picture.js";

/** Where a scan page's picture lands on the review image: pixel rectangle, origin top-left. */
export interface PicturePlacement {
  readonly picture: Picture;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The one picture of a scan page and where pdf.js would draw it at `scale`, when the page paints nothing but
 * that picture (and at most two background fills), upright and unrotated, covering at least 95% of the page
 * each way; null otherwise (the page is drawn by pdf.js). pdf.js decodes the picture at its own resolution
 * for the operator list either way; drawing it through pdf.js then costs a full-size canvas (and, to scale a
 * big picture down, halved copies of it): 150–250 MiB for a 300 dpi page, where this path keeps the decoded
 * picture and the review-size pixels only.
 */
export async function scanPagePicture(
  page: PdfPage,
  viewport: { readonly transform: readonly number[] },
): Promise<PicturePlacement | null> {
  if (page.rotate % 360 !== 0) return null;
  const list = await page.getOperatorList();
  let name: string | null = null;
  let matrix: number[] | null = null;
  let fills = 0;
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[];
    if (fn === OPS.paintImageXObject) {
      if (name !== null) return null;
      name = String(args[0]);
    } else if (fn === OPS.transform) matrix = args.slice(0, 6) as number[];
    else if (fn === OPS.constructPath) {
      // pdf.js 6 gives a path's painting operator as the first argument of its constructPath.
      if (args[0] !== OPS.fill && args[0] !== OPS.eoFill) return null;
      if (++fills > 2) return null;
    } else if (DRAWS.has(fn as number)) return null;
  }
  if (name === null || matrix === null) return null;
  const [a, b, c, d, e, f] = matrix as [number, number, number, number, number, number];
  const { width: pageWidth, height: pageHeight } = page.getViewport({ scale: 1 });
  if (Math.abs(b) > 1e-3 || Math.abs(c) > 1e-3 || a < pageWidth * 0.95 || d < pageHeight * 0.95) return null;
  const picture = await pictureObject(page, name);
  if (picture === null) return null;
  // The picture's unit square (PDF y up) through the viewport: its top-left corner is (e, f + d).
  const [va, , , vd, ve, vf] = viewport.transform as [number, number, number, number, number, number];
  const placement = { picture, x: va * e + ve, y: vd * (f + d) + vf, width: va * a, height: -vd * d };
  // Only ever scaled down (each picture pixel adds to one image pixel); a coarser picture is left to pdf.js.
  return picture.width >= placement.width && picture.height >= placement.height ? placement : null;
}

/** Draws `placement`'s picture, scaled, onto an RGBA buffer `width` × `height` that is white elsewhere. */
export function drawScanPage(placement: PicturePlacement, width: number, height: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(width * height * 4).fill(255);
  shrinkPicture(placement.picture, out, width, height, placement);
  return out;
}

/** Operators that paint something other than the picture (text, strokes, inline images, masks, shadings). */
const DRAWS = new Set<number>([
  OPS.showText,
  OPS.showSpacedText,
  OPS.nextLineShowText,
  OPS.nextLineSetSpacingShowText,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageMaskXObjectGroup,
  OPS.paintImageMaskXObjectRepeat,
  OPS.paintImageXObjectRepeat,
  OPS.paintSolidColorImageMask,
  OPS.paintFormXObjectBegin,
  OPS.shadingFill,
  OPS.stroke,
  OPS.fill,
  OPS.eoFill,
]);

/** The decoded picture as pdf.js hands it to a canvas; null for one it could not decode or gives as a bitmap. */
function pictureObject(page: PdfPage, name: string): Promise<Picture | null> {
  return new Promise((resolve) => {
    const objs = name.startsWith("g_") ? page.commonObjs : page.objs;
    try {
      objs.get(name, (value: unknown) => {
        const object = value as Partial<Picture> | null;
        const ok = object?.data !== undefined && (object.kind === 1 || object.kind === 2 || object.kind === 3);
        resolve(ok ? (object as Picture) : null);
      });
    } catch {
      resolve(null);
    }
  });
}
