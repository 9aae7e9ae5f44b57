import { InputError } from "../../errors.js";
import { folderOf, type Located, type OfdPackage } from "./ofd-package.js";
import { emptyResources, type OfdResources, readBox, readResourceFile } from "./resources.js";
import { childOf, childrenOf, childText, parseXml, type XmlElement } from "./xml.js";

/** A page of the document: its content part (or why there is none) and its ID. */
export interface OfdPageRef {
  readonly id: string;
  readonly located: Located;
}

/** A page template (§7.5 TemplatePage): its content part and its default z-order. */
export interface OfdTemplateRef {
  readonly located: Located;
  readonly zOrder: "Background" | "Foreground";
}

/** A document an OFD's DocBody names: pages, templates, resources and the default page box. */
export interface OfdDocument {
  readonly pkg: OfdPackage;
  /** Folder of Document.xml in the package. */
  readonly folder: string;
  readonly pages: readonly OfdPageRef[];
  readonly templates: ReadonlyMap<string, OfdTemplateRef>;
  readonly resources: OfdResources;
  /** CommonData/PageArea/PhysicalBox in millimetres `[x, y, w, h]`; A4 when absent. */
  readonly pageBox: readonly [number, number, number, number];
  /** Why parts of the document were left out (a resource file not found). */
  readonly notes: readonly string[];
}

/** A4 portrait in millimetres, the page box when neither the page nor the document gives one. */
export const A4_BOX = [0, 0, 210, 297] as const;

/** Documents read from one package: a real OFD holds one or a few (a 公文 and its attachment). */
const MAX_DOCUMENTS = 64;

/**
 * Reads OFD.xml (the entry point: GB/T 33190 §7.4) and the Document.xml of every DocBody, in order: a package
 * may hold several documents (a cover letter, then the report), and reading only the first would lose the
 * rest without a word. A package without OFD.xml, or whose first DocRoot names no part, is `corrupt`; a later
 * DocBody that names none, or a document named twice, is left out with a note.
 */
export function readDocuments(pkg: OfdPackage): OfdDocument[] {
  const entry = pkg.locate("/OFD.xml", "");
  if (!("path" in entry)) throw new InputError("corrupt", "The OFD package has no OFD.xml at its root");
  const ofd = childOf(parseXml(pkg.read(entry.path), "OFD.xml"), "OFD");
  if (!ofd) throw new InputError("corrupt", "OFD.xml has no ofd:OFD root element");
  const bodies = childrenOf(ofd, "DocBody").slice(0, MAX_DOCUMENTS);
  const documents: OfdDocument[] = [];
  const seen = new Set<string>();
  const skipped: string[] = [];
  for (const [i, body] of bodies.entries()) {
    const docRoot = childText(body, "DocRoot");
    const located = docRoot === undefined ? { refused: "no DocRoot" } : pkg.locate(docRoot, "");
    if (i === 0 && docRoot === undefined)
      throw new InputError("corrupt", "OFD.xml names no document (DocBody/DocRoot)");
    if (!("path" in located)) {
      if (i === 0) throw new InputError("corrupt", `OFD.xml's DocRoot: ${located.refused}`);
      skipped.push(`document ${i + 1} (DocBody) left out: ${located.refused}`);
      continue;
    }
    if (seen.has(located.path)) {
      skipped.push(`document ${i + 1} (DocBody) left out: it names ${located.path} again`);
      continue;
    }
    seen.add(located.path);
    try {
      documents.push(readOneDocument(pkg, located.path));
    } catch (error) {
      if (i === 0 || !(error instanceof InputError) || error.errorClass !== "corrupt") throw error;
      skipped.push(`document ${i + 1} (DocBody) left out: ${error.message}`);
    }
  }
  const [first, ...rest] = documents as [OfdDocument, ...OfdDocument[]];
  const notes = [...skipped];
  if (documents.length > 1)
    notes.push(`the OFD holds ${documents.length} documents (DocBody); their pages are read in order, as one`);
  return [{ ...first, notes: [...first.notes, ...notes] }, ...rest];
}

function readOneDocument(pkg: OfdPackage, path: string): OfdDocument {
  const document = childOf(parseXml(pkg.read(path), path), "Document");
  if (!document) throw new InputError("corrupt", `${path} has no ofd:Document root element`);
  const folder = folderOf(path);
  const common = childOf(document, "CommonData");
  const notes: string[] = [];
  const resources = emptyResources();
  for (const name of ["PublicRes", "DocumentRes"]) {
    for (const res of childrenOf(common, name)) notes.push(...readResources(pkg, res, folder, folder, resources));
  }
  const templates = new Map<string, OfdTemplateRef>();
  for (const template of childrenOf(common, "TemplatePage")) {
    const id = template.attrs.ID;
    const loc = template.attrs.BaseLoc;
    if (id === undefined || loc === undefined) continue;
    const zOrder = template.attrs.ZOrder === "Foreground" ? "Foreground" : "Background";
    templates.set(id, { located: pkg.locate(loc, folder), zOrder });
  }
  const pages = childrenOf(childOf(document, "Pages"), "Page").map((page) => ({
    id: page.attrs.ID ?? "",
    located:
      page.attrs.BaseLoc === undefined ? { refused: "a page with no BaseLoc" } : pkg.locate(page.attrs.BaseLoc, folder),
  }));
  const pageBox = readBox(childText(childOf(common, "PageArea"), "PhysicalBox")) ?? A4_BOX;
  return { pkg, folder, pages, templates, resources, pageBox, notes };
}

/**
 * Reads the resource file a `PublicRes`/`DocumentRes`/`PageRes` element names (relative to the folder `from`)
 * into `into`; returns notes on what was left out. A damaged resource file is a note, not a failure.
 */
export function readResources(
  pkg: OfdPackage,
  element: XmlElement,
  from: string,
  docFolder: string,
  into: OfdResources,
): string[] {
  const loc = element.text.trim();
  if (loc === "") return [];
  const located = pkg.locate(loc, from);
  if (!("path" in located)) return [`resource file ${loc}: ${located.refused}`];
  try {
    return readResourceFile(pkg, located.path, docFolder, into);
  } catch (error) {
    if (error instanceof InputError && error.errorClass !== "corrupt") throw error;
    return [`resource file ${located.path} could not be read: ${(error as Error).message}`];
  }
}
