/**
 * Entry of the review's render process (child_process.fork, render-process.ts): renders page images and finds
 * narrative marks, one job at a time, for as long as the review build keeps it; exits on IPC disconnect.
 * pdf.js and Skia live here, so their code and the pixels of a 300 dpi scan never weigh on the build process.
 */
import { readFile } from "node:fs/promises";
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
      return { pages: await (await import("./render-pages.js")).renderPdfPages(bytes, job.outDir, job.scale, layout) };
    }
    case "ofd":
      return { pages: await (await import("./render-ofd-pages.js")).renderOfdPages(bytes, job.outDir, job.scale) };
    case "png":
    case "jpeg":
    case "tiff": {
      const { renderImagePages } = await import("./render-images.js");
      return { pages: await renderImagePages(bytes, job.kind, job.outDir, job.scale) };
    }
    case "pictures": {
      const { renderPicturePages } = await import("./picture-pages.js");
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
