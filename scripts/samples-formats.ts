// Generates samples/formats/ (issue 15): the repo's .docx and HTML samples written as Word 97–2003 .doc by
// LibreOffice (and one saved as .wps), as web archives in the shapes Chrome/Edge (.mhtml) and Internet Explorer
// (.mht, gb2312, quoted-printable) write, and a page whose three tables are pictures (PNG screenshots rendered
// by Chromium) as a web archive and as a saved page with its `_files/` folder. Each truth file is its source
// sample's (same values, blanks, flags), with `file` (and for the pictures `pages_need_ocr`) changed.
// Run: npx tsx scripts/samples-formats.ts   (needs soffice and chromium)
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { decodeHtml, docxBlocks, htmlBlocks, readDocumentXml } from "../src/stages/markup/index.js";
import { chromeMhtml, ieMht, type Resource } from "./samples-formats-mht.js";
import { renderTablePictures } from "./samples-formats-pictures.js";
import { encodeGbk } from "./samples-past-html.js";
import { WORK_DIR } from "./samples-pdf.js";
import { blocksToParagraphs, buildWord, toCompoundFile } from "./word-binary-writer.js";

const ROOT = join(import.meta.dirname, "..");
const SAMPLES = join(ROOT, "samples");
const OUT = join(SAMPLES, "formats");
const PROFILE = `file://${WORK_DIR}/lo-profile`;

interface Made {
  readonly file: string;
  readonly source: string;
  readonly shape: string;
}

const made: Made[] = [];

function writeTruth(sourceStem: string, file: string, shape: string, pagesNeedOcr: readonly number[] = []): void {
  const truth = JSON.parse(readFileSync(join(SAMPLES, `${sourceStem}.truth.json`), "utf8"));
  const out = { ...truth, file, pages_need_ocr: pagesNeedOcr };
  const stem = file.replace(/\.[^.]+$/, "");
  writeFileSync(join(OUT, `${stem}.truth.json`), `${JSON.stringify(out, null, 2)}\n`);
  made.push({ file, source: `${sourceStem}${extname(truth.file)}`, shape });
}

