import { createCanvas, loadImage } from "@napi-rs/canvas";
import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import UTIF from "utif2";
import { InputError } from "../../errors.js";
import type { PdfPage } from "../../model/pdf.js";
import type { GrayImage } from "./raster.js";
import { toGray } from "./to-gray.js";

/** A page as pixels, with the scale from PDF points to pixels. */
export interface PageImage {
  readonly image: GrayImage;
  /** Pixels per point. */
  readonly scale: number;
  /** Page size in points. */
  readonly width: number;
  readonly height: number;
  /** "embedded" = the page's one scanned image at its own resolution; "render" = pdf.js drew the page. */
  readonly origin: "embedded" | "render" | "file";
}

/** Pixel budget of a rendered page: about A4 at 300 dpi (2480 × 3508 ≈ 8.7 MP). */
export const RENDER_PIXEL_BUDGET = 8_700_000;
/** Embedded images larger than this are rendered (downscaled) instead. */
const MAX_EMBEDDED_PIXELS = 4 * RENDER_PIXEL_BUDGET;
/** Points per inch; a page image file without a known size is taken as A4 portrait width (595.28 pt). */
const A4_WIDTH = 595.28;

/**
 * The page image of a PDF page: where the page paints one image covering it (a scan), that image as
 * decoded at its own resolution; otherwise pdf.js renders the page at the scale the pixel budget allows.
 */
export async function pdfPageImage(page: PdfPage, rotation: number): Promise<PageImage> {
  const viewport = page.getViewport({ scale: 1, rotation });
  const embedded = rotation === page.rotate ? await embeddedImage(page, viewport.width, viewport.height) : null;
  if (embedded) return embedded;
  const scale = Math.min(300 / 72, Math.sqrt(RENDER_PIXEL_BUDGET / (viewport.width * viewport.height)));
  const scaled = page.getViewport({ scale, rotation });
  const width = Math.ceil(scaled.width);
  const height = Math.ceil(scaled.height);
  const canvas = createCanvas(width, height);
  const context = canvas.getContext("2d");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, width, height);
  // pdf.js draws on any 2D context; @napi-rs/canvas implements the one it needs in Node.
  await page.render({ canvas: canvas as never, canvasContext: context as never, viewport: scaled }).promise;
  const pixels = context.getImageData(0, 0, width, height);
  return {
    image: toGray(width, height, pixels.data, 4),
    scale,
    width: viewport.width,
    height: viewport.height,
    origin: "render",
  };
}

