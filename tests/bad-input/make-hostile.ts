import { execFileSync } from "node:child_process";
import { mkdir, readFile, symlink, truncate, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { deflateSync } from "node:zlib";
import { strToU8, unzipSync, zipSync } from "fflate";

/**
 * Generators of the hostile inputs of `tests/fixtures/bad-input/hostile.json` (issue 13's hunt), written at
 * test time into a temp folder instead of committing megabytes. Each takes the folder to write in and
 * returns nothing: the manifest entry names the path (or paths) it creates.
 */
const ROOT = join(import.meta.dirname, "../..");
const SAMPLES = join(ROOT, "samples");
export const GOOD_PDF = "ruled-clean-2023";
export const GOOD_DOCX = "docx-captions-2023";
export const GOOD_HTML = "html-nested-2023";
/** The plain OFD sample (samples/ofd), a report whose truth is arith-errors-2023's. */
export const GOOD_OFD = "ofd/ofd-plain-arith-errors-2023";

type Maker = (inbox: string, file: string) => Promise<void>;

const put = async (path: string, bytes: Uint8Array | string) => {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes);
};
const sample = (name: string) => readFile(join(SAMPLES, name));
const docxParts = async () => unzipSync(await sample(`${GOOD_DOCX}.docx`));

/** A little-endian TIFF of `pages` 1×1 grey pages; `loop` makes the last directory point back to the first. */
export function tinyTiff(pages: number, loop = false): Uint8Array {
  const ENTRIES = 9;
  const ifdSize = 2 + ENTRIES * 12 + 4;
  const bytes = new Uint8Array(8 + pages * (ifdSize + 2));
  const view = new DataView(bytes.buffer);
  bytes.set([0x49, 0x49, 0x2a, 0x00]);
  view.setUint32(4, 8, true);
  for (let p = 0; p < pages; p++) {
    const at = 8 + p * (ifdSize + 2);
    const pixel = at + ifdSize;
    view.setUint16(at, ENTRIES, true);
    const tags: [number, number, number][] = [
      [256, 3, 1],
      [257, 3, 1],
      [258, 3, 8],
      [259, 3, 1],
      [262, 3, 1],
      [273, 4, pixel],
      [277, 3, 1],
      [278, 3, 1],
      [279, 4, 1],
    ];
    tags.forEach(([tag, type, value], i) => {
      const entry = at + 2 + i * 12;
      view.setUint16(entry, tag, true);
      view.setUint16(entry + 2, type, true);
      view.setUint32(entry + 4, 1, true);
      if (type === 3) view.setUint16(entry + 8, value, true);
      else view.setUint32(entry + 8, value, true);
    });
    const next = p + 1 < pages ? 8 + (p + 1) * (ifdSize + 2) : loop ? 8 : 0;
    view.setUint32(at + 2 + ENTRIES * 12, next, true);
    bytes[pixel] = 0x80;
  }
  return bytes;
}

/** A ZIP whose word/document.xml inflates to 128 MiB, its headers claiming 1 KiB. */
function zipBomb(): Uint8Array {
  const xml = new Uint8Array(128 * 1024 * 1024).fill(0x20);
  return lieAboutSizes(zipSync({ "word/document.xml": xml }, { level: 9 }));
}

/** The ZIP with every entry's uncompressed size, in its local header and its directory entry, set to 1 KiB. */
function lieAboutSizes(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let at = 0; at + 4 <= zip.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50) view.setUint32(at + 22, 1024, true); // local header: uncompressed size
    if (signature === 0x02014b50) view.setUint32(at + 24, 1024, true); // central directory: the same
  }
  return zip;
}

