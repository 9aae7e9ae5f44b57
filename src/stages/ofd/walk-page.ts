import { InputError } from "../../errors.js";
import type { Box } from "../../model/geometry.js";
import { composeMatrix, type Matrix } from "../../model/matrix.js";
import { boxOf, chainDrawParam, type DrawContext, imageMark, pathMark, textMark, unitMatrix } from "./object-marks.js";
import type { OfdMark, OfdPage } from "./ofd-marks.js";
import { folderOf } from "./ofd-package.js";
import { commandsBox, parsePathData, transformPath } from "./path-data.js";
import { type OfdDocument, readResources } from "./read-document.js";
import {
  type DrawParam,
  emptyResources,
  mergeResources,
  type OfdResources,
  readBoundary,
  readBox,
} from "./resources.js";
import { boolAttr, childOf, childrenOf, numberList, parseXml, type XmlElement } from "./xml.js";

/** Millimetres to points. */
export const PT_PER_MM = 72 / 25.4;
/**
 * Marks one page may paint: a dense real page paints a few tens of thousands; composite units drawn inside each
 * other multiply (ten units of ten units … eight deep is 10^8 from a few KiB). Past it, `too_large`.
 */
export const MAX_MARKS_PER_PAGE = 200_000;

/** Parsed template parts of one document, shared by its pages. */
export type TemplateCache = Map<string, XmlElement | Error>;

/**
 * Reads page `index` (0-based) of the document, numbered `pageNumber` in the package (documents after the first
 * number on from the ones before): its templates behind (ZOrder Background, the default) and in
 * front of (Foreground) its own content, layers in the order Background, Body, Foreground (§7.7), and every
 * object inside them, PageBlocks and composite units included, as marks on the page in points. Throws an
 * `InputError` for a page whose content part is missing, refused or unreadable.
 */
export function readPage(doc: OfdDocument, index: number, templates: TemplateCache, pageNumber = index + 1): OfdPage {
  const ref = doc.pages[index];
  if (ref === undefined) throw new RangeError(`Expected a page index below ${doc.pages.length}, got ${index}`);
  if (!("path" in ref.located)) throw new InputError("corrupt", `its content part: ${ref.located.refused}`);
  const part = ref.located.path;
  const page = childOf(parseXml(doc.pkg.read(part), part), "Page");
  if (!page) throw new InputError("corrupt", `${part} has no ofd:Page root element`);
  const notes: string[] = [];
  const area = childOf(page, "Area");
  const box = readBox(childOf(area, "PhysicalBox")?.text) ?? doc.pageBox;
  let resources = doc.resources;
  const own = emptyResources();
  for (const res of childrenOf(page, "PageRes"))
    notes.push(...readResources(doc.pkg, res, folderOf(part), doc.folder, own));
  if (own.fonts.size + own.drawParams.size + own.media.size + own.composites.size > 0)
    resources = mergeResources(resources, own);
  const matrix: Matrix = [PT_PER_MM, 0, 0, PT_PER_MM, -box[0] * PT_PER_MM, -box[1] * PT_PER_MM];
  const walker = new Walker(resources);
  const base: DrawContext = { matrix, drawParam: {}, clip: null, resources };
  const placed = childrenOf(page, "Template").map((t) => ({
    id: t.attrs.TemplateID ?? "",
    zOrder: t.attrs.ZOrder ?? doc.templates.get(t.attrs.TemplateID ?? "")?.zOrder ?? "Background",
  }));
  const drawTemplates = (zOrder: string) => {
    for (const { id } of placed.filter((t) => (t.zOrder === "Foreground") === (zOrder === "Foreground"))) {
      const content = templateContent(doc, id, templates);
      if (content instanceof Error) notes.push(`template ${id}: ${content.message}`);
      else walker.layers(content, base);
    }
  };
  drawTemplates("Background");
  walker.layers(page, base);
  drawTemplates("Foreground");
  return {
    page: pageNumber,
    width: box[2] * PT_PER_MM,
    height: box[3] * PT_PER_MM,
    marks: walker.marks,
    notes: [...notes, ...walker.notes],
  };
}

function templateContent(doc: OfdDocument, id: string, cache: TemplateCache): XmlElement | Error {
  const cached = cache.get(id);
  if (cached !== undefined) return cached;
  let result: XmlElement | Error;
  const ref = doc.templates.get(id);
  if (ref === undefined) result = new Error("not declared in Document.xml");
  else if (!("path" in ref.located)) result = new Error(ref.located.refused);
  else {
    try {
      const part = ref.located.path;
      result = childOf(parseXml(doc.pkg.read(part), part), "Page") ?? new Error(`${part} has no ofd:Page root element`);
    } catch (error) {
      if (error instanceof InputError && error.errorClass !== "corrupt") throw error;
      result = error instanceof Error ? error : new Error(String(error));
    }
  }
  cache.set(id, result);
  return result;
}

const LAYER_ORDER: Record<string, number> = { Background: 0, Body: 1, Foreground: 2 };

class Walker {
  readonly marks: OfdMark[] = [];
  readonly notes: string[] = [];
  readonly #resources: OfdResources;
  /** Composite units being drawn: a unit that draws itself (directly or not) is drawn once. */
  readonly #drawing = new Set<string>();