/** LibreOffice's "MS Word 97" export of a .docx or HTML sample. */
function toDoc(sourceFile: string, file: string, shape: string): void {
  const outDir = join(WORK_DIR, "doc");
  mkdirSync(outDir, { recursive: true });
  const input = join(SAMPLES, sourceFile);
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=${PROFILE}`,
      "--headless",
      ...(extname(input) === ".html" ? ["--infilter=HTML (StarWriter)"] : []),
      "--convert-to",
      "doc:MS Word 97",
      "--outdir",
      outDir,
      input,
    ],
    { stdio: "pipe", timeout: 180_000 },
  );
  copyFileSync(join(outDir, `${basename(input, extname(input))}.doc`), join(OUT, file));
  writeTruth(basename(sourceFile, extname(sourceFile)), file, shape);
}

const pageUrl = (name: string) => `http://www.example.gov.cn/zwgk/ndbg/${name}`;
const titleOf = (html: string) => /<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? "";

function makeDocs(): void {
  toDoc("docx-official-2022.docx", "doc-official-2022.doc", "v2021 official template .docx → LibreOffice .doc");
  toDoc("v2019-docx-2020.docx", "doc-v2019-2020.doc", "v2019 .docx → LibreOffice .doc");
  toDoc("legacy-html-2017.html", "doc-legacy-html-2017.doc", "legacy HTML page → LibreOffice Writer → .doc");
  toDoc(
    "html-nested-2023.html",
    "doc-nested-2023.doc",
    "portal page with the tables nested in layout tables → .doc (nested Word tables, itap 2–3)",
  );
  toDoc("v2019-gbk-2020.html", "doc-v2019-gbk-2020.doc", "GBK HTML page → LibreOffice Writer → .doc");
  // WPS Office saves .wps in the Word 97–2003 binary format; a LibreOffice .doc under that name stands in for one.
  copyFileSync(join(OUT, "doc-v2019-2020.doc"), join(OUT, "wps-v2019-2020.wps"));
  writeTruth(
    "v2019-docx-2020",
    "wps-v2019-2020.wps",
    "a Word-binary .wps (the .doc above under a .wps name, as WPS Office saves it)",
  );
}

/**
 * The second writer (scripts/word-binary-writer.ts): a sample's paragraphs and tables, as the HTML / .docx front
 * end reads them, written as a .doc with what LibreOffice never writes.
 */
function makeSecondWriterDocs(): void {
  const docx = readDocumentXml(readFileSync(join(SAMPLES, "docx-official-2022.docx")));
  if (docx === null) throw new Error("Expected word/document.xml in docx-official-2022.docx");
  const official = blocksToParagraphs(docxBlocks(docx));
  // 8-bit GBK text (as some non-Microsoft writers store it), cut into pieces stored in reverse order.
  const length = official.reduce((n, p) => n + [...p.text].length, 0);
  const cuts = [0.2, 0.45, 0.7].map((f) => Math.floor(length * f));
  writeFileSync(join(OUT, "doc-writer2-gbk-2022.doc"), toCompoundFile(buildWord(official, { encoding: "gbk", cuts })));
  writeTruth(
    "docx-official-2022",
    "doc-writer2-gbk-2022.doc",
    "v2021 official template written by gongkai's test writer: 8-bit GBK pieces stored out of order, spans as horzMerge/vertMerge flags on a uniform grid",
  );
  const legacy = blocksToParagraphs(htmlBlocks(decodeHtml(readFileSync(join(SAMPLES, "v2019-gbk-2020.html"))).text));
  const total = legacy.reduce((n, p) => n + [...p.text].length, 0);
  writeFileSync(
    join(OUT, "doc-writer2-v2019-2020.doc"),
    toCompoundFile(buildWord(legacy, { cuts: [Math.floor(total / 3), Math.floor((2 * total) / 3)] })),
  );
  writeTruth(
    "v2019-gbk-2020",
    "doc-writer2-v2019-2020.doc",
    "v2019 GBK page written by gongkai's test writer: UTF-16 pieces out of order, merge flags, several FKP pages",
  );
}

function makeArchives(): void {
  const utf8 = (stem: string) => readFileSync(join(SAMPLES, `${stem}.html`), "utf8");
  const v2019 = utf8("v2019-html-2019");
  writeFileSync(
    join(OUT, "mht-chrome-v2019-2019.mhtml"),
    chromeMhtml({ url: pageUrl("t2019.html"), title: titleOf(v2019), html: v2019 }, []),
  );
  writeTruth(
    "v2019-html-2019",
    "mht-chrome-v2019-2019.mhtml",
    "Chrome/Edge .mhtml: Saved by Blink, quoted-printable UTF-8, Snapshot-Content-Location",
  );
  const nested = utf8("html-nested-2023");
  writeFileSync(
    join(OUT, "mht-chrome-nested-2023.mhtml"),
    chromeMhtml({ url: pageUrl("t2023.html"), title: titleOf(nested), html: nested }, []),
  );
  writeTruth(
    "html-nested-2023",
    "mht-chrome-nested-2023.mhtml",
    "Chrome .mhtml of a portal page (tables nested in layout tables)",
  );
  const gbk = readFileSync(join(SAMPLES, "v2019-gbk-2020.html"));
  const gbkTitle = titleOf(new TextDecoder("gbk").decode(gbk));
  writeFileSync(
    join(OUT, "mht-ie-gbk-2020.mht"),
    ieMht({ url: pageUrl("t2020.htm"), title: gbkTitle, html: gbk, charset: "gb2312" }, []),
  );
  writeTruth(
    "v2019-gbk-2020",
    "mht-ie-gbk-2020.mht",
    'IE .mht: MimeOLE, preamble, quoted-printable GBK HTML, charset="gb2312"',
  );
  // The page re-encoded to GBK by the archive while its <meta> still says UTF-8: the part's charset wins.
  const legacy = utf8("legacy-html-2017");
  writeFileSync(
    join(OUT, "mht-ie-legacy-2017.mht"),
    ieMht({ url: pageUrl("t2017.htm"), title: titleOf(legacy), html: encodeGbk(legacy), charset: "gb2312" }, []),
  );
  writeTruth(
    "legacy-html-2017",
    "mht-ie-legacy-2017.mht",
    'IE .mht: GBK bytes under charset="gb2312" while the page\'s <meta> says utf-8',
  );
}

async function makePictures(): Promise<void> {
  const { html, pictures } = await renderTablePictures(readFileSync(join(SAMPLES, "v2019-html-2019.html"), "utf8"));
  const resources: Resource[] = pictures.map((p) => ({
    url: pageUrl(`t2019_files/${p.name}`),
    type: "image/png",
    bytes: p.bytes,
  }));
  const pages = pictures.map((_, i) => i + 1);
  writeFileSync(
    join(OUT, "pictures-mht-v2019-2019.mhtml"),
    chromeMhtml({ url: pageUrl("t2019.html"), title: titleOf(html), html }, resources),
  );
  writeTruth(
    "v2019-html-2019",
    "pictures-mht-v2019-2019.mhtml",
    "the three tables as PNG screenshots (Chromium) in a Chrome .mhtml",
    pages,
  );
  const folder = join(OUT, "pictures-page-v2019-2019_files");
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const p of pictures) writeFileSync(join(folder, p.name), p.bytes);
  writeFileSync(
    join(OUT, "pictures-page-v2019-2019.html"),
    html.replaceAll("t2019_files/", "pictures-page-v2019-2019_files/"),
  );
  writeTruth(
    "v2019-html-2019",
    "pictures-page-v2019-2019.html",
    "the same page saved as HTML with its pictures in pictures-page-v2019-2019_files/",
    pages,
  );
}

