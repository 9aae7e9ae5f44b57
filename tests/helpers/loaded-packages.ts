// Run as a child process by tests/pipeline/lazy-modules.test.ts: loads one part of the pipeline as a process of a
// batch does, then prints the packages it loaded from node_modules as CommonJS (require.cache), which holds the
// two native ones that matter: @napi-rs/canvas (pdf.js requires it on import in Node) and onnxruntime-node.
// `batch`: imports run-batch (the batch process). `document <file>`: extracts one file without an OCR engine,
// with pdf.js tuned as a document process tunes it (worker-entry.ts). `review <extracted dir> <inputs>`: builds
// the review site (its pages rendered by the render process); status is the site summary as JSON.
import { createRequire } from "node:module";
import { tunePdfRuntime } from "../../src/stages/ingest/index.js";

const require = createRequire(import.meta.url);
const [what, file] = process.argv.slice(2);
let status: string | null = null;
if (what === "batch") await import("../../src/pipeline/run-batch.js");
else if (what === "document" && file !== undefined) {
  const pdfjsLoaded = tunePdfRuntime();
  const { extractDocument } = await import("../../src/pipeline/extract-document.js");
  pdfjsLoaded();
  status = (await extractDocument(file)).output.status;
} else if (what === "review" && file !== undefined) {
  const { buildReviewSite } = await import("../../src/outputs/review/index.js");
  status = JSON.stringify(await buildReviewSite(file, { inputs: process.argv[4] as string }));
} else
  throw new Error(
    `Expected \`batch\`, \`document <file>\` or \`review <dir> <inputs>\`, got \`${process.argv.slice(2).join(" ")}\``,
  );
const packages = new Set<string>();
for (const path of Object.keys(require.cache)) {
  const name = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1];
  if (name !== undefined) packages.add(name);
}
process.stdout.write(JSON.stringify({ packages: [...packages].sort(), status }));
