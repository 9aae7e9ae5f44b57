// Writes tests/fixtures/ofd-images/: OFD files whose pages are scans stored in the image formats GB/T 33190 lets
// an OFD hold that a canvas does not decode (JBIG2 `.jb2`, TIFF) or that producers use besides (JPEG 2000), each
// page one image over the page, so that the report is read by OCR from those images alone.
//
// The JBIG2 pages are the three JBIG2 streams of tests/fixtures/scans-independent/u21-three-line-200-jbig2-arith.pdf
// (three-line-2022 scanned at 200 dpi; generic regions with arithmetic coding, written by scripts/scans/pdfwrite.py
// and decoded pixel-exact by jbig2dec, see scripts/scans/README.md), turned from PDF's embedded organisation into
// JBIG2 files (T.88 Annex D: file header, the segments, end of page, end of file): page 1 sequential, page 2 random
// access (all segment headers first), page 3 sequential with an unknown page count. A second file holds the same
// pages' pixels (decoded by poppler's pdfimages) written by ImageMagick as TIFF (CCITT Group 4), BMP and GIF,
// and a JPEG 2000 crop.
// Run: npx tsx scripts/make-ofd-images.ts   (needs poppler-utils and ImageMagick's convert
// with the OpenJPEG delegate)
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, type Zippable, zipSync } from "fflate";

const ROOT = join(import.meta.dirname, "..");
const OUT = join(ROOT, "tests/fixtures/ofd-images");
const WORK = "/tmp/gongkai-ofd-images";
const SOURCE = join(ROOT, "tests/fixtures/scans-independent/u21-three-line-200-jbig2-arith.pdf");
const MTIME = new Date("1980-01-01T00:00:00Z");
const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';

/** The JBIG2 streams of the source PDF's image XObjects, in page order, with their sizes. */
function pdfJbig2Streams(): { width: number; height: number; data: Uint8Array }[] {
  const pdf = readFileSync(SOURCE);
  const text = pdf.toString("latin1");
  const out: { width: number; height: number; data: Uint8Array }[] = [];
  const pattern = /<<([^>]*\/Filter \/JBIG2Decode[^>]*)>>\s*stream\r?\n/g;
  for (const match of text.matchAll(pattern)) {
    const dict = match[1] as string;
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    const start = (match.index as number) + match[0].length;
    out.push({
      width: Number(/\/Width (\d+)/.exec(dict)?.[1]),
      height: Number(/\/Height (\d+)/.exec(dict)?.[1]),
      data: new Uint8Array(pdf.subarray(start, start + length)),
    });
  }
  if (out.length !== 3) throw new Error(`Expected three JBIG2 streams in ${SOURCE}, found ${out.length}`);
  return out;
}

interface Segment {
  readonly header: Uint8Array;
  readonly data: Uint8Array;
}

/** The segments of an embedded JBIG2 stream whose headers are the short form (as pdfwrite.py writes them). */
function segmentsOf(stream: Uint8Array): Segment[] {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const out: Segment[] = [];
  for (let at = 0; at < stream.length; ) {
    const flags = stream[at + 4] as number;
    if ((stream[at + 5] as number) >> 5 !== 0 || flags & 0x40) throw new Error("Expected short segment headers");
    const length = view.getUint32(at + 7);
    out.push({ header: stream.subarray(at, at + 11), data: stream.subarray(at + 11, at + 11 + length) });
    at += 11 + length;
  }
  return out;
}

function segment(number: number, type: number, page: number, data: Uint8Array): Segment {
  const header = new Uint8Array(11);
  const view = new DataView(header.buffer);
  view.setUint32(0, number);
  header[4] = type;
  header[5] = 0;
  header[6] = page;
  view.setUint32(7, data.length);
  return { header, data };
}

/** A JBIG2 file of one page: `organisation` as T.88 D.4 writes it, the page count given or left unknown. */
function jbig2File(stream: Uint8Array, organisation: "sequential" | "random", knownPages: boolean): Uint8Array {
  const segments = segmentsOf(stream);
  const all = [
    ...segments,
    segment(segments.length, 49, 1, new Uint8Array()),
    segment(segments.length + 1, 51, 0, new Uint8Array()),
  ];
  const id = [0x97, 0x4a, 0x42, 0x32, 0x0d, 0x0a, 0x1a, 0x0a];
  const flags = (organisation === "sequential" ? 1 : 0) | (knownPages ? 0 : 2);
  const head = [...id, flags, ...(knownPages ? [0, 0, 0, 1] : [])];
  const parts =
    organisation === "sequential"
      ? all.flatMap((s) => [s.header, s.data])
      : [...all.map((s) => s.header), ...all.map((s) => s.data)];
  return Uint8Array.from([...head, ...parts.flatMap((p) => [...p])]);
}

/** Page `page`'s image as stored, decoded by poppler (pdfimages) as a PBM: the JBIG2 page's own pixels. */
function pagePbm(page: number): string {
  const prefix = join(WORK, `p${page}`);
  execFileSync("pdfimages", ["-f", String(page), "-l", String(page), SOURCE, prefix]);
  return `${prefix}-000.pbm`;
}

