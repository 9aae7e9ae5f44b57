import type { OfdColor } from "./ofd-marks.js";
import { folderOf, type OfdPackage } from "./ofd-package.js";
import { childOf, childrenOf, childText, numberAttr, numberList, parseXml, type XmlElement } from "./xml.js";

/** A DrawParam resource (GB/T 33190 §8.2): line width and colours, inheriting from its `Relative`. */
export interface DrawParam {
  readonly relative?: string;
  /** Millimetres. */
  readonly lineWidth?: number;
  readonly stroke?: OfdColor;
  readonly fill?: OfdColor;
}

/** A multimedia resource (an image) with its part in the package, or why it has none. */
export interface MediaResource {
  readonly part: string | null;
  readonly note: string | null;
}

/** A composite graphic unit (§13): a block of page objects drawn where a CompositeObject places it. */
export interface CompositeUnit {
  readonly content: XmlElement | undefined;
}

/**
 * Resources by ID, merged from every resource file of the document (PublicRes, DocumentRes) and of a page
 * (PageRes). IDs are unique across a document (MaxUnitID), so one map per kind serves them all.
 */
export interface OfdResources {
  readonly fonts: Map<string, string>;
  readonly drawParams: Map<string, DrawParam>;
  readonly media: Map<string, MediaResource>;
  readonly composites: Map<string, CompositeUnit>;
  readonly colorSpaces: Map<string, string>;
}

export function emptyResources(): OfdResources {
  return { fonts: new Map(), drawParams: new Map(), media: new Map(), composites: new Map(), colorSpaces: new Map() };
}

/** A copy of `base` with the resources of `more` added (a page's own resources over the document's). */
export function mergeResources(base: OfdResources, more: OfdResources): OfdResources {
  return {
    fonts: new Map([...base.fonts, ...more.fonts]),
    drawParams: new Map([...base.drawParams, ...more.drawParams]),
    media: new Map([...base.media, ...more.media]),
    composites: new Map([...base.composites, ...more.composites]),
    colorSpaces: new Map([...base.colorSpaces, ...more.colorSpaces]),
  };
}

/**
 * Reads one resource file into `into`. Its `BaseLoc` names the folder its media files are in, relative to the
 * resource file; `docFolder` is tried as well for producers that write paths from the document's folder.
 * Returns notes on what could not be found.
 */
export function readResourceFile(pkg: OfdPackage, part: string, docFolder: string, into: OfdResources): string[] {
  const notes: string[] = [];
  const root = childOf(parseXml(pkg.read(part), part), "Res");
  if (!root) return [`${part} is not a resource file`];
  const folder = folderOf(part);
  const baseLoc = root.attrs.BaseLoc?.trim() ?? "";
  // BaseLoc is a folder (no part of its own), resolved against the resource file's folder; a `..` above the
  // root stops at the root: every lookup stays among the package's own parts.
  const outside = /^[a-z][a-z0-9+.-]*:|^\/\//i.test(baseLoc);
  if (outside) notes.push(`${part}: BaseLoc ${baseLoc} points outside the package; its files are looked for inside`);
  const mediaFolder = baseLoc === "" || outside ? folder : resolveFolder(baseLoc, folder);
  for (const space of childrenOf(childOf(root, "ColorSpaces"), "ColorSpace")) {
    if (space.attrs.ID) into.colorSpaces.set(space.attrs.ID, (space.attrs.Type ?? "RGB").toUpperCase());
  }
  for (const font of childrenOf(childOf(root, "Fonts"), "Font")) {
    if (font.attrs.ID) into.fonts.set(font.attrs.ID, font.attrs.FontName ?? font.attrs.FamilyName ?? "");
  }
  for (const param of childrenOf(childOf(root, "DrawParams"), "DrawParam")) {
    if (param.attrs.ID) into.drawParams.set(param.attrs.ID, readDrawParam(param, into.colorSpaces));
  }
  for (const media of childrenOf(childOf(root, "MultiMedias"), "MultiMedia")) {
    const id = media.attrs.ID;
    const file = childText(media, "MediaFile");
    if (!id) continue;
    if (file === undefined) {
      into.media.set(id, { part: null, note: `image ${id} names no file` });
      continue;
    }
    const found = pkg.locate(file, mediaFolder, [folder, docFolder, `${docFolder}/Res`]);
    if ("path" in found) into.media.set(id, { part: found.path, note: null });
    else {
      into.media.set(id, { part: null, note: `image ${id}: ${found.refused}` });
      notes.push(`image ${id}: ${found.refused}`);
    }
  }
  for (const unit of childrenOf(childOf(root, "CompositeGraphicUnits"), "CompositeGraphicUnit")) {
    if (unit.attrs.ID) into.composites.set(unit.attrs.ID, { content: childOf(unit, "Content") });
  }
  return notes;
}

