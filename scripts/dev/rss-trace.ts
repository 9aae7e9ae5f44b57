/**
 * Memory of one extraction over time: RSS, V8 heap and external/array-buffer memory sampled every 500 ms, and
 * the peak RSS at the end. Usage: npx tsx scripts/dev/rss-trace.ts <file>
 */
import { extractDocument } from "../../src/pipeline/extract-document.js";
import { OcrEngine } from "../../src/stages/ocr/index.js";

const mib = (n: number) => Math.round(n / 1048576);
const started = performance.now();
const timer = setInterval(() => {
  const m = process.memoryUsage();
  console.log(
    `${((performance.now() - started) / 1000).toFixed(0)}s rss ${mib(m.rss)} heap ${mib(m.heapUsed)} external ${mib(m.external)} buffers ${mib(m.arrayBuffers)}`,
  );
}, 500);
const engine = new OcrEngine();
try {
  const { output } = await extractDocument(process.argv[2] as string, { ocr: engine });
  console.log(
    `status ${output.status} pages ${output.source.pages} peak RSS ${mib(process.resourceUsage().maxRSS * 1024)} MiB`,
  );
} finally {
  clearInterval(timer);
  await engine.terminate();
}
