import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { createCanvas, ImageData } from "@napi-rs/canvas";
import { type OfdPage, openOfd, pageGeometry, renderOfdPage } from "../../src/stages/ofd/index.js";

/**
 * Looks at OFD files as a person would: renders each page (`<out>/<stem>-p<n>.png`), and beside it a drawing of
 * what the reader extracted (`<out>/<stem>-p<n>-items.png`: every text item's text in its box, every stroked or
 * filled straight run), and prints the items in reading order (top to bottom, left to right).
 * Usage: npx tsx scripts/dev/ofd-view.ts <out dir> <file.ofd…>
 */
const [out, ...files] = process.argv.slice(2);
if (!out || files.length === 0) throw new Error("usage: ofd-view.ts <out dir> <file.ofd…>");
mkdirSync(out, { recursive: true });
const SCALE = 2;
for (const path of files) {
  const stem = basename(path, ".ofd");
  const file = openOfd(new Uint8Array(readFileSync(path)));
  console.log(`== ${stem}: ${file.pageCount} page(s) ${file.notes.join("; ")}`);
  for (let n = 1; n <= file.pageCount; n++) {
    let page: OfdPage;
    try {
      page = file.page(n);
    } catch (error) {
      console.log(`  page ${n}: ${(error as Error).message}`);
      continue;
    }
    const raster = await renderOfdPage(file, page, SCALE);
    const canvas = createCanvas(raster.width, raster.height);
    canvas.getContext("2d").putImageData(new ImageData(raster.data, raster.width, raster.height), 0, 0);
    writeFileSync(join(out, `${stem}-p${n}.png`), await canvas.encode("png"));
    const geometry = pageGeometry(page);
    const drawn = createCanvas(raster.width, raster.height);
    const ctx = drawn.getContext("2d");
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, drawn.width, drawn.height);
    ctx.scale(SCALE, SCALE);
    ctx.strokeStyle = "#0a0";
    ctx.lineWidth = 0.5;
    for (const run of [...geometry.strokes, ...geometry.fills]) {
      ctx.beginPath();
      for (const [i, [x, y]] of run.entries()) {
        if (i === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      }
      ctx.stroke();
    }
    for (const item of geometry.items) {
      const [x0, y0, x1, y1] = item.box;
      ctx.strokeStyle = "rgba(255,0,0,0.6)";
      ctx.strokeRect(x0, y0, x1 - x0, y1 - y0);
      ctx.fillStyle = "#000";
      ctx.font = `${Math.max(1, (y1 - y0) * 0.8)}px "Noto Sans CJK SC"`;
      ctx.fillText(item.text, x0, y1 - (y1 - y0) * 0.15, x1 - x0);
    }
    ctx.strokeStyle = "#00f";
    for (const [x0, y0, x1, y1] of geometry.images) ctx.strokeRect(x0, y0, x1 - x0, y1 - y0);
    writeFileSync(join(out, `${stem}-p${n}-items.png`), await drawn.encode("png"));
    const sorted = [...geometry.items].sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
    console.log(
      `  page ${n}: ${page.width.toFixed(1)}×${page.height.toFixed(1)} pt, ${geometry.items.length} items, ${geometry.strokes.length} strokes, ${geometry.fills.length} fills, ${geometry.images.length} images, ${geometry.curvedFills} curved fills ${page.notes.join("; ")}`,
    );
    for (const item of sorted)
      console.log(`    [${item.box.map((v) => v.toFixed(1)).join(", ")}] ${item.fontSize.toFixed(1)} ${item.text}`);
  }
}
