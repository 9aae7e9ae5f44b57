// Writes tests/fixtures/formats-check/ (issue 15's independent check set): reports in .doc, .wps, .mht/.mhtml
// and pages whose tables are pictures, each made from a born-digital sample's truth alone — the HTML is laid
// out by ./report-html.ts in its own table styles (not by the sample generators), then written by LibreOffice
// (.doc, .wps, .docx → .doc), by ./web-archive.ts (MIME archives) or screenshotted by Chromium (pictures).
// Each <stem>.truth.json is the source sample's truth with `file` (and for pictures `pages_need_ocr`) changed.
// Run: npx tsx scripts/check-formats/make.ts [word|split|mht|pictures|ofd]   (needs soffice, iconv and
// /usr/bin/chromium)
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Producer, readPdf, writeOfd } from "./ofd-from-pdf.js";
import { makePicturePage, type PictureJob } from "./pictures.js";
import { reportHtml, type TableStyle, type Truth } from "./report-html.js";
import { type ArchiveShape, encodeText, type Part, writeArchive } from "./web-archive.js";

const ROOT = join(import.meta.dirname, "../..");
const OUT = process.env.CHECK_FORMATS_OUT ?? join(ROOT, "tests/fixtures/formats-check");
const WORK = "/tmp/gongkai-formats-check";
const PROFILE = `file://${WORK}/lo-profile`;
const ALL_MARKS = ["", "—", "/", "-", "无", "－"];

const made: { file: string; from: string; how: string }[] = [];

function truthOf(stem: string): Truth {
  return JSON.parse(readFileSync(join(ROOT, "samples", `${stem}.truth.json`), "utf8")) as Truth;
}

function writeTruth(from: string, file: string, how: string, pagesNeedOcr: number[] = []): void {
  const truth = truthOf(from);
  if (truth.flags.some((f) => f.rule.startsWith("text.") || f.rule === "s2.fee_unit"))
    throw new Error(`${from}: its flags need the sample's narrative, which these reports do not print`);
  const out = { ...truth, file, pages_need_ocr: pagesNeedOcr };
  writeFileSync(join(OUT, `${file.replace(/\.[^.]+$/, "")}.truth.json`), `${JSON.stringify(out, null, 2)}\n`);
  made.push({ file, from, how });
}

function soffice(filter: string, inputs: string[], outDir: string, html: boolean): void {
  execFileSync(
    "nice",
    [
      "-n",
      "10",
      "soffice",
      `-env:UserInstallation=${PROFILE}`,
      "--headless",
      ...(html ? ["--infilter=HTML (StarWriter)"] : []),
      "--convert-to",
      filter,
      "--outdir",
      outDir,
      ...inputs,
    ],
    { stdio: "pipe", timeout: 600_000 },
  );
}

interface WordJob {
  readonly file: string;
  readonly from: string;
  readonly style: TableStyle;
  readonly how: string;
  readonly viaDocx?: boolean;
}

const WORD: readonly WordJob[] = [
  { file: "doc-lo-ruled-2023.doc", from: "ruled-clean-2023", style: {}, how: "ruled, three merged label columns" },
  {
    file: "doc-lo-vertical-2021.doc",
    from: "zero-styles-2021",
    style: { vertical: true, brokenHeaders: true, blankMarks: ALL_MARKS },
    how: "group labels one character per line, header words broken, zeros as blank, —, /, -, 无, －",
  },
  {
    file: "doc-lo-portal-2023.doc",
    from: "arith-errors-2023",
    style: { portal: true, mergedS2: true },
    how: "inside a portal's layout tables (nested tables); section 二 in one grid; published arithmetic errors",
  },
  {
    file: "doc-lo-split-v2019-2020.doc",
    from: "v2019-unruled-2020",
    style: { splitS3After: 10, blankMarks: ["", "—"], procurementYuan: true, borders: "none" },
    how: "v2019, no borders, table 三 split in two tables with a page break and “- 3 -”, 采购总金额 in 元",
  },
  {
    file: "doc-lo-legacy-2016.doc",
    from: "legacy-table-2016",
    style: {},
    how: "legacy 统计表 with rows that carry no key",
  },
  {
    file: "doc-lo-docx-county-2024.doc",
    from: "county-rules-2024",
    style: { oneLabelColumn: true, thousands: true },
    viaDocx: true,
    how: "HTML → .docx → .doc (two LibreOffice hops); section 三's labels in one column",
  },
  {
    file: "doc-lo-fullwidth-2023.doc",
    from: "fullwidth-large-2023",
    style: { fullWidth: true, thousands: true, borders: "none" },
    how: "full-width digits, thousands separators, no borders",
  },
  {
    file: "wps-lo-v2019-mismatch-2022.wps",
    from: "v2019-mismatch-2022",
    style: { vertical: true },
    how: "v2019 layout in a 2022 report, vertical group labels; Word-binary under a .wps name",
  },
  {
    file: "wps-lo-split-2022.wps",
    from: "vertical-merged-2022",
    style: { brokenHeaders: true, splitS3After: 18 },
    how: "table 三 split after 18 rows inside the （三）不予公开 group; Word-binary under a .wps name",
  },
];