  constructor(resources: OfdResources) {
    this.#resources = resources;
  }

  /** The layers of a page or template's Content, in layer-type order (a stable sort keeps their own order). */
  layers(page: XmlElement, context: DrawContext): void {
    const layers = childrenOf(childOf(page, "Content"), "Layer");
    const ordered = layers
      .map((layer, i) => ({ layer, i, rank: LAYER_ORDER[layer.attrs.Type ?? "Body"] ?? 1 }))
      .sort((a, b) => a.rank - b.rank || a.i - b.i);
    for (const { layer } of ordered) {
      const drawParam = layer.attrs.DrawParam ? chainDrawParam(layer.attrs.DrawParam, this.#resources) : {};
      this.block(layer, { ...context, drawParam });
    }
  }

  /** The objects of a Layer, PageBlock or composite unit's Content. */
  block(container: XmlElement, context: DrawContext): void {
    for (const element of container.children) {
      if (this.marks.length > MAX_MARKS_PER_PAGE) {
        throw new InputError("too_large", `A page paints more than ${MAX_MARKS_PER_PAGE} objects`);
      }
      if (!boolAttr(element, "Visible", true)) continue;
      if (element.name === "PageBlock") {
        this.block(element, context);
        continue;
      }
      const clip = this.clipOf(element, context);
      if (element.name === "TextObject") push(this.marks, textMark(element, context, clip));
      else if (element.name === "PathObject") push(this.marks, pathMark(element, context, clip));
      else if (element.name === "ImageObject") this.marks.push(imageMark(element, context, clip));
      else if (element.name === "CompositeObject") this.composite(element, context, clip);
    }
  }

  /** A CompositeObject (§13): its unit's content drawn in the object's own coordinates. */
  composite(element: XmlElement, context: DrawContext, clip: Box | null): void {
    const id = element.attrs.ResourceID ?? "";
    const unit = this.#resources.composites.get(id);
    if (unit?.content === undefined) {
      this.notes.push(`composite object: resource ${id} not found`);
      return;
    }
    if (this.#drawing.has(id)) return;
    this.#drawing.add(id);
    const drawParam: DrawParam = element.attrs.DrawParam
      ? { ...context.drawParam, ...chainDrawParam(element.attrs.DrawParam, this.#resources) }
      : context.drawParam;
    this.block(unit.content, { ...context, matrix: unitMatrix(element, context), drawParam, clip });
    this.#drawing.delete(id);
  }

  /**
   * The box an object's Clips leave visible (§8.5: every Clip must hold, within one Clip any Area), intersected
   * with the clip it inherits; as boxes, so a clip shaped otherwise (a seal's circle) is taken by its box. An
   * Area's path is placed like a graphic unit inside the object's Boundary space, through the Area's CTM, and
   * through the object's CTM too when TransFlag is true.
   */
  clipOf(element: XmlElement, context: DrawContext): Box | null {
    let clip = context.clip;
    const clips = childOf(element, "Clips");
    if (!clips) return clip;
    const [bx, by] = readBoundary(element.attrs.Boundary) ?? [0, 0];
    const inBoundary = composeMatrix(context.matrix, [1, 0, 0, 1, bx, by]);
    const ctm = numberList(element.attrs.CTM);
    const transFlag = boolAttr(clips, "TransFlag", false) && ctm.length >= 6;
    const space = transFlag ? composeMatrix(inBoundary, ctm.slice(0, 6) as Matrix) : inBoundary;
    for (const one of childrenOf(clips, "Clip")) {
      let union: Box | null = null;
      for (const area of childrenOf(one, "Area")) {
        const areaCtm = numberList(area.attrs.CTM);
        const areaSpace = areaCtm.length >= 6 ? composeMatrix(space, areaCtm.slice(0, 6) as Matrix) : space;
        const shape = childOf(area, "Path") ?? childOf(area, "Text");
        if (!shape) continue;
        const box = readBoundary(shape.attrs.Boundary);
        if (!box) continue;
        const inner = unitMatrix(shape, { ...context, matrix: areaSpace });
        const commands = transformPath(parsePathData(childOf(shape, "AbbreviatedData")?.text ?? ""), inner);
        const drawn = commands.length > 0 ? commandsBox(commands) : boxOf(UNIT_CORNERS, scaleBox(areaSpace, box));
        union =
          union === null
            ? drawn
            : [
                Math.min(union[0], drawn[0]),
                Math.min(union[1], drawn[1]),
                Math.max(union[2], drawn[2]),
                Math.max(union[3], drawn[3]),
              ];
      }
      if (union === null) continue;
      clip =
        clip === null
          ? union
          : [
              Math.max(clip[0], union[0]),
              Math.max(clip[1], union[1]),
              Math.min(clip[2], union[2]),
              Math.min(clip[3], union[3]),
            ];
    }
    return clip;
  }
}

const UNIT_CORNERS: [number, number][] = [
  [0, 0],
  [1, 1],
];

/** The matrix mapping the unit square onto box `[x, y, w, h]` of the space `m` maps to the page. */
function scaleBox(m: Matrix, box: readonly [number, number, number, number]): Matrix {
  return composeMatrix(m, [box[2], 0, 0, box[3], box[0], box[1]]);
}

function push<T>(list: T[], value: T | null): void {
  if (value !== null) list.push(value);
}