function writeReadme(): void {
  const rows = made.map((m) => `| \`${m.file}\` | \`${m.source}\` | ${m.shape} |`);
  writeFileSync(
    join(OUT, "README.md"),
    `# Samples in the other formats archives hold (issue 15)

Generated by \`npx tsx scripts/samples-formats.ts\` from the samples one folder up; do not edit by hand. Each
\`<stem>.truth.json\` is its source sample's truth (same values, blanks, flags, status), with \`file\` changed and,
for the pages whose tables are pictures, \`pages_need_ocr\` listing the pictures (read by OCR as pages 1–3).

| file | from | shape |
|---|---|---|
${rows.join("\n")}

The .doc files are written by LibreOffice (\`soffice --convert-to "doc:MS Word 97"\`), from a .docx or through
Writer's HTML import. Debian has no second writer of the Word binary format: AbiWord's \`--to=doc\` writes RTF
under a .doc name, which gongkai reports as \`unsupported\` (\`tests/fixtures/bad-input/doc-rtf.doc\`). The
\`doc-writer2-*\` files are written by gongkai's own minimal writer (\`scripts/word-binary-writer.ts\`, also used by
the reader's unit tests) with what LibreOffice does not write: 8-bit GBK pieces, pieces stored out of order,
spans as horzMerge/vertMerge flags on a uniform grid instead of cell widths, several FKP pages. It is written
from the same reading of [MS-DOC] as the reader, so it checks the reader's coverage, not its reading of the spec.
The .wps is the v2019 .doc under a .wps name: WPS Office saves .wps in that format.
The web archives are written by \`scripts/samples-formats-mht.ts\` in the header and encoding shapes of Chrome
("Saved by Blink") and Internet Explorer 8 (MimeOLE). The pictures are Chromium screenshots of the three tables
of \`v2019-html-2019.html\` at 1.5 device pixels per CSS pixel (\`scripts/samples-formats-pictures.ts\`).
`,
  );
}

mkdirSync(OUT, { recursive: true });
const only = process.argv.slice(2);
if (only.length === 0 || only.includes("doc")) makeDocs();
if (only.length === 0 || only.includes("writer2")) makeSecondWriterDocs();
if (only.length === 0 || only.includes("mht")) makeArchives();
if (only.length === 0 || only.includes("pictures")) await makePictures();
if (only.length === 0) writeReadme();
console.log(made.map((m) => m.file).join("\n"));