function makeWord(): void {
  const dir = join(WORK, "word");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "docx"), { recursive: true });
  const stem = (job: WordJob) => job.file.replace(/\.[^.]+$/, "");
  for (const job of WORD) writeFileSync(join(dir, `${stem(job)}.html`), reportHtml(truthOf(job.from), job.style));
  const direct = WORD.filter((j) => !j.viaDocx).map((j) => join(dir, `${stem(j)}.html`));
  soffice("doc:MS Word 97", direct, join(dir, "out"), true);
  const viaDocx = WORD.filter((j) => j.viaDocx);
  soffice(
    "docx:MS Word 2007 XML",
    viaDocx.map((j) => join(dir, `${stem(j)}.html`)),
    join(dir, "docx"),
    true,
  );
  soffice(
    "doc:MS Word 97",
    viaDocx.map((j) => join(dir, "docx", `${stem(j)}.docx`)),
    join(dir, "out"),
    false,
  );
  for (const job of WORD) {
    copyFileSync(join(dir, "out", `${stem(job)}.doc`), join(OUT, job.file));
    writeTruth(job.from, job.file, `LibreOffice .doc: ${job.how}`);
  }
}

interface SplitJob extends WordJob {
  /** What LibreOffice writes from the HTML: a Word 97 file (.doc, or .wps under that name), .docx or a PDF. */
  readonly format: "doc" | "docx" | "pdf";
}

/**
 * Section 三 split into two tables whose continuation drops the merged group cells instead of keeping them empty:
 * its rows are ragged, and LibreOffice pads the short ones with empty cells at the right (in .doc, .docx and the
 * PDF it draws).
 */
const SPLIT_DROP: readonly SplitJob[] = [
  {
    file: "doc-lo-splitdrop-2023.doc",
    from: "ruled-clean-2023",
    style: { splitS3After: 10, splitDropsGroups: true },
    format: "doc",
    how: "table 三 split after 10 rows, the continuation without the group cells: short rows padded at the right",
  },
  {
    file: "wps-lo-splitdrop-2022.wps",
    from: "vertical-merged-2022",
    style: { brokenHeaders: true, splitS3After: 18, splitDropsGroups: true },
    format: "doc",
    how: "table 三 split after 18 rows inside （三）不予公开, the continuation without the group cells, padded",
  },
  {
    file: "doc-lo-splitdrop-v2019-2020.doc",
    from: "v2019-unruled-2020",
    style: { splitS3After: 10, splitDropsGroups: true, blankMarks: ["", "—"], procurementYuan: true, borders: "none" },
    format: "doc",
    how: "v2019, no borders, table 三 split after 10 rows, the continuation without the group cells, padded",
  },
  {
    file: "docx-lo-splitdrop-2021.docx",
    from: "zero-styles-2021",
    style: { splitS3After: 12, splitDropsGroups: true, blankMarks: ALL_MARKS, brokenHeaders: true },
    format: "docx",
    how: "table 三 split after 12 rows, the continuation without the group cells, padded; six blank-zero marks",
  },
  {
    file: "pdf-lo-splitdrop-2022.pdf",
    from: "vertical-merged-2022",
    style: { brokenHeaders: true, splitS3After: 18, splitDropsGroups: true },
    format: "pdf",
    how: "LibreOffice's PDF of the .wps's HTML: the padded cells drawn, the continuation's columns off the header's",
  },
];

