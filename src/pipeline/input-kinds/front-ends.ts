/**
 * Every built-in front end, loaded at once: `extract-document.ts` imports this, so a document process loads the
 * front ends — and pdf.js with the layout stage — while it loads the pipeline, inside the window in which
 * `tunePdfRuntime` keeps pdf.js from loading the canvas (worker-entry.ts). The registry's table loads each on
 * first use, which is what the folder scan and the batch process (which read the table and extract nothing) need.
 */
import "./image.js";
import "./markup.js";
import "./ofd.js";
import "./pdf.js";
import "./web-archive.js";
import "./word-binary.js";
