import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { crc32, deflateSync } from "node:zlib";
import UTIF from "utif2";
import { jpegInfo } from "./pdf-scan-pages.js";
import type { PageImage } from "./render-pages.js";

// Page images a browser can show as they are, written without the canvas (Skia) or any full-size decode: a gray
// PNG or JPEG input as its own file, a bilevel or 8-bit gray TIFF page as a PNG of its own pixels. The review's
// drawn image of such a page is the file's gray levels scaled down (render-images.ts: `toGray` leaves a gray
// pixel as it is), which is what the browser shows when it scales the file; colour pictures, whose gray
// conversion fades red seals, are still drawn.

/**
 * The frame OCR gives an image file's cells (the OCR stage's `imageFileFrame`, not imported: its module loads
 * pdf.js and Skia): the picture's width taken as A4's in points (the long side of landscape A4 when wider than
 * tall), its height in proportion.
 */
export function pictureFrame(width: number, height: number): { width: number; height: number } {
  const widthPt = width > height ? 841.89 : 595.28;
  return { width: widthPt, height: height / (width / widthPt) };
}

/**
 * Writes a gray PNG or JPEG picture as page `page` of `outDir` byte for byte (`p<n>.png`, `p<n>.jpg`); null for
 * any other picture (colour, transparency, a colour profile or gamma other than sRGB's, an Exif turn).
 */
export async function passPicture(bytes: Uint8Array, outDir: string, page: number): Promise<PageImage | null> {
  const size = grayPngSize(bytes) ?? grayJpegSize(bytes);
  if (size === null) return null;
  await mkdir(outDir, { recursive: true });
  const image = `p${page}.${bytes[0] === 0x89 ? "png" : "jpg"}`;
  await writeFile(join(outDir, image), bytes);
  return { page, ...rounded(pictureFrame(size.width, size.height)), image };
}

/**
 * Writes each page of a TIFF whose pages are all bilevel or 8-bit gray (one sample, WhiteIsZero or
 * BlackIsZero) as `p<n>.png`: its decoded pixels at their own size, 1 or 8 bits a pixel, as utif2 reads them
 * for `renderImagePages`. Null for any other TIFF (nothing written).
 */
export async function passTiffPages(bytes: Uint8Array, outDir: string): Promise<PageImage[] | null> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const ifds = UTIF.decode(buffer).filter((entry) => entry.t256 !== undefined);
  if (ifds.length === 0 || !ifds.every((ifd) => grayLayout(ifd) !== null)) return null;
  await mkdir(outDir, { recursive: true });
  const pages: PageImage[] = [];
  for (const ifd of ifds) {
    UTIF.decodeImage(buffer, ifd);
    const layout = grayLayout(ifd);
    if (layout === null) return null;
    const { width, height } = ifd;
    const rowBytes = Math.ceil((layout.bits * width) / 8);
    const data = ifd.data;
    if (data.length < rowBytes * height) return null;
    const png = grayPng(width, height, layout.bits, (y, row) => {
      row.set(data.subarray(y * rowBytes, (y + 1) * rowBytes));
      // PNG gray is black at 0: a WhiteIsZero page's levels are turned over.
      if (layout.whiteIsZero) for (let i = 0; i < row.length; i++) row[i] = 255 - (row[i] as number);
    });
    ifd.data = new Uint8Array(0);
    const n = pages.length + 1;
    await writeFile(join(outDir, `p${n}.png`), png);
    pages.push({ page: n, ...rounded(pictureFrame(width, height)), image: `p${n}.png` });
  }
  return pages;
}

/** How utif2's `toRGBA8` reads a page (its defaults), when that is one gray sample of 1 or 8 bits. */
function grayLayout(ifd: UTIF.IFD): { bits: 1 | 8; whiteIsZero: boolean } | null {
  const tags = ifd as unknown as Record<string, number[] | undefined>;
  const bits = tags.t258 ? Math.min(32, tags.t258[0] as number) : 1;
  let interpretation = tags.t262 ? (tags.t262[0] as number) : 2;
  if (tags.t262 === undefined && bits === 1) interpretation = 0;
  const samples = tags.t277 ? tags.t277[0] : tags.t258 ? tags.t258.length : [1, 1, 3, 1, 1, 4, 3][interpretation];
  if (samples !== 1 || (bits !== 1 && bits !== 8) || (interpretation !== 0 && interpretation !== 1)) return null;
  return { bits, whiteIsZero: interpretation === 0 };
}

/** A PNG's size when every pixel is an opaque gray: gray, or a palette of grays, with no tRNS, iCCP or odd gamma. */
function grayPngSize(b: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((v, i) => b[i] === v)) return null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let size: { width: number; height: number } | null = null;
  let colorType = -1;
  for (let p = 8; p + 8 <= b.length; ) {
    const length = view.getUint32(p);
    const type = String.fromCharCode(...b.subarray(p + 4, p + 8));
    const body = p + 8;
    if (body + length > b.length) return null;
    if (type === "IHDR") {
      size = { width: view.getUint32(body), height: view.getUint32(body + 4) };
      colorType = b[body + 9] as number;
      if (colorType !== 0 && colorType !== 3) return null;
    } else if (type === "PLTE") {
      for (let i = body; i + 2 < body + length; i += 3) if (b[i] !== b[i + 1] || b[i] !== b[i + 2]) return null;
    } else if (type === "tRNS" || type === "iCCP") return null;
    else if (type === "gAMA" && view.getUint32(body) !== 45455) return null;
    else if (type === "IDAT" || type === "IEND") break;
    p = body + length + 4;
  }
  return size !== null && size.width > 0 && size.height > 0 ? size : null;
}

/** A one-component (gray) JPEG's size, when a browser shows it as the canvas draws it. */
function grayJpegSize(b: Uint8Array): { width: number; height: number } | null {
  const info = jpegInfo(b);
  return info !== null && info.components === 1 && info.width > 0 && info.height > 0 ? info : null;
}

/** A gray PNG, `bits` per pixel, its rows filled in turn by `row` (each `ceil(bits × width / 8)` bytes). */
export function grayPng(
  width: number,
  height: number,
  bits: 1 | 8,
  row: (y: number, into: Uint8Array) => void,
): Uint8Array {
  const rowBytes = Math.ceil((bits * width) / 8);
  const raw = new Uint8Array((rowBytes + 1) * height);
  for (let y = 0; y < height; y++) {
    const at = y * (rowBytes + 1);
    raw[at] = 0;
    row(y, raw.subarray(at + 1, at + 1 + rowBytes));
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([bits, 0, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

function chunk(type: string, body: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, "latin1");
  out.set(body, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)), 8 + body.length);
  return out;
}

function rounded(frame: { width: number; height: number }): { width: number; height: number } {
  return { width: Math.round(frame.width * 100) / 100, height: Math.round(frame.height * 100) / 100 };
}
