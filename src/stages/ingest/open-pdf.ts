import { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";
import type { DocumentInitParameters } from "pdfjs-dist/types/src/display/api.js";
import { describeError, InputError } from "../../errors.js";

import type { PdfDocument, PdfPage } from "../../model/pdf.js";
import { LoopbackPort } from "./loopback-port.js";

export type { PdfDocument, PdfPage };

const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve("pdfjs-dist/package.json"));
// In Node pdf.js reads these with fs.readFile(base + name): plain paths ending in the separator.
const cMapUrl = join(pdfjsRoot, "cmaps") + sep;
const standardFontDataUrl = join(pdfjsRoot, "standard_fonts") + sep;
// pdf.js 6 decodes JBIG2, JPX (OpenJPEG) and CCITT images and converts ICC colours in WebAssembly loaded from
// here; without it those images are drawn blank (a fax-style G4 scan reads as an empty page).
const wasmUrl = join(pdfjsRoot, "wasm") + sep;
const iccUrl = join(pdfjsRoot, "iccs") + sep;

/**
 * pdf.js options for untrusted input. CJK text needs the packed CMaps and the standard font data of the
 * installed package. `isEvalSupported: false` is kept for pdf.js < 6; 6.x removed the option together with
 * its eval-based font path, so there it is inert.
 */
const baseOptions: DocumentInitParameters & { isEvalSupported?: boolean } = {
  cMapUrl,
  cMapPacked: true,
  standardFontDataUrl,
  wasmUrl,
  iccUrl,
  isEvalSupported: false,
  useSystemFonts: false,
  stopAtErrors: false,
  verbosity: 0,
};

/**
 * Opens a PDF that may be drawn (rendered to a canvas), runs `fn` and always destroys the document and its
 * worker.
 */
export async function withPdfDocument<T>(data: Uint8Array, fn: (doc: PdfDocument) => Promise<T>): Promise<T> {
  const task = await openTask(data, baseOptions);
  try {
    return await fn(await opened(task));
  } finally {
    await task.destroy();
  }
}

/**
 * Opens a PDF for reading its text and operators, never for drawing, and runs `fn` with it and `drawable`,
 * which opens the same bytes as a document that may be drawn (OCR renders pages) the first time it is called.
 * Both are destroyed when `fn` settles. The reading document leaves out what only drawing needs (see
 * `readingOptions`); the text and operators pdf.js gives are the same.
 */
export async function withPdfReader<T>(
  data: Uint8Array,
  fn: (doc: PdfDocument, drawable: () => Promise<PdfDocument>) => Promise<T>,
): Promise<T> {
  const task = await openTask(data, readingOptions());
  let drawing = null as ReturnType<typeof openTask> | null;
  const drawable = async () => opened(await (drawing ??= openTask(data, baseOptions)));
  try {
    return await fn(await opened(task), drawable);
  } finally {
    await task.destroy();
    if (drawing) await (await drawing).destroy();
  }
}

interface OpenTask {
  readonly promise: Promise<PdfDocument>;
  /** Destroys the document and its worker side. */
  destroy(): Promise<void>;
}

/**
 * Starts loading a document. pdf.js runs its worker side in this process (Node has no web workers); its own
 * "fake worker" copies every message with structuredClone, this one through `LoopbackPort` (cloneMessage).
 */
async function openTask(data: Uint8Array, options: DocumentInitParameters): Promise<OpenTask> {
  // pdf.js (and the canvas it loads in Node) is imported on first use: a process that only names or plans
  // inputs (the batch process) never loads it. The worker module is the one pdf.js's fake worker imports.
  const [{ getDocument, PDFWorker }, { WorkerMessageHandler }] = await Promise.all([
    import("pdfjs-dist/legacy/build/pdf.mjs"),
    import("pdfjs-dist/legacy/build/pdf.worker.mjs"),
  ]);
  const port = new LoopbackPort();
  WorkerMessageHandler.initializeFromPort(port);
  const worker = new PDFWorker({ port: port as never, verbosity: options.verbosity ?? 0 });
  // pdf.js takes ownership of (and detaches) the buffer it is given: pass a copy.
  const task = getDocument({ ...options, data: new Uint8Array(data), worker });
  return {
    promise: task.promise,
    destroy: async () => {
      try {
        await task.destroy();
      } finally {
        // A worker given to getDocument is the caller's to destroy.
        worker.destroy();
      }
    },
  };
}

async function opened(task: OpenTask): Promise<PdfDocument> {
  try {
    return await task.promise;
  } catch (error) {
    throw classifyOpenError(error);
  }
}

/**
 * In Node pdf.js turns font faces off (`disableFontFace`), and then, for every character an operator list
 * shows, compiles the glyph's outline and posts it to the main thread, so that a canvas can draw it: a
 * ninth of the CPU a born-digital document costs, for a document nothing is drawn from. With font faces on,
 * the main thread hands each font to the document's `FontFace` instead: here an inert one, in an inert
 * document. Should pdf.js ever need more of them, its font loading fails and it falls back to the outlines,
 * which is the same reading at the old cost.
 */
function readingOptions(): DocumentInitParameters {
  (globalThis as { FontFace?: unknown }).FontFace ??= InertFontFace;
  return { ...baseOptions, disableFontFace: false, ownerDocument: { fonts: new Set() } as never };
}

class InertFontFace {
  readonly family: string;
  readonly loaded: Promise<InertFontFace> = Promise.resolve(this);
  constructor(family: string) {
    this.family = family;
  }
  load(): Promise<InertFontFace> {
    return this.loaded;
  }
}

function classifyOpenError(error: unknown): InputError {
  const name = error instanceof Error ? error.name : "";
  const message = describeError(error);
  if (name === "PasswordException") {
    return new InputError("encrypted", `The PDF is password-protected (${message})`, { cause: error });
  }
  // A security handler or crypt method pdf.js does not implement: still a protected PDF, not a damaged one.
  if (
    /unknown encryption method|unsupported encryption algorithm|unknown crypto method|invalid crypt filter/i.test(
      message,
    )
  ) {
    return new InputError("encrypted", `The PDF is encrypted with a method gongkai cannot open (${message})`, {
      cause: error,
    });
  }
  return new InputError("corrupt", `pdf.js could not open the PDF: ${message}`, { cause: error });
}