/** A folder reference (BaseLoc) resolved like a part reference, without requiring a part there. */
function resolveFolder(baseLoc: string, folder: string): string {
  const ref = baseLoc.replace(/\\/g, "/");
  const joined = ref.startsWith("/") ? ref : `${folder}/${ref}`;
  const out: string[] = [];
  for (const part of joined.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return out.join("/");
}

export function readDrawParam(param: XmlElement, spaces: ReadonlyMap<string, string>): DrawParam {
  const out: { -readonly [K in keyof DrawParam]: DrawParam[K] } = {};
  if (param.attrs.Relative) out.relative = param.attrs.Relative;
  const width = numberAttr(param, "LineWidth", Number.NaN);
  if (Number.isFinite(width)) out.lineWidth = width;
  const stroke = readColor(childOf(param, "StrokeColor"), spaces);
  const fill = readColor(childOf(param, "FillColor"), spaces);
  if (stroke) out.stroke = stroke;
  if (fill) out.fill = fill;
  return out;
}

/**
 * A colour element (CT_Color): `Value` in its colour space (RGB by default; GRAY, CMYK), components 0–255
 * written as decimals or `#hex`; `Alpha` 0–255. Null when absent or unreadable (a pattern, a shading).
 */
export function readColor(element: XmlElement | undefined, spaces: ReadonlyMap<string, string>): OfdColor | null {
  if (!element) return null;
  const raw = element.attrs.Value?.trim();
  const alpha = Math.min(255, Math.max(0, numberAttr(element, "Alpha", 255))) / 255;
  if (!raw)
    return childOf(element, "AxialShd") || childOf(element, "RadialShd") ? { r: 128, g: 128, b: 128, a: alpha } : null;
  const values = raw.split(/[\s,]+/).map((v) => (v.startsWith("#") ? Number.parseInt(v.slice(1), 16) : Number(v)));
  if (values.some((v) => !Number.isFinite(v))) return null;
  const space =
    spaces.get(element.attrs.ColorSpace ?? "") ?? (values.length === 1 ? "GRAY" : values.length === 4 ? "CMYK" : "RGB");
  const [a = 0, b = 0, c = 0, d = 0] = values.map((v) => Math.min(255, Math.max(0, v)));
  if (space === "GRAY") return { r: a, g: a, b: a, a: alpha };
  if (space === "CMYK") {
    const k = 1 - d / 255;
    return { r: 255 * (1 - a / 255) * k, g: 255 * (1 - b / 255) * k, b: 255 * (1 - c / 255) * k, a: alpha };
  }
  return { r: a, g: b, b: c, a: alpha };
}

/**
 * An ST_Box `x y w h` (millimetres) as a page size: null unless four numbers with a positive width and height.
 */
export function readBox(raw: string | undefined): [number, number, number, number] | null {
  const values = numberList(raw);
  if (values.length < 4) return null;
  const [x, y, w, h] = values as [number, number, number, number];
  return w > 0 && h > 0 ? [x, y, w, h] : null;
}

/**
 * A graphic unit's Boundary `x y w h` (millimetres) as written: producers write a zero or negative width or
 * height (a hidden text layer, a rotated watermark), so only four numbers are required; null otherwise.
 */
export function readBoundary(raw: string | undefined): [number, number, number, number] | null {
  const values = numberList(raw);
  return values.length < 4 ? null : (values.slice(0, 4) as [number, number, number, number]);
}
