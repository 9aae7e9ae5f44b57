// Writes tests/fixtures/text-layer/: variants of committed samples whose text layer is turned or broken the
// way real files are. Needs qpdf, ghostscript, poppler-utils, LibreOffice and Chromium (Debian's packages). Run: npx tsx scripts/make-text-layer-fixtures.ts
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { printWithChromium } from "./samples-chromium.js";
import { convertToPdf } from "./samples-pdf.js";

const ROOT = join(import.meta.dirname, "..");
const OUT = join(ROOT, "tests", "fixtures", "text-layer");
const work = mkdtempSync(join(tmpdir(), "gongkai-text-layer-"));

/** A sample with every page's /Rotate turned by 90° (shown sideways, as a mis-rotated upload is). */
function rotate(stem: string, spec: string, name: string): void {
  execFileSync("qpdf", [
    "--deterministic-id",
    `--rotate=${spec}`,
    join(ROOT, "samples", `${stem}.pdf`),
    join(OUT, name),
  ]);
}

/** A sample whose fonts lost their ToUnicode maps: pdf.js falls back to the font's own codes (garbage). */
function dropToUnicode(stem: string, name: string): void {
  const qdf = join(work, `${stem}.qdf.pdf`);
  execFileSync("qpdf", ["--qdf", "--object-streams=disable", join(ROOT, "samples", `${stem}.pdf`), qdf]);
  const bytes = readFileSync(qdf, "latin1").replace(/\/ToUnicode \d+ 0 R/g, (ref) => " ".repeat(ref.length));
  const edited = join(work, `${stem}.edited.pdf`);
  writeFileSync(edited, bytes, "latin1");
  writeFileSync(join(OUT, name), execFileSync("fix-qdf", [edited]));
}

/** A sample with its text converted to glyph outlines (Ghostscript -dNoOutputFonts): no text layer at all. */
function outline(stem: string, name: string): void {
  const out = join(OUT, name);
  execFileSync("gs", [
    "-q",
    "-dNOPAUSE",
    "-dBATCH",
    "-sDEVICE=pdfwrite",
    "-dNoOutputFonts",
    `-sOutputFile=${out}`,
    join(ROOT, "samples", `${stem}.pdf`),
  ]);
}

/**
 * A report whose 三 table is a picture: its title and narrative are text, the table page of a sample is
 * pasted in as an image (a screenshot, as some authors do). Laid out by LibreOffice.
 */
function pictureTable(stem: string, tablePage: number, name: string): void {
  const png = join(work, `${stem}-p${tablePage}`);
  execFileSync("pdftoppm", [
    "-r",
    "110",
    "-png",
    "-singlefile",
    "-f",
    String(tablePage),
    "-l",
    String(tablePage),
    join(ROOT, "samples", `${stem}.pdf`),
    png,
  ]);
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="font-family:'Noto Sans CJK SC'">
<p align="center"><b>示例市统计局2023年政府信息公开工作年度报告</b></p>
<p>一、总体情况</p><p>本年度本机关认真贯彻落实政府信息公开条例，各项工作有序开展。</p>
<p>三、收到和处理政府信息公开申请情况</p>
<p><img src="${basename(png)}.png" width="300" height="424" style="width:8cm;height:11.3cm"></p>
<p>四、政府信息公开行政复议、行政诉讼情况</p><p>本年度未发生行政复议、行政诉讼。</p></body></html>`;
  const input = join(work, `${name.replace(/\.pdf$/, "")}.html`);
  writeFileSync(input, html);
  convertToPdf(input, join(OUT, name));
}

/** A sample with a grey diagonal watermark (printed by Chromium) laid over every page with qpdf. */
function watermark(stem: string, name: string): void {
  const html = join(work, "watermark.html");
  writeFileSync(
    html,
    `<!DOCTYPE html><html><head><meta charset="utf-8"><style>@page{size:A4;margin:0} body{margin:0}
.w{position:absolute;top:380px;left:60px;font:64px 'Noto Sans CJK SC';color:rgba(160,160,160,0.35);
transform:rotate(-35deg);white-space:nowrap}</style></head><body><div class="w">示例市人民政府 内部资料 12345</div></body></html>`,
  );
  const mark = join(work, "watermark.pdf");
  printWithChromium(html, mark);
  execFileSync("qpdf", [
    "--deterministic-id",
    join(ROOT, "samples", `${stem}.pdf`),
    "--overlay",
    mark,
    "--repeat=1",
    "--",
    join(OUT, name),
  ]);
}

rotate("ruled-clean-2023", "+90", "ruled-clean-2023-rotated-90.pdf");
rotate("unruled-2024", "+270:2-3", "unruled-2024-rotated-270-p2-3.pdf");
dropToUnicode("ruled-clean-2023", "ruled-clean-2023-no-tounicode.pdf");
outline("three-line-2022", "three-line-2022-outlines.pdf");
pictureTable("ruled-clean-2023", 3, "picture-table-2023.pdf");
watermark("ruled-clean-2023", "ruled-clean-2023-watermark.pdf");
console.log(`wrote fixtures to ${OUT}`);
