// Run as a child process by tests/stages/ingest/pdf-runtime.test.ts. `tuned <pdf>` or `plain <pdf>`: reads the PDF's
// first page (text and operators), notes whether pdf.js's canvas is loaded and whether the platform's
// DecompressionStream is there, then draws the page and prints the SHA-256 of its pixels.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tunePdfRuntime } from "../../src/stages/ingest/index.js";

const require = createRequire(import.meta.url);
const [mode, file] = process.argv.slice(2);
if ((mode !== "tuned" && mode !== "plain") || file === undefined)
  throw new Error(`Expected \`tuned|plain <pdf>\`, got \`${process.argv.slice(2).join(" ")}\``);
const pdfjsLoaded = mode === "tuned" ? tunePdfRuntime() : () => undefined;
const { withPdfDocument } = await import("../../src/stages/ingest/index.js");
await import("pdfjs-dist/legacy/build/pdf.mjs");
pdfjsLoaded();
const canvasLoaded = () => Object.keys(require.cache).some((path) => path.includes("/@napi-rs/canvas/"));
const report = await withPdfDocument(await readFile(file), async (doc) => {
  const page = await doc.getPage(1);
  const text = (await page.getTextContent()).items.length;
  const ops = (await page.getOperatorList()).fnArray.length;
  const canvasAfterReading = canvasLoaded();
  const { createCanvas } = await import("@napi-rs/canvas");
  const viewport = page.getViewport({ scale: 1 });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext("2d");
  await page.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
  return {
    text,
    ops,
    canvasAfterReading,
    decompressionStream: typeof globalThis.DecompressionStream,
    pixels: createHash("sha256").update(pixels).digest("hex"),
  };
});
process.stdout.write(JSON.stringify(report));
