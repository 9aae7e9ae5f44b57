import { createCanvas, loadImage } from "@napi-rs/canvas";
import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import UTIF from "utif2";
import type { PdfPage } from "../../model/pdf.js";
import { type GrayImage, toGray } from "./raster.js";

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

/** The page's single image when it covers (nearly) the whole page and is painted upright; else null. */
async function embeddedImage(page: PdfPage, width: number, height: number): Promise<PageImage | null> {
  const list = await page.getOperatorList();
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
  const name = names[0] as string;
  const object = await new Promise<PdfImageObject | null>((resolve) => {
    const objs = name.startsWith("g_") ? page.commonObjs : page.objs;
    try {
      objs.get(name, (value: unknown) => resolve((value as PdfImageObject) ?? null));
    } catch {
      resolve(null);
    }
  });
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
  return { image, scale: w / width, width, height, origin: "embedded" };
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