/** Numbered objects (object 1 the catalog) with a correct xref table. */
function serialisePdf(objects: readonly string[], extraTrailer = ""): Buffer {
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const start = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${extraTrailer} >>\nstartxref\n${start}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** A one-page PDF showing a canteen menu in Helvetica on a page of `mediaBox`. */
function menuPdf(mediaBox: string, extra: string[] = [], extraTrailer = ""): Buffer {
  const stream = "BT /F1 12 Tf 72 700 Td 16 TL (Staff canteen menu, week 12) Tj T* (Monday: noodle soup) Tj ET";
  return serialisePdf(
    [
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      `<< /Type /Page /Parent 2 0 R /MediaBox [${mediaBox}] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>`,
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
      ...extra,
    ],
    extraTrailer,
  );
}

/**
 * The good report with a hairline mesh drawn over its page 3 (table 三): by default 1,000 × 1,000 lines of 0.1 pt,
 * each drawn as 100 tiny paths (200,000 paths), added as a second content stream by an incremental update.
 * Read as a ruled grid, the mesh cut 7 printed values into blanks or wrong numbers at full confidence.
 */
async function hairlinePdf(rowLines = 1000, colLines = 1000): Promise<Buffer> {
  const pdf = await sample(`${GOOD_PDF}.pdf`);
  const ops: string[] = ["q 0.1 w 0.5 G"];
  const [x0, x1, y0, y1, pieces] = [40, 560, 80, 800, 100];
  for (let i = 0; i < Math.max(rowLines, colLines); i++) {
    const y = (y0 + (i * (y1 - y0)) / (rowLines - 1)).toFixed(2);
    const x = (x0 + (i * (x1 - x0)) / (colLines - 1)).toFixed(2);
    for (let p = 0; p < pieces; p++) {
      const a = (x0 + (p * (x1 - x0)) / pieces).toFixed(2);
      const b = (x0 + ((p + 1) * (x1 - x0)) / pieces).toFixed(2);
      const c = (y0 + (p * (y1 - y0)) / pieces).toFixed(2);
      const d = (y0 + ((p + 1) * (y1 - y0)) / pieces).toFixed(2);
      if (i < rowLines) ops.push(`${a} ${y} m ${b} ${y} l S`);
      if (i < colLines) ops.push(`${x} ${c} m ${x} ${d} l S`);
    }
  }
  ops.push("Q");
  const stream = deflateSync(Buffer.from(ops.join("\n")));
  // Object numbers of samples/ruled-clean-2023.pdf: page 3 is object 7 (contents 8), 33 objects, xref at 135828.
  const page = Buffer.from(
    "7 0 obj\n<</Type/Page/Parent 13 0 R/Resources 30 0 R/MediaBox[0 0 595.303937007874 841.889763779528]" +
      "/Contents [8 0 R 33 0 R]>>\nendobj\n",
  );
  const head = Buffer.from(`33 0 obj\n<</Length ${stream.length}/Filter/FlateDecode>>\nstream\n`);
  const tail = Buffer.from("\nendstream\nendobj\n");
  const start = pdf.length + 1;
  const xref = start + page.length + head.length + stream.length + tail.length;
  const at = (n: number) => `${String(n).padStart(10, "0")} 00000 n \n`;
  const id = "<6F8D684EC18FC10F2DD96CEABCC223E7>";
  const trailer =
    `xref\n7 1\n${at(start)}33 1\n${at(start + page.length)}trailer\n` +
    `<</Size 34/Root 31 0 R/Info 32 0 R/Prev 135828/ID [${id}${id}]>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from("\n"), page, head, stream, tail, Buffer.from(trailer)]);
}

const nested = (open: string, close: string, depth: number, inner: string) =>
  open.repeat(depth) + inner + close.repeat(depth);

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

export const MAKERS: Record<string, Maker> = {
  /** The good report under 82 Chinese characters (246 bytes + .pdf): its temp name would pass 255 bytes. */
  longName: async (inbox, file) => put(join(inbox, file), await sample(`${GOOD_PDF}.pdf`)),
  copyPdf: async (inbox, file) => put(join(inbox, file), await sample(`${GOOD_PDF}.pdf`)),
  copyHtml: async (inbox, file) => put(join(inbox, file), await sample(`${GOOD_HTML}.html`)),
  /** The good report under its name in GBK bytes (an archive unzipped from Windows). */
  gbkName: async (inbox, file) => {
    const path = Buffer.concat([Buffer.from(`${inbox}/`), Buffer.from(new Uint8Array(gbk(file)))]);
    await writeFile(path, await sample(`${GOOD_PDF}.pdf`));
  },
  /** An agency folder reached through a symbolic link (and a link from inside it back up: a loop). */
  symlinkedFolder: async (inbox, file) => {
    const real = join(dirname(inbox), "real-agency");
    await put(join(real, "2023年报.pdf"), await sample(`${GOOD_PDF}.pdf`));
    await symlink(real, join(inbox, dirname(file)));
    await symlink(real, join(real, "loop"));
  },
  fifo: async (inbox, file) => {
    execFileSync("mkfifo", [join(inbox, file)]);
  },
  /** 3 GiB, sparse: nothing is stored, reading it would take minutes. */
  sparse: async (inbox, file) => {
    await put(join(inbox, file), "%PDF-1.7\n");
    await truncate(join(inbox, file), 3 * 1024 ** 3);
  },
  htmlRows: async (inbox, file) =>
    put(
      join(inbox, file),
      `<html><body><table>${"<tr><td>一、本年新收政府信息公开申请数量</td><td>1</td><td>2</td></tr>".repeat(20_000)}</table></body></html>`,
    ),
  htmlNestedTables: async (inbox, file) =>
    put(join(inbox, file), `<html><body>${nested("<table><tr><td>", "</td></tr></table>", 10_000, "1")}</body></html>`),
  htmlNestedDivs: async (inbox, file) =>
    put(join(inbox, file), `<html><body>${nested("<div>", "</div>", 100_000, "政府信息公开")}</body></html>`),
  docxNestedTables: async (inbox, file) => {
    const body = nested("<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>", 5_000, "<w:p><w:r><w:t>1</w:t></w:r></w:p>");
    const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
    await put(join(inbox, file), zipSync({ "word/document.xml": strToU8(xml) }));
  },
  /** The good .docx with its document.xml re-encoded as UTF-16LE with a byte-order mark. */
  docxUtf16: async (inbox, file) => {
    const parts = await docxParts();
    const xml = new TextDecoder().decode(parts["word/document.xml"]).replace('encoding="UTF-8"', 'encoding="UTF-16"');
    parts["word/document.xml"] = new Uint8Array(Buffer.from(`\ufeff${xml}`, "utf16le"));
    await put(join(inbox, file), zipSync(parts));
  },
  /** The good .docx with one w:gridSpan of 1e9. */
  docxGridSpan: async (inbox, file) => {
    const parts = await docxParts();
    const xml = new TextDecoder()
      .decode(parts["word/document.xml"])
      .replace(/gridSpan w:val="\d+"/, 'gridSpan w:val="1000000000"');
    parts["word/document.xml"] = strToU8(xml);
    await put(join(inbox, file), zipSync(parts));
  },
  /** The good .docx with a stored first entry named `%PDF-1.7.txt`: `%PDF-` in its first KiB. */
  docxPdfMarker: async (inbox, file) => {
    const parts = await docxParts();
    const zip = zipSync({ "%PDF-1.7.txt": [strToU8("%PDF-1.7"), { level: 0 }], ...parts });
    await put(join(inbox, file), zip);
  },
  zipBomb: async (inbox, file) => put(join(inbox, file), zipBomb()),
  /** The good OFD with page 1's content part inflating to 128 MiB of spaces, its ZIP headers saying 1 KiB. */
  ofdZipBomb: async (inbox, file) => {
    const parts = unzipSync(await sample(`${GOOD_OFD}.ofd`));
    parts["Doc_0/Pages/Page_0/Content.xml"] = new Uint8Array(128 * 1024 * 1024).fill(0x20);
    await put(join(inbox, file), lieAboutSizes(zipSync(parts, { level: 9 })));
  },
  /** The good OFD with 100,000 PageBlocks nested in one another on page 2. */
  ofdNestedBlocks: async (inbox, file) => {
    const parts = unzipSync(await sample(`${GOOD_OFD}.ofd`));
    const page = "Doc_0/Pages/Page_1/Content.xml";
    const blocks = nested("<ofd:PageBlock>", "</ofd:PageBlock>", 100_000, "");
    parts[page] = strToU8(new TextDecoder().decode(parts[page]).replace("</ofd:Layer>", `${blocks}</ofd:Layer>`));
    await put(join(inbox, file), zipSync(parts));
  },
  /** A PNG declaring 100,000 × 100,000 pixels in a few bytes (a decompression bomb). */
  pngBomb: async (inbox, file) => {
    const ihdr = Buffer.alloc(25);
    ihdr.writeUInt32BE(13, 0);
    ihdr.write("IHDR", 4, "latin1");
    ihdr.writeUInt32BE(100_000, 8);
    ihdr.writeUInt32BE(100_000, 12);
    ihdr.set([8, 0, 0, 0, 0], 16); // 8-bit grey; the CRC (21–24) is left 0
    await put(join(inbox, file), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr]));
  },
  tiffLoop: async (inbox, file) => put(join(inbox, file), tinyTiff(3, true)),
  tiffPages: async (inbox, file) => put(join(inbox, file), tinyTiff(1_200)),
  /** The good page, UTF-8, declaring charset=utf-16 (browsers read it as UTF-8). */
  htmlUtf16Label: async (inbox, file) => {
    const html = (await sample(`${GOOD_HTML}.html`))
      .toString("utf8")
      .replace('<meta charset="utf-8">', '<meta charset="utf-16">');
    await put(join(inbox, file), html);
  },
  /** Encrypted with a security handler no reader implements (/Filter /FooBarSecurity). */
  unknownSecurity: async (inbox, file) =>
    put(
      join(inbox, file),
      menuPdf(
        "0 0 595 842",
        ["<< /Filter /FooBarSecurity /V 1 /R 2 /O <00> /U <00> /P -4 >>"],
        " /Encrypt 6 0 R /ID [<01020304><01020304>]",
      ),
    ),
  hairlines: async (inbox, file) => put(join(inbox, file), await hairlinePdf()),
  /** A coarser mesh, 140 rows × 20 columns: within a table's size, its rules cut through the printed text. */
  hairlinesCoarse: async (inbox, file) => put(join(inbox, file), await hairlinePdf(141, 21)),
  /** A page of 1e30 × 1e30 points. */
  hugeMediaBox: async (inbox, file) => put(join(inbox, file), menuPdf("0 0 1e30 1e30")),
  /** The good page in UTF-16LE without a byte-order mark (under its `<meta charset="utf-8">`). */
  htmlUtf16NoBom: async (inbox, file) =>
    put(join(inbox, file), Buffer.from((await sample(`${GOOD_HTML}.html`)).toString("utf8"), "utf16le")),
  /** A report's title and narrative, its tables left out (published as an attachment). */
  titleOnly: async (inbox, file) =>
    put(
      join(inbox, file),
      '<html><head><meta charset="utf-8"><title>某市某局2023年政府信息公开工作年度报告_某市人民政府</title></head><body>' +
        "<h1>某市某局2023年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>本报告由本机关编制，全文见附件。</p>" +
        '<p><a href="/f/2023.pdf">附件：2023年政府信息公开工作年度报告.pdf</a></p></body></html>',
    ),
  /** A portal's landing page for the reports: links only. */
  portalPage: async (inbox, file) =>
    put(
      join(inbox, file),
      '<html><head><meta charset="utf-8"><title>2023年政府信息公开工作年度报告_某市人民政府门户网站</title></head><body>' +
        '<ul><li><a href="/a">市发改委2023年政府信息公开工作年度报告</a></li>' +
        '<li><a href="/b">市教育局2023年政府信息公开工作年度报告</a></li></ul></body></html>',
    ),
};

function gbk(name: string): Uint8Array {
  // Node's TextEncoder only writes UTF-8: the few characters the tests use, by their GBK codes.
  const codes: Record<string, number[]> = { 年: [0xc4, 0xea], 报: [0xb1, 0xa8], 告: [0xb8, 0xe6] };
  return new Uint8Array([...name].flatMap((c) => codes[c] ?? [c.charCodeAt(0)]));
}
