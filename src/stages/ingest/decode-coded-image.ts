import { InputError } from "../../errors.js";
import type { CodedImage, GrayPixels } from "../../model/coded-image.js";
import { imagePdf } from "./image-pdf.js";
import { withPdfDocument } from "./open-pdf.js";

/** Pixels an image may declare: 300 dpi A0 is 140 M; more is a decompression bomb (as for a PDF's images). */
const MAX_IMAGE_PIXELS = 200_000_000;

interface PdfImageObject {
  readonly width: number;
  readonly height: number;
  /** pdf.js image kinds: 1 = 1 bit per pixel gray (packed rows, 1 = white), 2 = RGB, 3 = RGBA. */
  readonly kind?: number;
  readonly data?: Uint8Array | Uint8ClampedArray;
}

/**
 * Decodes a JBIG2, JPX or CCITT image with pdf.js (its WebAssembly decoders) by wrapping it as the one image of a
 * one-page PDF (`imagePdf`) and taking the image pdf.js decodes for that page: the image's own pixels, at its own
 * size, no drawing involved. Throws `too_large` for an image declaring more than 200 M pixels, `corrupt` when
 * pdf.js cannot decode it (it gives no image, and would draw nothing in its place).
 */
export async function decodeCodedImage(image: CodedImage): Promise<GrayPixels> {
  if (image.width * image.height > MAX_IMAGE_PIXELS)
    throw new InputError(
      "too_large",
      `A ${image.filter} image of ${image.width} × ${image.height} pixels, more than can be decoded`,
    );
  const { OPS } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const object = await withPdfDocument(imagePdf(image), async (doc) => {
    const page = await doc.getPage(1);
    const list = await page.getOperatorList();
    const at = list.fnArray.indexOf(OPS.paintImageXObject);
    if (at < 0) return null;
    const name = String((list.argsArray[at] as unknown[])[0]);
    const objs = name.startsWith("g_") ? page.commonObjs : page.objs;
    return new Promise<PdfImageObject | null>((resolve) => {
      try {
        objs.get(name, (value: unknown) => resolve((value as PdfImageObject | null) ?? null));
      } catch {
        resolve(null);
      }
    });
  });
  const pixels = object?.data ? toGrayPixels(object as Required<PdfImageObject>) : null;
  if (pixels === null)
    throw new InputError(
      "corrupt",
      `A ${image.filter} image (${image.width} × ${image.height} pixels) whose data cannot be decoded: damaged, truncated or of a kind pdf.js does not read`,
    );
  return pixels;
}

function toGrayPixels({ width, height, kind, data }: Required<PdfImageObject>): GrayPixels | null {
  const out = new Uint8Array(width * height);
  if (kind === 1) {
    const stride = Math.ceil(width / 8);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++)
        out[y * width + x] = ((data[y * stride + (x >> 3)] as number) >> (7 - (x & 7))) & 1 ? 255 : 0;
    return { width, height, data: out };
  }
  const channels = kind === 2 ? 3 : kind === 3 ? 4 : 0;
  if (channels === 0 || data.length < width * height * channels) return null;
  for (let i = 0, p = 0; i < out.length; i++, p += channels) {
    const luma = 0.299 * (data[p] as number) + 0.587 * (data[p + 1] as number) + 0.114 * (data[p + 2] as number);
    // Transparent pixels are paper.
    const alpha = channels === 4 ? (data[p + 3] as number) / 255 : 1;
    out[i] = Math.round(255 - alpha * (255 - luma));
  }
  return { width, height, data: out };
}
