import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { composeMatrix, type Matrix } from "../../model/matrix.js";
import { PdfDict, PdfKeyword, PdfLexer, PdfName, PdfStream, type PdfValue } from "./pdf-lexer.js";
import { PdfObjects } from "./pdf-objects.js";

import type { PageImage } from "./render-pages.js";

/** A scan page's JPEG as the PDF stores it, and the rectangle of the page it is painted on. */
export interface PageJpeg {
  /** The DCTDecode stream's bytes: a JPEG file a browser shows as it is. */
  readonly bytes: Uint8Array;
  /** Points, origin top-left of the page as pdf.js views it (the cells' frame). */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** What the review needs of a PDF page before deciding how to show it. */
export interface PdfPageLayout {
  /** pdf.js's page size at scale 1 (its view box), in points: the frame of the cells' boxes. */
  readonly width: number;
  readonly height: number;
  /** The page paints nothing but this JPEG (upright, inside the page, covering ≥ 95% each way); else null. */
  readonly jpeg: PageJpeg | null;
  /** The page may show text (visible or not: an OCR layer is searched for narrative sentences too). */
  readonly text: boolean;
}

/**
 * Each page's size and, for a scan page whose picture is a JPEG a browser can show as it is, that JPEG: read
 * with a small PDF reader (pdf-objects.ts), with no pdf.js, no canvas and no pixel decoded. Null for a document
 * this reader does not take (encrypted, a damaged xref, an unusual page tree): pdf.js reads it then.
 */
export function readPdfLayout(bytes: Uint8Array): PdfPageLayout[] | null {
  try {
    const pdf = new PdfObjects(bytes);
    const root = pdf.resolve(pdf.trailer.get("Root"));
    if (!(root instanceof PdfDict)) return null;
    const pages: PdfPageLayout[] = [];
    walkPages(pdf, pdf.resolve(root.get("Pages")), {}, pages, new Set(), 0);
    return pages.length > 0 ? pages : null;
  } catch {
    return null;
  }
}

/**
 * Writes page `n`'s JPEG as `<outDir>/p<n>.jpg`, byte for byte: the browser scales it, and it is placed on the
 * page where the PDF paints it (`picture`), so the cells' boxes, in the page's points, fall where they were read.
 */
export async function writeJpegPage(layout: PdfPageLayout, n: number, outDir: string): Promise<PageImage> {
  const { jpeg } = layout;
  if (jpeg === null) throw new Error(`page ${n} is not a JPEG scan`);
  const image = `p${n}.jpg`;
  await writeFile(join(outDir, image), jpeg.bytes);
  return {
    page: n,
    width: round2(layout.width),
    height: round2(layout.height),
    image,
    picture: { x: round2(jpeg.x), y: round2(jpeg.y), width: round2(jpeg.width), height: round2(jpeg.height) },
  };
}

/** Every page's JPEG (each page a JPEG scan), with `writeJpegPage`. */
export async function writeJpegPages(layout: readonly PdfPageLayout[], outDir: string): Promise<PageImage[]> {
  await mkdir(outDir, { recursive: true });
  const pages: PageImage[] = [];
  for (const [i, page] of layout.entries()) pages.push(await writeJpegPage(page, i + 1, outDir));
  return pages;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

interface Inherited {
  readonly resources?: PdfValue | undefined;
  readonly mediaBox?: PdfValue | undefined;
  readonly cropBox?: PdfValue | undefined;
  readonly rotate?: PdfValue | undefined;
}

function walkPages(
  pdf: PdfObjects,
  node: PdfValue | undefined,
  inherited: Inherited,
  out: PdfPageLayout[],
  seen: Set<PdfValue>,
  depth: number,
): void {
  if (!(node instanceof PdfDict) || seen.has(node) || depth > 64) throw new Error("a page tree node");
  seen.add(node);
  const own: Inherited = {
    resources: node.get("Resources") ?? inherited.resources,
    mediaBox: node.get("MediaBox") ?? inherited.mediaBox,
    cropBox: node.get("CropBox") ?? inherited.cropBox,
    rotate: node.get("Rotate") ?? inherited.rotate,
  };
  const kids = pdf.resolve(node.get("Kids"));
  const type = pdf.resolve(node.get("Type"));
  if (Array.isArray(kids) && !(type instanceof PdfName && type.name === "Page")) {
    for (const kid of kids) walkPages(pdf, pdf.resolve(kid), own, out, seen, depth + 1);
    return;
  }
  out.push(pageLayout(pdf, node, own));
}

const LETTER: readonly number[] = [0, 0, 612, 792];

function pageLayout(pdf: PdfObjects, page: PdfDict, inherited: Inherited): PdfPageLayout {
  // pdf.js's view: the crop box within the media box (each normalized), the media box without one.
  const media = rect(pdf, inherited.mediaBox) ?? LETTER;
  const crop = rect(pdf, inherited.cropBox);
  const view = (crop && intersect(crop, media)) ?? media;
  const [vx0, vy0, vx1, vy1] = view as [number, number, number, number];
  // pdf.js's rotation: a multiple of 90 (else none), turning the view's width and height.
  const given = pdf.resolve(inherited.rotate);
  const rotate =
    typeof given === "number" && Number.isInteger(given) && given % 90 === 0 ? ((given % 360) + 360) % 360 : 0;
  const turned = rotate === 90 || rotate === 270;
  const width = turned ? vy1 - vy0 : vx1 - vx0;
  const height = turned ? vx1 - vx0 : vy1 - vy0;
  const userUnit = pdf.resolve(page.get("UserUnit"));
  const upright = rotate === 0 && (userUnit === undefined || userUnit === 1);
  let painted: Painted;
  try {
    painted = readContent(pdf, page, inherited.resources);
  } catch {
    return { width, height, jpeg: null, text: true };
  }
  if (!upright || painted.image === null) return { width, height, jpeg: null, text: painted.text };
  const { image, ctm, clip } = painted.image;
  const [a, b, c, d, e, f] = ctm;
  const placed = [e, f, e + a, f + d];
  if (
    Math.abs(b) > 1e-6 ||
    Math.abs(c) > 1e-6 ||
    a < width * 0.95 ||
    d < height * 0.95 ||
    !withinPoint(placed, view) ||
    (clip !== null && !withinPoint(placed, clip))
  ) {
    return { width, height, jpeg: null, text: painted.text };
  }
  const bytes = browserJpeg(pdf, image);
  if (bytes === null) return { width, height, jpeg: null, text: painted.text };
  return { width, height, jpeg: { bytes, x: e - vx0, y: vy1 - (f + d), width: a, height: d }, text: painted.text };
}

/** Whether box `inner` lies within `outer` ([x0 y0 x1 y1] each) give or take a point. */
export function withinPoint(inner: readonly number[], outer: readonly number[]): boolean {
  return (
    (inner[0] as number) >= (outer[0] as number) - 1 &&
    (inner[1] as number) >= (outer[1] as number) - 1 &&
    (inner[2] as number) <= (outer[2] as number) + 1 &&
    (inner[3] as number) <= (outer[3] as number) + 1
  );
}

function rect(pdf: PdfObjects, value: PdfValue | undefined): number[] | null {
  const box = pdf.resolve(value);
  if (!Array.isArray(box) || box.length !== 4) return null;
  const n = box.map((v) => pdf.resolve(v));
  if (!n.every((v): v is number => typeof v === "number")) return null;
  const [x0, y0, x1, y1] = n as [number, number, number, number];
  const r = [Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1)];
  return (r[2] as number) > (r[0] as number) && (r[3] as number) > (r[1] as number) ? r : null;
}

function intersect(a: readonly number[], b: readonly number[]): number[] | null {
  const r = [
    Math.max(a[0] as number, b[0] as number),
    Math.max(a[1] as number, b[1] as number),
    Math.min(a[2] as number, b[2] as number),
    Math.min(a[3] as number, b[3] as number),
  ];
  return (r[2] as number) > (r[0] as number) && (r[3] as number) > (r[1] as number) ? r : null;
}

interface Painted {
  /** The one image painted and the matrix and rectangular clip (user space) it was painted with; null if none. */
  readonly image: { readonly image: PdfStream; readonly ctm: Matrix; readonly clip: number[] | null } | null;
  readonly text: boolean;
}

/** Operators that set state only a stroke, a fill or visible text would use. */
// biome-ignore format: a list of operators
const INERT = new Set([
  "w", "J", "j", "M", "d", "ri", "i",
  "g", "G", "rg", "RG", "k", "K", "cs", "CS", "sc", "scn", "SC", "SCN",
  "BT", "ET", "Tf", "Td", "TD", "Tm", "T*", "Tc", "Tw", "Tz", "TL", "Ts",
  "BMC", "BDC", "EMC", "MP", "DP", "BX", "EX",
]);

const PATH = new Set(["m", "l", "c", "v", "y", "h"]);
const SHOW = new Set(["Tj", "TJ", "'", '"']);

/**
 * Reads the page's content: the one image it paints, or throws for anything else painted (paths stroked or
 * filled, visible text, shadings, inline images, forms, a second image, a clip that is not a rectangle, an
 * extended graphics state, which may set transparency). Invisible text (render mode 3, an OCR layer) paints
 * nothing and is allowed.
 */
function readContent(pdf: PdfObjects, page: PdfDict, inheritedResources: PdfValue | undefined): Painted {
  const resources = pdf.resolve(inheritedResources);
  const xobjects = resources instanceof PdfDict ? pdf.resolve(resources.get("XObject")) : undefined;
  const contents = pdf.resolve(page.get("Contents"));
  const parts = (Array.isArray(contents) ? contents.map((c) => pdf.resolve(c)) : [contents]).filter(
    (c) => c !== undefined && c !== null,
  );
  const chunks: Uint8Array[] = [];
  for (const part of parts) {
    if (!(part instanceof PdfStream)) throw new Error("contents that are not a stream");
    chunks.push(pdf.decode(part), new Uint8Array([10]));
  }
  const data = Buffer.concat(chunks);
  const lexer = new PdfLexer(data);
  type State = { ctm: Matrix; tr: number; clip: number[] | null };
  let state: State = { ctm: [1, 0, 0, 1, 0, 0], tr: 0, clip: null };
  const stack: State[] = [];
  let operands: PdfValue[] = [];
  let path: number[][] = [];
  let pathOther = false;
  let image: Painted["image"] = null;
  let text = false;
  for (;;) {
    const token = lexer.value();
    if (token === undefined) break;
    if (!(token instanceof PdfKeyword)) {
      operands.push(token);
      continue;
    }
    const op = token.word;
    const nums = operands.filter((v): v is number => typeof v === "number");
    if (op === "q") stack.push(state);
    else if (op === "Q") state = stack.pop() ?? state;
    else if (op === "cm") {
      if (nums.length !== 6) throw new Error("cm");
      state = { ...state, ctm: composeMatrix(state.ctm, nums as Matrix) };
    } else if (op === "Tr") state = { ...state, tr: nums[0] ?? 0 };
    else if (SHOW.has(op)) {
      text = true;
      if (state.tr !== 3) throw new Error("visible text");
    } else if (op === "re") {
      if (nums.length !== 4) throw new Error("re");
      path.push(transformRect(nums, state.ctm));
    } else if (PATH.has(op)) pathOther = true;
    else if (op === "W" || op === "W*") {
      if (pathOther || path.length !== 1) throw new Error("a clip that is not one rectangle");
      const clip = path[0] as number[];
      state = { ...state, clip: state.clip === null ? clip : (intersect(state.clip, clip) ?? [0, 0, 0, 0]) };
    } else if (op === "n") {
      path = [];
      pathOther = false;
    } else if (op === "Do") {
      const name = operands[0];
      const object =
        xobjects instanceof PdfDict && name instanceof PdfName ? pdf.resolve(xobjects.get(name.name)) : null;
      const subtype = object instanceof PdfStream ? pdf.resolve(object.dict.get("Subtype")) : null;
      if (image !== null || !(object instanceof PdfStream) || !(subtype instanceof PdfName) || subtype.name !== "Image")
        throw new Error("a form or a second image");
      image = { image: object, ctm: state.ctm, clip: state.clip };
    } else if (!INERT.has(op)) throw new Error(`paints: ${op}`);
    operands = [];
  }
  return { image, text };
}

/** A rectangle `x y w h` through an upright matrix, as [x0 y0 x1 y1]; throws for a rotated or skewed one. */
function transformRect(r: number[], m: Matrix): number[] {
  if (Math.abs(m[1]) > 1e-6 || Math.abs(m[2]) > 1e-6) throw new Error("a rotated clip");
  const [x, y, w, h] = r as [number, number, number, number];
  const xs = [x * m[0] + m[4], (x + w) * m[0] + m[4]];
  const ys = [y * m[3] + m[5], (y + h) * m[3] + m[5]];
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/**
 * The image's JPEG when a browser shows it as pdf.js draws it: DCTDecode alone, 8-bit DeviceGray or DeviceRGB
 * with as many components in the JPEG, no decode array, mask or soft mask, a baseline or progressive Huffman JPEG
 * of the size the dictionary gives, not turned by an Exif orientation (a browser would turn it; pdf.js does not).
 */
function browserJpeg(pdf: PdfObjects, image: PdfStream): Uint8Array | null {
  const get = (key: string) => pdf.resolve(image.dict.get(key));
  const filter = get("Filter");
  const filters = Array.isArray(filter) ? filter.map((f) => pdf.resolve(f)) : [filter];
  if (filters.length !== 1 || !(filters[0] instanceof PdfName) || filters[0].name !== "DCTDecode") return null;
  const parms = get("DecodeParms");
  if (parms !== undefined && parms !== null && !(Array.isArray(parms) && parms.every((p) => p === null))) return null;
  if (get("Decode") !== undefined || get("SMask") !== undefined || get("Mask") !== undefined) return null;
  if (get("ImageMask") === true || get("BitsPerComponent") !== 8) return null;
  const space = get("ColorSpace");
  const components = space instanceof PdfName ? { DeviceGray: 1, DeviceRGB: 3 }[space.name] : undefined;
  if (components === undefined) return null;
  const info = jpegInfo(image.raw);
  if (info === null || info.components !== components) return null;
  if (info.width !== get("Width") || info.height !== get("Height")) return null;
  return image.raw;
}

/** A JPEG's size and components from its frame header; null for one a browser may show otherwise than pdf.js. */
export function jpegInfo(b: Uint8Array): { width: number; height: number; components: number } | null {
  if (b[0] !== 0xff || b[1] !== 0xd8) return null;
  let p = 2;
  while (p + 4 <= b.length) {
    if (b[p] !== 0xff) return null;
    const marker = b[p + 1] as number;
    if (marker === 0xff) {
      p++;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      p += 2;
      continue;
    }
    const length = ((b[p + 2] as number) << 8) | (b[p + 3] as number);
    const body = b.subarray(p + 4, p + 2 + length);
    if (marker === 0xc0 || marker === 0xc1 || marker === 0xc2) {
      if (body[0] !== 8) return null;
      return {
        height: ((body[1] as number) << 8) | (body[2] as number),
        width: ((body[3] as number) << 8) | (body[4] as number),
        components: body[5] as number,
      };
    }
    // Lossless, hierarchical or arithmetic-coded frames, or scan data before a frame.
    if ((marker >= 0xc3 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) || marker === 0xda)
      return null;
    if (marker === 0xe1 && exifOrientation(body) !== 1) return null;
    p += 2 + length;
  }
  return null;
}

/** The Exif orientation an APP1 segment gives (1 when it gives none or is not Exif). */
function exifOrientation(app1: Uint8Array): number {
  if (latinPrefix(app1, 6) !== "Exif\0\0") return 1;
  const t = app1.subarray(6);
  const little = t[0] === 0x49;
  const u16 = (o: number) =>
    little ? (t[o] as number) | ((t[o + 1] as number) << 8) : ((t[o] as number) << 8) | (t[o + 1] as number);
  const u32 = (o: number) => (little ? u16(o) + u16(o + 2) * 65536 : u16(o) * 65536 + u16(o + 2));
  if (t.length < 8) return 1;
  const ifd = u32(4);
  if (ifd + 2 > t.length) return 0;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const e = ifd + 2 + i * 12;
    if (e + 12 > t.length) return 0;
    if (u16(e) === 0x0112) return u16(e + 8);
  }
  return 1;
}

function latinPrefix(b: Uint8Array, n: number): string {
  return String.fromCharCode(...b.subarray(0, n));
}
