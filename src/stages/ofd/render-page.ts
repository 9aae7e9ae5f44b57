import { describeError } from "../../errors.js";
import type { CodedImageDecoder, GrayPixels } from "../../model/coded-image.js";
import { decodeOfdImage } from "./image-source.js";
import type { OfdColor, OfdMark, OfdPage, PathCommand } from "./ofd-marks.js";
import type { OfdFile } from "./open-ofd.js";

/** An OFD page drawn as RGBA pixels (4 bytes each, row by row), white where nothing is painted. */
export interface OfdRaster {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
  /** Pixels per point. */
  readonly scale: number;
  /** The images the page paints that could not be drawn (left blank), each with why. */
  readonly undrawn: readonly { readonly part: string; readonly reason: string }[];
}

/** Fonts the page's text is drawn with: OFD text is Unicode, so any CJK font shows what it says. */
const FONT_FAMILY = '"Noto Sans CJK SC", "Noto Serif CJK SC", "WenQuanYi Zen Hei", "Droid Sans Fallback", sans-serif';

/**
 * Draws an OFD page with @napi-rs/canvas at `scale` pixels per point, in paint order: paths (stroked and
 * filled, curves included), images (decoded from their parts: PNG, JPEG, GIF, BMP, WebP by the canvas, TIFF by
 * utif2, JBIG2 and JPEG 2000 by `decodeCoded` when given; an image none of them decodes is left blank and named
 * in `undrawn`) and text (each glyph at its position, in a system CJK font in place of the document's fonts,
 * which are not read). Clips are applied as the boxes the reader keeps. For the OCR of image-only pages and for
 * the review page's page images.
 */
export async function renderOfdPage(
  file: OfdFile,
  page: OfdPage,
  scale: number,
  decodeCoded: CodedImageDecoder | null = null,
): Promise<OfdRaster> {
  const { createCanvas, loadImage } = await import("@napi-rs/canvas");
  const width = Math.max(1, Math.ceil(page.width * scale));
  const height = Math.max(1, Math.ceil(page.height * scale));
  const canvas = createCanvas(width, height);
  const context = canvas.getContext("2d");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, width, height);
  const undrawn: { part: string; reason: string }[] = [];
  for (const mark of page.marks) {
    context.save();
    context.setTransform(scale, 0, 0, scale, 0, 0);
    if (mark.clip) {
      context.beginPath();
      context.rect(mark.clip[0], mark.clip[1], mark.clip[2] - mark.clip[0], mark.clip[3] - mark.clip[1]);
      context.clip();
    }
    if (mark.kind === "path") drawPath(context, mark, scale);
    else if (mark.kind === "text") drawText(context, mark, scale);
    else if (mark.part !== null) {
      try {
        const source = await decodeOfdImage(file.part(mark.part), decodeCoded);
        const image =
          source.kind === "canvas"
            ? await loadImage(Buffer.from(source.bytes))
            : grayCanvas(createCanvas, source.pixels);
        const [a, b, c, d, e, f] = mark.matrix;
        context.setTransform(a * scale, b * scale, c * scale, d * scale, e * scale, f * scale);
        context.drawImage(image, 0, 0, 1, 1);
      } catch (error) {
        undrawn.push({ part: mark.part, reason: describeError(error) });
      }
    }
    context.restore();
  }
  return { width, height, data: context.getImageData(0, 0, width, height).data, scale, undrawn };
}

/** Gray pixels as a canvas of their size, to draw scaled like a decoded image. */
function grayCanvas(create: typeof import("@napi-rs/canvas").createCanvas, pixels: GrayPixels) {
  const canvas = create(pixels.width, pixels.height);
  const context = canvas.getContext("2d");
  const data = context.createImageData(pixels.width, pixels.height);
  for (let i = 0, p = 0; i < pixels.data.length; i++, p += 4) {
    const v = pixels.data[i] as number;
    data.data[p] = v;
    data.data[p + 1] = v;
    data.data[p + 2] = v;
    data.data[p + 3] = 255;
  }
  context.putImageData(data, 0, 0);
  return canvas;
}

type Context = ReturnType<ReturnType<typeof import("@napi-rs/canvas").createCanvas>["getContext"]>;

function drawPath(context: Context, mark: Extract<OfdMark, { kind: "path" }>, scale: number): void {
  context.beginPath();
  tracePath(context, mark.commands);
  if (mark.fill) {
    context.fillStyle = css(mark.fill);
    context.fill(mark.evenOdd ? "evenodd" : "nonzero");
  }
  if (mark.stroke) {
    context.strokeStyle = css(mark.stroke);
    // A hairline still shows as one pixel.
    context.lineWidth = Math.max(mark.lineWidth, 1 / scale);
    context.stroke();
  }
}

function tracePath(context: Context, commands: readonly PathCommand[]): void {
  for (const c of commands) {
    if (c.op === "M") context.moveTo(c.to[0], c.to[1]);
    else if (c.op === "L") context.lineTo(c.to[0], c.to[1]);
    else if (c.op === "Q") context.quadraticCurveTo(c.c1[0], c.c1[1], c.to[0], c.to[1]);
    else if (c.op === "B") context.bezierCurveTo(c.c1[0], c.c1[1], c.c2[0], c.c2[1], c.to[0], c.to[1]);
    else context.closePath();
  }
}

function drawText(context: Context, mark: Extract<OfdMark, { kind: "text" }>, scale: number): void {
  const [a, b, c, d] = mark.glyphMatrix;
  // Drawn at its size in device pixels (glyphs hinted at the size they are seen), the matrix turning it.
  const pixels = mark.size * scale;
  if (!(pixels > 0.5)) return;
  context.font = `${pixels}px ${FONT_FAMILY}`;
  context.textBaseline = "alphabetic";
  if (mark.fill) context.fillStyle = css(mark.fill);
  if (mark.stroke) context.strokeStyle = css(mark.stroke);
  for (const glyph of mark.glyphs) {
    context.setTransform(a, b, c, d, glyph.x * scale, glyph.y * scale);
    if (mark.fill) context.fillText(glyph.char, 0, 0);
    else if (mark.stroke) context.strokeText(glyph.char, 0, 0);
  }
}

function css(color: OfdColor): string {
  return `rgba(${Math.round(color.r)}, ${Math.round(color.g)}, ${Math.round(color.b)}, ${color.a})`;
}
