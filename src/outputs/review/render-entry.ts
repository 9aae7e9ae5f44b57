/**
 * Entry of the review's render process (child_process.fork, render-process.ts): renders page images and finds
 * narrative marks, one job at a time, for as long as the review build keeps it; exits on IPC disconnect.
 * pdf.js and Skia live here, so their code and the pixels of a 300 dpi scan never weigh on the build process.
 */
import { readFile } from "node:fs/promises";
import { homedir, platform } from "node:os";
import { join } from "node:path";
import type { NarrativeMark } from "./narrative-marks.js";
import type { RenderJob, RenderReply, RenderRequest } from "./render-job.js";
import type { PageImage } from "./render-pages.js";

process.on("disconnect", () => process.exit(0));
process.on("message", (request: RenderRequest) => {
  void run(request.job).then(
    (answer) => reply({ id: request.id, rssMb: rssMb(), ...answer }),
    (error: unknown) => reply({ id: request.id, rssMb: rssMb(), error: (error as Error)?.message ?? String(error) }),
  );
});

function reply(message: RenderReply): void {
  process.send?.(message);
}

async function run(job: RenderJob): Promise<{ pages: PageImage[] } | { marks: NarrativeMark[] }> {
  const bytes = new Uint8Array(await readFile(job.path));
  switch (job.kind) {
    case "pdf": {
      // A PDF of JPEG scans is written as its JPEGs, with neither pdf.js nor the canvas loaded.
      const layout = (await import("./pdf-scan-pages.js")).readPdfLayout(bytes);
      if (layout?.every((page) => page.jpeg !== null)) {
        const { writeJpegPages } = await import("./pdf-scan-pages.js");
        return { pages: await writeJpegPages(layout, job.outDir) };
      }
      await loadPdfjs();
      const { renderPdfPages } = await import("./render-pages.js");
      await deferSystemFonts();
      return { pages: await renderPdfPages(bytes, job.outDir, job.scale, layout) };
    }
    case "ofd": {
      const { renderOfdPages } = await import("./render-ofd-pages.js");
      await deferSystemFonts();
      return { pages: await renderOfdPages(bytes, job.outDir, job.scale) };
    }
    case "png":
    case "jpeg":
    case "tiff": {
      // A gray picture or TIFF is written as it is (pass-images.ts), without the canvas.
      const { passPicture, passTiffPages } = await import("./pass-images.js");
      const passed =
        job.kind === "tiff" ? await passTiffPages(bytes, job.outDir) : await passPicture(bytes, job.outDir, 1);
      if (passed !== null) return { pages: Array.isArray(passed) ? passed : [passed] };
      const { renderImagePages } = await import("./render-images.js");
      await deferSystemFonts();
      return { pages: await renderImagePages(bytes, job.kind, job.outDir, job.scale) };
    }
    case "pictures": {
      const { renderPicturePages } = await import("./picture-pages.js");
      await deferSystemFonts();
      const source = { path: job.path, bytes, kind: job.source };
      return { pages: await renderPicturePages({ cells: job.cells }, source, job.outDir, job.scale) };
    }
    case "marks": {
      if (job.format === "pdf") {
        // A PDF whose pages show no text, not even an invisible OCR layer, has no sentence to find.
        const layout = (await import("./pdf-scan-pages.js")).readPdfLayout(bytes);
        if (layout?.every((page) => !page.text)) return { marks: [] };
        await loadPdfjs();
      }
      const { findNarrativeMarks, findOfdNarrativeMarks } = await import("./narrative-marks.js");
      const find = job.format === "pdf" ? findNarrativeMarks : findOfdNarrativeMarks;
      return { marks: await find(bytes, job.flags) };
    }
  }
}

function rssMb(): number {
  return process.memoryUsage.rss() / 1048576;
}

let pdfjsLoaded: Promise<void> | null = null;

/**
 * Loads pdf.js the way a batch's document process does (`tunePdfRuntime`): the canvas it loads as it loads
 * (Skia and the system fonts it scans, ~30 MiB) is loaded only when something is drawn, so a process that only
 * finds narrative sentences in a PDF's text never holds it.
 */
function loadPdfjs(): Promise<void> {
  pdfjsLoaded ??= (async () => {
    const { tunePdfRuntime } = await import("../../stages/ingest/index.js");
    const loaded = tunePdfRuntime();
    try {
      await import("pdfjs-dist/legacy/build/pdf.mjs");
    } finally {
      loaded();
    }
  })();
  return pdfjsLoaded;
}

let fontsDeferred = false;

/**
 * The render process starts with DISABLE_SYSTEM_FONTS_LOAD set (render-process.ts), so loading the canvas does
 * not scan the system fonts (a CJK system's font files, ~20 MiB of them mapped); they are scanned, as the canvas
 * would have on load, the first time a 2D context draws or measures text: pdf.js draws a PDF's fonts as glyph
 * outlines and needs the system's only for a font it cannot read, and the OFD renderer draws its text in a
 * system CJK font. Setting `font` only records the name; fonts are matched when text is drawn.
 */
async function deferSystemFonts(): Promise<void> {
  if (fontsDeferred || process.env.DISABLE_SYSTEM_FONTS_LOAD === undefined) return;
  fontsDeferred = true;
  const { createCanvas, GlobalFonts } = await import("@napi-rs/canvas");
  const context = Object.getPrototypeOf(createCanvas(1, 1).getContext("2d")) as Record<string, unknown>;
  const methods = ["fillText", "strokeText", "measureText"] as const;
  const originals = methods.map((name) => context[name] as (...args: unknown[]) => unknown);
  const load = () => {
    methods.forEach((name, i) => {
      context[name] = originals[i];
    });
    (GlobalFonts as unknown as { enableSystemFonts(dirs: string[]): void }).enableSystemFonts(userFontDirs());
  };
  methods.forEach((name, i) => {
    const original = originals[i] as (...args: unknown[]) => unknown;
    context[name] = function (this: unknown, ...args: unknown[]) {
      load();
      return original.apply(this, args);
    };
  });
}

/** The per-user font folders @napi-rs/canvas adds to the system's when it scans fonts on load (its index.js). */
function userFontDirs(): string[] {
  const home = homedir();
  const dirs: Partial<Record<NodeJS.Platform, string[]>> = {
    win32: [join(home, "AppData", "Local", "Microsoft", "Windows", "Fonts")],
    darwin: ["/Library/Fonts", join(home, "Library", "Fonts")],
    linux: [join("usr", "local", "share", "fonts"), join(home, ".fonts")],
  };
  return dirs[platform()] ?? [];
}
