/**
 * Writes the bad-input corpus of tests/bad-input: `npx tsx scripts/make-bad-input-fixtures.ts`.
 * Every fixture and its expected outcome is listed in tests/fixtures/bad-input/manifest.json (in the
 * manner of pdf.js's reference-test manifest); tests/bad-input/corpus.test.ts runs them all in one batch.
 * Deterministic (no dates, no producer string, seeded bytes, qpdf's static ids), so rerunning it leaves
 * the committed files unchanged as long as samples/ruled-clean-2023.pdf is. Needs qpdf (and fix-qdf).
 */
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seededBytes } from "./seeded-bytes.js";

const dir = join(import.meta.dirname, "../tests/fixtures/bad-input");
/** The report that the derived fixtures (truncated, broken xref, JavaScript) start from. */
const BASE = join(import.meta.dirname, "../samples/ruled-clean-2023.pdf");

interface PdfOptions {
  readonly mediaBox?: readonly number[];
}

/** Serialises numbered objects (1…n, object 1 the catalog) with a correct xref table. */
function serialise(objects: readonly (string | Buffer)[], extraTrailer = ""): Buffer {
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let length = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, "latin1"),
      typeof body === "string" ? Buffer.from(body, "latin1") : body,
      Buffer.from("\nendobj\n", "latin1"),
    ]);
    parts.push(chunk);
    length += chunk.length;
  });
  let tail = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) tail += `${String(offset).padStart(10, "0")} 00000 n \n`;
  tail += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${extraTrailer} >>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(tail, "latin1"));
  return Buffer.concat(parts);
}

/** A one-page PDF showing `lines` in Helvetica. */
function makeTextPdf(lines: readonly string[], options: PdfOptions = {}): Buffer {
  const quote = (s: string) => s.replace(/[\\()]/g, (ch) => `\\${ch}`);
  const box = options.mediaBox ?? [0, 0, 595, 842];
  const top = (box[3] ?? 842) - 72;
  const stream = ["BT /F1 12 Tf", `72 ${top} Td 16 TL`, ...lines.map((line) => `(${quote(line)}) Tj T*`), "ET"].join(
    "\n",
  );
  return serialise([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [${box.join(" ")}] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ]);
}

const MENU = ["Staff canteen menu, week 12", "Monday: noodle soup", "Tuesday: rice and vegetables"];

/** A page tree whose intermediate node lists itself among its kids: /Pages 2 → 3 → 2. */
function makeCyclePdf(): Buffer {
  return serialise([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 2 >>",
    "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 4 0 R] /Count 2 >>",
    "<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] /Contents 5 0 R >>",
    "<< /Length 0 >>\nstream\n\nendstream",
  ]);
}

async function main(): Promise<void> {
  await mkdir(dir, { recursive: true });
  const base = await readFile(BASE);
  const write = (name: string, data: Buffer | string) => writeFile(join(dir, name), data);

  await write("not-a-report.pdf", makeTextPdf(MENU));
  await write("not-a-pdf.pdf", "这不是PDF文件，只是改了扩展名的文本。\nThis is plain text renamed to .pdf.\n");
  await write("empty.pdf", "");
  await write("random-bytes.pdf", seededBytes(65_536, 1));
  await write("random-after-header.pdf", Buffer.concat([Buffer.from("%PDF-1.7\n"), seededBytes(65_536, 2)]));
  for (const [name, at] of truncations(base.length)) await write(name, base.subarray(0, at));
  await write("broken-xref.pdf", breakXref(base));
  await write("page-tree-cycle.pdf", makeCyclePdf());
  await write("huge-page.pdf", makeTextPdf(MENU, { mediaBox: [0, 0, 20_000, 20_000] }));
  await write("flate-bomb.pdf", await flateBombPdf());
  await withQpdf(async (tmp) => {
    await write("encrypted.pdf", await encrypt(tmp));
    await write("ten-thousand-pages.pdf", await manyPages(tmp, 10_000));
    await write("javascript-action.pdf", await addJavaScript(tmp));
  });
  console.log(`wrote fixtures to ${dir}`);
}

/** Cuts of the base report: inside the header, a quarter, half, 90 %, and just before the trailer. */
function truncations(length: number): [string, number][] {
  return [
    ["truncated-1k.pdf", 1024],
    ["truncated-25.pdf", Math.floor(length * 0.25)],
    ["truncated-50.pdf", Math.floor(length * 0.5)],
    ["truncated-90.pdf", Math.floor(length * 0.9)],
    ["truncated-tail.pdf", length - 200],
  ];
}

