import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { createCanvas } from "@napi-rs/canvas";
import { extractDocument } from "../../src/pipeline/extract-document.js";
import { withPdfDocument } from "../../src/stages/ingest/index.js";
import { imageFilePages, OcrEngine, type PageImage, pdfPageImage } from "../../src/stages/ocr/index.js";

/** Dev: crops of the cells a scan gets wrong, one PNG per file in the folder given (`miss-crops.ts <dir> <files>`). */
const [out, ...files] = process.argv.slice(2) as [string, ...string[]];
mkdirSync(out, { recursive: true });
const engine = new OcrEngine();
const samples = join(import.meta.dirname, "../../samples");
for (const file of files) {
  const stem = file.replace(/\.\w+$/, "");
  const truthPath = existsSync(`${stem}.truth.json`)
    ? `${stem}.truth.json`
    : join(samples, `${readFileSync(`${stem}.twin`, "utf8").trim()}.truth.json`);
  const truth = JSON.parse(readFileSync(truthPath, "utf8"));
  const { output } = await extractDocument(file, { ocr: engine });
  const misses: { path: string; page: number; bbox: number[]; label: string }[] = [];
  for (const [section, rows] of Object.entries(
    truth.values as Record<string, Record<string, Record<string, number | null>>>,
  ))
    for (const [row, columns] of Object.entries(rows))
      for (const [column, value] of Object.entries(columns)) {
        const path = `${section}.${row}.${column}`;
        const cell = output.cells[path];
        if ((cell?.value ?? null) === value || !cell?.page || !cell.bbox) continue;
        misses.push({
          path,
          page: cell.page,
          bbox: cell.bbox as number[],
          label: `${path} ${cell.value}(${cell.confidence}) raw=${JSON.stringify(cell.raw)} want ${value}`,
        });
      }
  if (misses.length === 0) continue;
  const pages = new Map<number, PageImage>();
  const pageOf = async (n: number): Promise<PageImage> => {
    if (!pages.has(n)) {
      if (file.endsWith(".pdf"))
        await withPdfDocument(new Uint8Array(readFileSync(file)), async (doc) => {
          const page = await doc.getPage(n);
          pages.set(n, await pdfPageImage(page, page.rotate));
        });
      else {
        const kind = file.endsWith(".png") ? "png" : /\.tiff?$/.test(file) ? "tiff" : "jpeg";
        const all = await imageFilePages(new Uint8Array(readFileSync(file)), kind);
        pages.set(n, all[n - 1] as PageImage);
      }
    }
    return pages.get(n) as PageImage;
  };
  const W = 900;
  const H = 130;
  const canvas = createCanvas(W, H * misses.length);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, W, H * misses.length);
  for (const [k, m] of misses.entries()) {
    const p = await pageOf(m.page);
    const [x0, y0, x1, y1] = m.bbox.map((v) => v * p.scale) as [number, number, number, number];
    const h = Math.max(y1 - y0, 10);
    const cx0 = Math.max(0, Math.floor(x0 - 2 * h));
    const cy0 = Math.max(0, Math.floor(y0 - h));
    const cx1 = Math.min(p.image.width, Math.ceil(x1 + 2 * h));
    const cy1 = Math.min(p.image.height, Math.ceil(y1 + h));
    const cw = cx1 - cx0;
    const ch = cy1 - cy0;
    const z = Math.min(3, 100 / ch, 500 / cw);
    const img = ctx.createImageData(Math.max(1, Math.round(cw * z)), Math.max(1, Math.round(ch * z)));
    for (let y = 0; y < img.height; y++)
      for (let x = 0; x < img.width; x++) {
        const v = p.image.data[(cy0 + Math.floor(y / z)) * p.image.width + cx0 + Math.floor(x / z)] ?? 255;
        const i = (y * img.width + x) * 4;
        img.data[i] = v;
        img.data[i + 1] = v;
        img.data[i + 2] = v;
        img.data[i + 3] = 255;
      }
    ctx.putImageData(img, 0, k * H + 20);
    ctx.strokeStyle = "#f00";
    ctx.strokeRect((x0 - cx0) * z, k * H + 20 + (y0 - cy0) * z, (x1 - x0) * z, (y1 - y0) * z);
    ctx.fillStyle = "#00f";
    ctx.font = "13px sans-serif";
    ctx.fillText(m.label, 4, k * H + 14);
  }
  writeFileSync(join(out, `${basename(stem)}.png`), canvas.toBuffer("image/png"));
  console.log(basename(file), misses.length);
}
await engine.terminate();