interface PdfImageObject {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

/** Pixels a page image may declare (RGBA, 4 bytes each): 300 dpi A0 is 140 M; more is a decompression bomb. */
const MAX_IMAGE_PIXELS = 200_000_000;

/** pdf.js operators that stroke a path. */
const STROKES = new Set<number>([
  OPS.stroke,
  OPS.closeStroke,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
]);

/** A decoded image as pdf.js hands it over; `null` is what pdf.js gives for an image it could not decode. */
function imageObject(page: PdfPage, name: string): Promise<PdfImageObject | null> {
  return new Promise<PdfImageObject | null>((resolve) => {
    const objs = name.startsWith("g_") ? page.commonObjs : page.objs;
    try {
      objs.get(name, (value: unknown) => resolve((value as PdfImageObject) ?? null));
    } catch {
      resolve(null);
    }
  });
}

/**
 * Throws when every image a page paints failed to decode, so that a scan page whose only content is damaged
 * image data (JBIG2, JPX, JPEG garbage) is not taken for a blank page: `too_large` when an image declares more
 * than `MAX_IMAGE_PIXELS` (pdf.js refuses to allocate it), else `corrupt`. pdf.js gives `null` for an image it
 * could not decode ("Unable to decode image" in its log) and draws nothing in its place.
 */
async function checkImagesDecode(page: PdfPage, images: readonly (readonly unknown[])[]): Promise<void> {
  if (images.length === 0) return;
  const decoded = await Promise.all(images.map((args) => imageObject(page, String(args[0]))));
  if (decoded.some((object) => object !== null)) return;
  const [, w, h] = images[0] as [unknown, number, number];
  if (images.some(([, pw, ph]) => Number(pw) * Number(ph) > MAX_IMAGE_PIXELS)) {
    throw new InputError(
      "too_large",
      `Page ${page.pageNumber} is a picture of ${w} × ${h} pixels, more than can be decoded`,
    );
  }
  throw new InputError(
    "corrupt",
    `Page ${page.pageNumber} is a picture (${w} × ${h} pixels) whose image data cannot be decoded: damaged or truncated (JBIG2, JPX, JPEG …)`,
  );
}

/**
 * The page's single image when it covers (nearly) the whole page and is painted upright; else null. Throws
 * (see `checkImagesDecode`) when the page is pictures only and none of them can be decoded.
 */
async function embeddedImage(page: PdfPage, width: number, height: number): Promise<PageImage | null> {
  const list = await page.getOperatorList();
  // Only a page that is pictures (and at most a background fill or two) is judged by its pictures: a page of
  // text, strokes or shapes (a report drawn as outlines) is drawn and read whatever its pictures are.
  // pdf.js 6 gives a path's painting operator as the first argument of its constructPath.
  const images: unknown[][] = [];
  let fills = 0;
  let drawn = false;
  for (let i = 0; i < list.fnArray.length && !drawn; i++) {
    const fn = list.fnArray[i];
    const paint = fn === OPS.constructPath ? (list.argsArray[i] as unknown[])[0] : fn;
    if (fn === OPS.paintImageXObject) images.push(list.argsArray[i] as unknown[]);
    else if (paint === OPS.fill || paint === OPS.eoFill) fills++;
    else drawn = fn === OPS.showText || fn === OPS.paintInlineImageXObject || STROKES.has(paint as number);
  }
  if (!drawn && fills <= 2) await checkImagesDecode(page, images);
  const names: string[] = [];
  let transforms = 0;
  let matrix: number[] | null = null;
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    if (fn === OPS.paintImageXObject) names.push(String((list.argsArray[i] as unknown[])[0]));
    else if (fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) return null;
    else if (fn === OPS.showText || fn === OPS.fill || fn === OPS.stroke) return null;
    else if (fn === OPS.transform) {
      transforms++;
      matrix = (list.argsArray[i] as number[]).slice(0, 6);
    }
  }
  if (names.length !== 1 || !matrix || transforms > 2) return null;
  // An upright image scaled to the page: [w 0 0 h x y] with w, h ≈ the page size.
  const [a, b, c, d] = matrix as [number, number, number, number];
  if (Math.abs(b) > 1e-3 || Math.abs(c) > 1e-3 || Math.abs(a) < width * 0.95 || Math.abs(d) < height * 0.95)
    return null;
  const object = await imageObject(page, names[0] as string);
  if (!object?.data || object.width * object.height > MAX_EMBEDDED_PIXELS) return null;
  // pdf.js image kinds: 1 = 1 bit per pixel gray (packed rows), 2 = RGB, 3 = RGBA.
  const { width: w, height: h, data, kind } = object;
  let image: GrayImage;
  if (kind === 2) image = toGray(w, h, data, 3);
  else if (kind === 3) image = toGray(w, h, data, 4);
  else if (kind === 1) {
    const out = new Uint8Array(w * h);
    const stride = Math.ceil(w / 8);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++)
        out[y * w + x] = ((data[y * stride + (x >> 3)] as number) >> (7 - (x & 7))) & 1 ? 255 : 0;
    }
    image = { width: w, height: h, data: out };
  } else return null;
  if (solidBlack(image)) {
    // pdf.js decodes a stream it cannot read (a Flate stream of garbage, a cut JPEG) as zeros, silently.
    throw new InputError(
      "corrupt",
      `Page ${page.pageNumber} is a picture (${w} × ${h} pixels) that decodes to solid black: its image data is damaged`,
    );
  }
  return { image, scale: w / width, width, height, origin: "embedded" };
}

/** Whether (nearly) every pixel is black: no scanned page is; zeros are what an undecodable stream gives. */
function solidBlack(image: GrayImage): boolean {
  const step = Math.max(1, Math.floor(image.data.length / 100_000));
  let samples = 0;
  let dark = 0;
  for (let i = 0; i < image.data.length; i += step, samples++) if ((image.data[i] as number) < 32) dark++;
  return samples > 0 && dark / samples > 0.995;
}

/** The pages of an image file (PNG, JPEG: one page; TIFF: every page), as gray pixels at their own resolution. */
export async function imageFilePages(bytes: Uint8Array, kind: "png" | "jpeg" | "tiff"): Promise<PageImage[]> {
  if (kind === "tiff") {
    // @napi-rs/canvas decodes PNG, JPEG, GIF, WebP, AVIF, BMP, but not TIFF: utif2 decodes TIFF pages
    // (uncompressed, LZW, PackBits, Deflate, CCITT G3/G4, JPEG) to RGBA.
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const ifds = UTIF.decode(buffer).filter((ifd) => ifd.t256 !== undefined);
    return ifds.map((ifd) => {
      UTIF.decodeImage(buffer, ifd);
      const rgba = UTIF.toRGBA8(ifd);
      return fromPixels(toGray(ifd.width, ifd.height, rgba, 4));
    });
  }
  const decoded = await loadImage(Buffer.from(bytes));
  const canvas = createCanvas(decoded.width, decoded.height);
  const context = canvas.getContext("2d");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, decoded.width, decoded.height);
  context.drawImage(decoded, 0, 0);
  const pixels = context.getImageData(0, 0, decoded.width, decoded.height);
  return [fromPixels(toGray(decoded.width, decoded.height, pixels.data, 4))];
}

/**
 * The page frame of an image file `width` × `height` pixels: it carries no page size we can trust, so its width
 * is taken as A4's in points (landscape: A4's height), its height in proportion; `scale` is pixels per point.
 */
export function imageFileFrame(width: number, height: number): { scale: number; width: number; height: number } {
  const widthPt = width > height ? 841.89 : A4_WIDTH;
  const scale = width / widthPt;
  return { scale, width: widthPt, height: height / scale };
}

function fromPixels(image: GrayImage): PageImage {
  return { image, ...imageFileFrame(image.width, image.height), origin: "file" };
}