/** Every xref offset and startxref shifted off by 7 bytes: readers must rebuild the table by scanning. */
function breakXref(pdf: Buffer): Buffer {
  const text = pdf.toString("latin1");
  const xref = text.lastIndexOf("\nxref\n");
  const trailer = text.indexOf("trailer", xref);
  const table = text
    .slice(xref, trailer)
    .replace(
      /^(\d{10}) (\d{5}) n/gm,
      (_m, offset: string, gen: string) => `${String(Number(offset) + 7).padStart(10, "0")} ${gen} n`,
    );
  const tail = text.slice(trailer).replace(/startxref\n\d+/, `startxref\n${xref + 1 + 7}`);
  return Buffer.from(text.slice(0, xref) + table + tail, "latin1");
}

async function flateBombPdf(): Promise<Buffer> {
  const zlib = await import("node:zlib");
  // 2 GiB of spaces in one zlib stream, written in 64 MiB blocks; then deflated again.
  const inner = await new Promise<Buffer>((resolve, reject) => {
    const deflater = zlib.createDeflate({ level: 9 });
    const parts: Buffer[] = [];
    deflater.on("data", (b: Buffer) => parts.push(b));
    deflater.on("end", () => resolve(Buffer.concat(parts)));
    deflater.on("error", reject);
    const block = Buffer.alloc(64 * 1024 * 1024, 0x20);
    let left = 32;
    const pump = () => {
      while (left > 0) {
        left -= 1;
        if (!deflater.write(block)) return void deflater.once("drain", pump);
      }
      deflater.end();
    };
    pump();
  });
  const outer = zlib.deflateSync(inner, { level: 9 });
  const head = `<< /Length ${outer.length} /Filter [/FlateDecode /FlateDecode] >>\nstream\n`;
  return serialise([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    Buffer.concat([Buffer.from(head, "latin1"), outer, Buffer.from("\nendstream", "latin1")]),
  ]);
}

async function withQpdf(fn: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = await mkdtemp(join(tmpdir(), "gongkai-bad-input-"));
  try {
    await fn(tmp);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** AES-256 with a user password ("secret"): pdf.js asks for it and gongkai reports `encrypted`. */
async function encrypt(tmp: string): Promise<Buffer> {
  const output = join(tmp, "encrypted.pdf");
  execFileSync("qpdf", ["--static-id", "--static-aes-iv", "--encrypt", "secret", "owner", "256", "--", BASE, output]);
  return readFile(output);
}

/**
 * `count` pages that all point at one content stream, packed into object streams by qpdf so the file
 * stays small (one page object is ~90 bytes before compression).
 */
async function manyPages(tmp: string, count: number): Promise<Buffer> {
  const first = 4;
  const kids = Array.from({ length: count }, (_, i) => `${first + i} 0 R`).join(" ");
  const objects: string[] = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${kids}] /Count ${count} >>`,
    "<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 770 Td (page) Tj ET          \nendstream",
  ];
  for (let i = 0; i < count; i++)
    objects.push("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>");
  const plain = join(tmp, "many.pdf");
  const packed = join(tmp, "many-packed.pdf");
  await writeFile(plain, serialise(objects));
  execFileSync("qpdf", ["--static-id", "--object-streams=generate", "--compress-streams=y", plain, packed]);
  return readFile(packed);
}

/** The base report with an /OpenAction that runs JavaScript (gongkai never runs scripts; it reads the report). */
async function addJavaScript(tmp: string): Promise<Buffer> {
  const qdf = join(tmp, "base.qdf");
  const edited = join(tmp, "edited.qdf");
  const fixed = join(tmp, "fixed.pdf");
  const output = join(tmp, "javascript.pdf");
  execFileSync("qpdf", ["--static-id", "--qdf", BASE, qdf]);
  const text = (await readFile(qdf)).toString("latin1");
  // LibreOffice already opens at a view (/OpenAction [page /XYZ …]): replace that with a script.
  const action = "/OpenAction << /S /JavaScript /JS (app.alert\\('gongkai must not run this'\\); this.print\\(\\);) >>";
  const withJs = /\/OpenAction\s*\[[^\]]*\]/.test(text)
    ? text.replace(/\/OpenAction\s*\[[^\]]*\]/, action)
    : text.replace("/Type /Catalog", `/Type /Catalog\n  ${action}`);
  if (withJs === text) throw new Error("Expected a /Type /Catalog in the QDF of the base report");
  await writeFile(edited, Buffer.from(withJs, "latin1"));
  await writeFile(fixed, execFileSync("fix-qdf", [edited], { maxBuffer: 1 << 28 }));
  execFileSync("qpdf", ["--static-id", fixed, output]);
  return readFile(output);
}

await main();
