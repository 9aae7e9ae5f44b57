/**
 * The PDF front end, loaded with the pipeline: `extract-document.ts` imports this, so a document process loads it
 * — and pdf.js with the layout stage — while it loads the pipeline, inside the window in which `tunePdfRuntime`
 * keeps pdf.js from loading the canvas (worker-entry.ts). The other front ends (markup, OFD, Word binary, web
 * archives, images) and their parsers load from the registry's table on the first input of their kind: a process
 * reading PDFs never compiles them (htmlparser2, fflate, cfb…). The folder scan and the batch process read the
 * table and load none.
 */
import "./pdf.js";
