import type { InputFile } from "../../stages/ingest/index.js";
import type { FrontEnd, InputKindDef } from "./input-kind.js";

/**
 * A front end loaded the first time an input of its kind is read: the folder scan and the batch process read this
 * table without loading any front end (their parsers and stages).
 */
function load<M>(module: () => Promise<M>, pick: (loaded: M) => FrontEnd): FrontEnd {
  return async (input, source, context) => pick(await module())(input, source, context);
}

/**
 * The input kinds the pipeline reads, in the order they are tried (the first whose `sniff` accepts an input
 * reads it) and named in the `unsupported` message. Adding a kind is one registration: an entry here with its
 * front end in a file of this folder, or `registerInputKind` from outside.
 */
const kinds: InputKindDef[] = [
  {
    name: "pdf",
    label: "PDF",
    locator: "page",
    extensions: [".pdf"],
    sniff: (input) => input.kind === "pdf",
    extract: load(
      () => import("./pdf.js"),
      (m) => m.extractPdf,
    ),
  },
  {
    // Before `html`: an archive's HTML part may open within the bytes the HTML sniff looks at.
    name: "mht",
    label: ".mht/.mhtml",
    locator: "path",
    extensions: [".mht", ".mhtml"],
    sniff: (input) => input.kind === "mht",
    extract: load(
      () => import("./web-archive.js"),
      (m) => m.extractWebArchive,
    ),
  },
  {
    name: "html",
    label: "HTML",
    locator: "path",
    extensions: [".html", ".htm"],
    sniff: (input) => input.kind === "html",
    extract: load(
      () => import("./markup.js"),
      (m) => m.extractHtml,
    ),
  },
  {
    name: "docx",
    label: ".docx",
    locator: "path",
    extensions: [".docx"],
    sniff: (input) => input.kind === "docx",
    extract: load(
      () => import("./markup.js"),
      (m) => m.extractDocx,
    ),
  },
  {
    // A .wps saved in the Word 97–2003 format is one of these.
    name: "doc",
    label: ".doc",
    locator: "path",
    extensions: [".doc"],
    sniff: (input) => input.kind === "cfb",
    extract: load(
      () => import("./word-binary.js"),
      (m) => m.extractWord,
    ),
  },
  {
    name: "ofd",
    label: "OFD",
    locator: "page",
    extensions: [".ofd"],
    sniff: (input) => input.kind === "ofd",
    extract: load(
      () => import("./ofd.js"),
      (m) => m.extractOfd,
    ),
  },
  {
    name: "png",
    label: "PNG",
    locator: "page",
    extensions: [".png"],
    sniff: (input) => input.kind === "png",
    extract: load(
      () => import("./image.js"),
      (m) => m.extractImage("png"),
    ),
  },
  {
    name: "jpeg",
    label: "JPEG",
    locator: "page",
    extensions: [".jpg", ".jpeg"],
    sniff: (input) => input.kind === "jpeg",
    extract: load(
      () => import("./image.js"),
      (m) => m.extractImage("jpeg"),
    ),
  },
  {
    name: "tiff",
    label: "TIFF",
    locator: "page",
    extensions: [".tif", ".tiff"],
    sniff: (input) => input.kind === "tiff",
    extract: load(
      () => import("./image.js"),
      (m) => m.extractImage("tiff"),
    ),
  },
  {
    // Tried last, so a .wps that is really HTML, PDF, .docx or Word 97–2003 is read as what it is.
    name: "wps",
    label: ".wps",
    locator: "path",
    extensions: [".wps"],
    sniff: (input) => /\.wps$/i.test(String(input.path)) && (input.kind === "unknown" || input.kind === "zip"),
    extract: load(
      () => import("./word-binary.js"),
      (m) => m.extractOldWps,
    ),
  },
];

/**
 * Adds an input kind, tried before the kind named `before` (a kind whose inputs another kind's sniff would also
 * accept, e.g. an .mht page that holds `<html`) or after all. Its name must be new. Returns the function that
 * removes it again.
 */
export function registerInputKind(kind: InputKindDef, { before }: { before?: string } = {}): () => void {
  if (kinds.some((k) => k.name === kind.name)) throw new Error(`Expected a new input kind, got \`${kind.name}\``);
  const at = before === undefined ? -1 : kinds.findIndex((k) => k.name === before);
  if (before !== undefined && at < 0)
    throw new Error(`Expected a registered input kind to go before, got \`${before}\``);
  kinds.splice(at < 0 ? kinds.length : at, 0, kind);
  return () => {
    const index = kinds.indexOf(kind);
    if (index >= 0) kinds.splice(index, 1);
  };
}

/** The registered kind that reads an input, or undefined. */
export function findInputKind(input: InputFile): InputKindDef | undefined {
  return kinds.find((kind) => kind.sniff(input));
}

/** Whether the folder scan collects a file with this extension (lower case, with the dot) as an input. */
export function isInputExtension(extension: string): boolean {
  return kinds.some((kind) => kind.extensions.includes(extension));
}

/** The extensions a folder walk collects (lower case, with the dot, sorted), for help texts and the output contract. */
export function inputExtensions(): string[] {
  return [...new Set(kinds.flatMap((kind) => kind.extensions))].sort();
}

/** The kinds read, for messages: "PDF, HTML, .docx, OFD, PNG, JPEG and TIFF". */
export function describeInputKinds(): string {
  const labels = kinds.map((k) => k.label);
  return labels.length <= 1 ? labels.join("") : `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`;
}