function makeSplitDrop(): void {
  const dir = join(WORK, "split");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const stem = (job: WordJob) => job.file.replace(/\.[^.]+$/, "");
  for (const job of SPLIT_DROP) writeFileSync(join(dir, `${stem(job)}.html`), reportHtml(truthOf(job.from), job.style));
  const filters = { doc: "doc:MS Word 97", docx: "docx:MS Word 2007 XML", pdf: "pdf:writer_pdf_Export" } as const;
  for (const format of ["doc", "docx", "pdf"] as const) {
    const jobs = SPLIT_DROP.filter((j) => j.format === format);
    soffice(
      filters[format],
      jobs.map((j) => join(dir, `${stem(j)}.html`)),
      join(dir, "out"),
      true,
    );
  }
  for (const job of SPLIT_DROP) {
    copyFileSync(join(dir, "out", `${stem(job)}.${job.format}`), join(OUT, job.file));
    writeTruth(job.from, job.file, `LibreOffice .${job.format}: ${job.how}`);
  }
}

const LOGO: Part = {
  type: "image/gif",
  location: "http://www.example.gov.cn/images/logo.gif",
  id: "<logo@check.gongkai>",
  // A 1×1 GIF: the page's other picture, which is no table.
  body: Uint8Array.from(Buffer.from("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==", "base64")),
};

interface ArchiveJob {
  readonly file: string;
  readonly from: string;
  readonly style: TableStyle;
  readonly shape: ArchiveShape;
  readonly how: string;
}

const ARCHIVES: readonly ArchiveJob[] = [
  {
    file: "mht-gb18030-b64-2023.mht",
    from: "ruled-clean-2023",
    style: {},
    shape: {
      charset: "GB18030",
      transfer: "base64",
      boundary: "ie",
      eol: "\r\n",
      declareCharset: true,
      pageLast: true,
    },
    how: "IE shape, GB18030 page in base64, page part after the picture part (start=<cid>)",
  },
  {
    file: "mht-utf8-qp-lf-2021.mhtml",
    from: "zero-styles-2021",
    style: { blankMarks: ALL_MARKS, brokenHeaders: true },
    shape: { charset: "UTF-8", transfer: "quoted-printable", boundary: "chrome", eol: "\n", declareCharset: true },
    how: "Chrome shape, UTF-8 quoted-printable with soft breaks inside characters, LF line ends",
  },
  {
    file: "mht-gbk-8bit-meta-2016.mht",
    from: "legacy-table-2016",
    style: {},
    shape: {
      charset: "GBK",
      transfer: "8bit",
      boundary: "odd",
      eol: "\r\n",
      declareCharset: false,
      encodedLocation: true,
    },
    how: "legacy; raw GBK bytes (8bit), charset only in <meta>, odd boundary, RFC 2047 Content-Location",
  },
  {
    file: "mht-gbk-qp-v2019-2020.mht",
    from: "v2019-ruled-2020",
    style: { portal: true, procurementYuan: true },
    shape: { charset: "GBK", transfer: "quoted-printable", boundary: "ie", eol: "\r\n", declareCharset: true },
    how: "v2019 portal page, GBK quoted-printable, IE shape",
  },
  {
    file: "mht-utf16-unicode-2023.mht",
    from: "fullwidth-large-2023",
    style: { fullWidth: true, thousands: true },
    shape: {
      charset: "UTF-16LE",
      label: "unicode",
      transfer: "base64",
      boundary: "ie",
      eol: "\r\n",
      declareCharset: true,
    },
    how: 'IE\'s “Unicode” save: UTF-16LE page without BOM in base64, declared charset="unicode"; full-width digits',
  },
];

const PAGE_URL = "http://www.example.gov.cn/zwgk/ndbg/index.html";

function makeArchives(): void {
  for (const job of ARCHIVES) {
    const charset = job.shape.label ?? (job.shape.charset === "UTF-8" ? "utf-8" : job.shape.charset.toLowerCase());
    const html = reportHtml(truthOf(job.from), job.style, charset);
    const withLogo = html.replace("<body>", `<body><img src="${LOGO.location}" alt="">`);
    const page: Part = { type: "text/html", location: PAGE_URL, body: encodeText(withLogo, job.shape.charset) };
    const title = `${truthOf(job.from).report.agency}政府信息公开工作年度报告`;
    writeFileSync(join(OUT, job.file), writeArchive(page, [LOGO], job.shape, title));
    writeTruth(job.from, job.file, `web archive: ${job.how}`);
  }
}