/** An OFD of A4 pages, each one image resource over the whole page. */
function scanOfd(pages: readonly { name: string; format: string; bytes: Uint8Array }[], title: string): Uint8Array {
  const parts: Record<string, Uint8Array> = {};
  parts["OFD.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ${NS} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>6f6664696d616765730000000000000${pages.length}</ofd:DocID><ofd:Title>${title}</ofd:Title><ofd:Creator>gongkai scripts/make-ofd-images.ts</ofd:Creator></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
  );
  const list = pages.map((_, i) => `<ofd:Page ID="${10 + i}" BaseLoc="Pages/Page_${i}/Content.xml"/>`).join("");
  parts["Doc_0/Document.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><ofd:Document ${NS}><ofd:CommonData><ofd:MaxUnitID>${100 + pages.length * 2}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes></ofd:CommonData><ofd:Pages>${list}</ofd:Pages></ofd:Document>`,
  );
  const media = pages
    .map(
      (p, i) =>
        `<ofd:MultiMedia ID="${50 + i}" Type="Image" Format="${p.format}"><ofd:MediaFile>${p.name}</ofd:MediaFile></ofd:MultiMedia>`,
    )
    .join("");
  parts["Doc_0/DocumentRes.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><ofd:Res ${NS} BaseLoc="Res"><ofd:MultiMedias>${media}</ofd:MultiMedias></ofd:Res>`,
  );
  pages.forEach((p, i) => {
    parts[`Doc_0/Pages/Page_${i}/Content.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><ofd:Page ${NS}><ofd:Content><ofd:Layer ID="${80 + i}"><ofd:ImageObject ID="${90 + i}" Boundary="0 0 210 297" CTM="210 0 0 297 0 0" ResourceID="${50 + i}"/></ofd:Layer></ofd:Content></ofd:Page>`,
    );
    parts[`Doc_0/Res/${p.name}`] = p.bytes;
  });
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, [v, { mtime: MTIME }]])) as Zippable);
}

function writeTruth(file: string): void {
  const truth = JSON.parse(readFileSync(join(ROOT, "samples/three-line-2022.truth.json"), "utf8"));
  const out = { ...truth, file, pages_need_ocr: [1, 2, 3] };
  writeFileSync(join(OUT, `${file.replace(/\.ofd$/, "")}.truth.json`), `${JSON.stringify(out, null, 2)}\n`);
}

rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
mkdirSync(OUT, { recursive: true });
const title = "三线表样例2022年政府信息公开工作年度报告";
const streams = pdfJbig2Streams();
const shapes = [
  ["sequential", true],
  ["random", true],
  ["sequential", false],
] as const;
writeFileSync(
  join(OUT, "ofd-jbig2-three-line-2022.ofd"),
  scanOfd(
    streams.map((s, i) => ({
      name: `page_${i + 1}.jb2`,
      // ofdrw writes "GBIG2" (tests/fixtures/ofd-real/ofdrw-converter_1.ofd); the format is told by the bytes.
      format: i === 2 ? "GBIG2" : "JB2",
      bytes: jbig2File(s.data, shapes[i]?.[0] ?? "sequential", shapes[i]?.[1] ?? true),
    })),
    title,
  ),
);
writeTruth("ofd-jbig2-three-line-2022.ofd");
// One page in each of three more formats: TIFF (CCITT Group 4), BMP (8-bit palette, RLE8) and GIF.
const mixed: { format: string; ext: string; args: string[] }[] = [
  { format: "TIFF", ext: "tif", args: ["-compress", "Group4"] },
  { format: "BMP", ext: "bmp", args: ["-colors", "2", "-compress", "RLE"] },
  { format: "GIF", ext: "gif", args: [] },
];
const pages = mixed.map((job, i) => {
  const out = join(WORK, `page_${i + 1}.${job.ext}`);
  execFileSync("convert", [pagePbm(i + 1), ...job.args, "-strip", `${job.ext === "bmp" ? "BMP3:" : ""}${out}`]);
  return { name: `page_${i + 1}.${job.ext}`, format: job.format, bytes: new Uint8Array(readFileSync(out)) };
});
writeFileSync(join(OUT, "ofd-tiff-bmp-gif-three-line-2022.ofd"), scanOfd(pages, title));
writeTruth("ofd-tiff-bmp-gif-three-line-2022.ofd");
// JPEG 2000 (not in GB/T 33190's list, but decoded as a PDF's JPX): a 400 × 300 crop of page 1 at (200, 300),
// lossless, for the unit tests (pdf.js in Node decodes a JPX wider or taller than 2048 px at half size or less).
execFileSync("convert", [
  join(WORK, "p1-000.pbm"),
  "-crop",
  "400x300+200+300",
  "+repage",
  "-depth",
  "8",
  "-strip",
  join(OUT, "page_1-crop-400x300+200+300.jp2"),
]);
console.log(`wrote 2 OFD files and a JP2 crop to ${OUT}`);
