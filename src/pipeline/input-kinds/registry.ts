import type { InputFile } from "../../stages/ingest/index.js";
import { jpegKind, pngKind, tiffKind } from "./image.js";
import type { InputKindDef } from "./input-kind.js";
import { docxKind, htmlKind } from "./markup.js";
import { ofdKind } from "./ofd.js";
import { pdfKind } from "./pdf.js";
import { mhtKind } from "./web-archive.js";
import { docKind, wpsKind } from "./word-binary.js";

/**
 * The input kinds the pipeline reads, in the order they are tried (the first whose `sniff` accepts an input
 * reads it) and named in the `unsupported` message. Adding a kind is one registration: its file here, or
 * `registerInputKind` from outside.
 */
const kinds: InputKindDef[] = [
  pdfKind,
  mhtKind,
  htmlKind,
  docxKind,
  docKind,
  ofdKind,
  pngKind,
  jpegKind,
  tiffKind,
  wpsKind,
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

/** The kinds read, for messages: "PDF, HTML, .docx, OFD, PNG, JPEG and TIFF". */
export function describeInputKinds(): string {
  const labels = kinds.map((k) => k.label);
  return labels.length <= 1 ? labels.join("") : `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`;
}