const PICTURES: readonly (PictureJob & { from: string; how: string })[] = [
  {
    file: "pictures-jpeg-2023.mht",
    from: "ruled-clean-2023",
    style: { brokenHeaders: true },
    format: "jpeg",
    ref: "url",
    shape: { charset: "GB18030", transfer: "base64", boundary: "ie", eol: "\r\n", declareCharset: true },
    how: "the three sections' tables as JPEG screenshots (Chromium, 1.5×) in an IE-shaped GB18030 .mht",
  },
  {
    file: "pictures-png-cid-v2019-2020.mhtml",
    from: "v2019-unruled-2020",
    style: { blankMarks: ["", "—"], borders: "none" },
    format: "png",
    ref: "cid",
    shape: { charset: "UTF-8", transfer: "quoted-printable", boundary: "chrome", eol: "\r\n", declareCharset: true },
    how: "v2019 unruled tables with blank and — zeros as PNG screenshots named by cid: in a Chrome-shaped .mhtml",
  },
  {
    file: "pictures-page-2021.html",
    from: "zero-styles-2021",
    style: { blankMarks: ["", "—", "/", "无"] },
    format: "png",
    ref: "folder",
    how: "a saved page, its three pictures in pictures-page-2021_files/ under Chinese names (统计表 1.png), src URL-encoded",
  },
];

async function makePictures(): Promise<void> {
  for (const job of PICTURES) {
    await makePicturePage(truthOf(job.from), job, OUT);
    writeTruth(job.from, job.file, job.how, [1, 2, 3]);
  }
}

const OFDS: readonly { file: string; from: string; style: TableStyle; producer: Producer; how: string }[] = [
  {
    file: "ofd-glyphs-2023.ofd",
    from: "ruled-clean-2023",
    style: {},
    producer: "per-glyph",
    how: "one TextCode per glyph at absolute positions, Boundary the page; one PathObject per rule",
  },
  {
    file: "ofd-deltag-v2019-2020.ofd",
    from: "v2019-ruled-2020",
    style: { vertical: true },
    producer: "delta-g",
    how: "v2019; tight Boundary per word, X/Y relative to it, DeltaX with `g` runs; all rules in one PathObject",
  },
  {
    file: "ofd-ctm-legacy-2016.ofd",
    from: "legacy-table-2016",
    style: {},
    producer: "ctm-points",
    how: "legacy; text and rules in points under a millimetre CTM; rules in a Background layer",
  },
  {
    file: "ofd-twodocs-2021.ofd",
    from: "zero-styles-2021",
    style: { blankMarks: ALL_MARKS, brokenHeaders: true },
    producer: "template-two-docs",
    how: "two documents (DocBody): a cover letter, then the report; rules in page templates; six blank-zero marks",
  },
];

const COVER = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>报送函</title></head><body>
<h2 align="center">关于报送政府信息公开工作年度报告的函</h2>
<p>市政府办公室：</p><p style="text-indent:2em">根据《中华人民共和国政府信息公开条例》规定，现将本单位政府信息公开工作年度报告报送你们，请予审核。</p>
<p align="right">（此页无正文）</p></body></html>`;

function makeOfds(): void {
  const dir = join(WORK, "ofd");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const stem = (file: string) => file.replace(/\.[^.]+$/, "");
  for (const job of OFDS) writeFileSync(join(dir, `${stem(job.file)}.html`), reportHtml(truthOf(job.from), job.style));
  writeFileSync(join(dir, "cover.html"), COVER);
  const inputs = [...OFDS.map((j) => join(dir, `${stem(j.file)}.html`)), join(dir, "cover.html")];
  soffice("pdf:writer_pdf_Export", inputs, dir, true);
  const cover = readPdf(join(dir, "cover.pdf"), dir);
  for (const job of OFDS) {
    const pages = readPdf(join(dir, `${stem(job.file)}.pdf`), dir);
    const truth = truthOf(job.from);
    const title = `${truth.report.agency}${truth.report.year}年政府信息公开工作年度报告`;
    writeFileSync(join(OUT, job.file), writeOfd(pages, job.producer, title, cover));
    writeTruth(job.from, job.file, `OFD from LibreOffice's PDF via poppler: ${job.how}`);
  }
}

mkdirSync(OUT, { recursive: true });
mkdirSync(WORK, { recursive: true });
const only = process.argv[2];
if (!only || only === "word") makeWord();
if (!only || only === "split") makeSplitDrop();
if (!only || only === "mht") makeArchives();
if (!only || only === "pictures") await makePictures();
if (!only || only === "ofd") makeOfds();
writeFileSync(join(WORK, `made-${only ?? "all"}.json`), `${JSON.stringify(made, null, 2)}\n`);
console.log(made.map((m) => `${m.file}\t${m.from}\t${m.how}`).join("\n"));
