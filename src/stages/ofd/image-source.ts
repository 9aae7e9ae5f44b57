import UTIF from "utif2";
import { InputError } from "../../errors.js";
import type { CodedImage, CodedImageDecoder, GrayPixels } from "../../model/coded-image.js";
import { isJbig2File, jbig2FileImage } from "./jbig2-file.js";

/**
 * The formats an OFD image resource is stored in, told by its bytes (GB/T 33190 §10.1 lists BMP, JPEG, PNG, TIFF,
 * AVS, JB2 and GIF; a `Format` attribute or file name is not trusted: producers write "GBIG2" for JBIG2). JPEG 2000
 * is read too, as a PDF's JPX.
 */
export type OfdImageFormat = "png" | "jpeg" | "gif" | "bmp" | "webp" | "tiff" | "jbig2" | "jpx" | "unknown";

/** Formats @napi-rs/canvas decodes itself. */
const CANVAS_FORMATS: ReadonlySet<OfdImageFormat> = new Set(["png", "jpeg", "gif", "bmp", "webp"]);

export function sniffImageFormat(bytes: Uint8Array): OfdImageFormat {
  const starts = (...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
  const ascii = (at: number, text: string) => [...text].every((c, i) => bytes[at + i] === c.charCodeAt(0));
  if (starts(0x89, 0x50, 0x4e, 0x47)) return "png";
  if (starts(0xff, 0xd8, 0xff)) return "jpeg";
  if (ascii(0, "GIF8")) return "gif";
  if (ascii(0, "BM") && bytes.length > 26) return "bmp";
  if (ascii(0, "RIFF") && ascii(8, "WEBP")) return "webp";
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return "tiff";
  if (isJbig2File(bytes)) return "jbig2";
  if (starts(0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20) || starts(0xff, 0x4f, 0xff, 0x51)) return "jpx";
  return "unknown";
}

/** An image ready to draw: one the canvas decoded, or gray pixels. */
export type OfdImageSource =
  | { readonly kind: "canvas"; readonly bytes: Uint8Array }
  | { readonly kind: "pixels"; readonly pixels: GrayPixels };

/**
 * An image resource decoded as far as drawing needs: PNG, JPEG, GIF, BMP and WebP are left to the canvas; TIFF is
 * decoded by utif2 (its first page); JBIG2 and JPEG 2000 by `decodeCoded` (pdf.js, see stages/ingest
 * `decodeCodedImage`). Throws an `InputError`: `unsupported` for a format none of these read (or JBIG2/JPX without
 * a decoder), `corrupt` for an image of a known format whose data cannot be decoded.
 */
export async function decodeOfdImage(
  bytes: Uint8Array,
  decodeCoded: CodedImageDecoder | null,
): Promise<OfdImageSource> {
  const format = sniffImageFormat(bytes);
  if (CANVAS_FORMATS.has(format)) return { kind: "canvas", bytes };
  if (format === "tiff") return { kind: "pixels", pixels: tiffPixels(bytes) };
  if (format === "unknown") {
    const head = [...bytes.subarray(0, 8)].map((b) => b.toString(16).padStart(2, "0")).join(" ");
    throw new InputError("unsupported", `an image in a format gongkai does not read (its first bytes: ${head})`);
  }
  const coded = format === "jbig2" ? jbig2FileImage(bytes) : jpxImage(bytes);
  if (coded === null) throw new InputError("corrupt", `a ${format.toUpperCase()} image whose headers cannot be read`);
  if (decodeCoded === null)
    throw new InputError("unsupported", `a ${format.toUpperCase()} image, and no ${coded.filter} decoder was given`);
  return { kind: "pixels", pixels: await decodeCoded(coded) };
}

function tiffPixels(bytes: Uint8Array): GrayPixels {
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const ifd = UTIF.decode(buffer).find((i) => i.t256 !== undefined);
    if (ifd === undefined) throw new Error("no image in the TIFF");
    UTIF.decodeImage(buffer, ifd);
    const rgba = UTIF.toRGBA8(ifd);
    const data = new Uint8Array(ifd.width * ifd.height);
    for (let i = 0, p = 0; i < data.length; i++, p += 4) {
      const luma = 0.299 * (rgba[p] as number) + 0.587 * (rgba[p + 1] as number) + 0.114 * (rgba[p + 2] as number);
      data[i] = Math.round(255 - ((rgba[p + 3] as number) / 255) * (255 - luma));
    }
    return { width: ifd.width, height: ifd.height, data };
  } catch (error) {
    throw new InputError("corrupt", `a TIFF image whose data cannot be decoded (${String(error)})`, { cause: error });
  }
}

/**
 * A JPEG 2000 image (a JP2 file, or a bare codestream) as a PDF's JPX image: its size from the JP2 header box
 * (`ihdr`: height, width) or the codestream's SIZ marker (Xsiz − XOsiz, Ysiz − YOsiz); pdf.js reads the rest.
 */
function jpxImage(bytes: Uint8Array): CodedImage | null {
  const u32 = (at: number) => new DataView(bytes.buffer, bytes.byteOffset).getUint32(at);
  let width = 0;
  let height = 0;
  if (bytes[0] === 0xff && bytes[1] === 0x4f && bytes.length >= 28) {
    width = u32(8) - u32(16);
    height = u32(12) - u32(20);
  } else {
    const at = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf("ihdr", 0, "latin1");
    if (at >= 0 && at + 12 <= bytes.length) {
      height = u32(at + 4);
      width = u32(at + 8);
    }
  }
  return width > 0 && height > 0 ? { filter: "JPXDecode", width, height, data: bytes } : null;
}
