// Writes the OFD samples (samples/ofd/<stem>.ofd + <stem>.truth.json + README.md) from committed samples: the text
// runs and ruling lines of a born-digital sample PDF, as pdf.js reads them (the pipeline's own text-layer and
// layout readers), are written as OFD TextObjects and PathObjects with the producer quirks the real OFD files
// show (tests/fixtures/ofd-real). The truth is the source sample's: same report, other container.
// Usage: npx tsx scripts/make-ofd.ts [stem…]
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createCanvas } from "@napi-rs/canvas";
import { estimateGlyphBoxes } from "../src/model/glyph-boxes.js";
import type { TextItem } from "../src/model/page-content.js";
import { withPdfDocument } from "../src/stages/ingest/index.js";
import { extractRuleSegments } from "../src/stages/layout/index.js";
import { pdfPageImage } from "../src/stages/ocr/index.js";
import { extractTextItems } from "../src/stages/text-layer/index.js";
import { type OfdStyle, type PageSpec, type RunSpec, writeOfd } from "./ofd-writer.js";

const ROOT = join(import.meta.dirname, "..");
const SAMPLES = join(ROOT, "samples");
const OUT = join(SAMPLES, "ofd");

interface OfdSampleSpec {
  readonly stem: string;
  /** The born-digital sample it is written from (samples/<from>.pdf and its truth file). */
  readonly from: string;
  readonly style: OfdStyle;
  /** Columns of single characters written as one vertical TextCode (DeltaY). */
  readonly verticalRuns?: boolean;
  /** A page written as one image: taken from this scanned twin (samples/scanned/<file>), read by OCR. */
  readonly scanPage?: { readonly page: number; readonly from: string };
  readonly about: string;
}

const NOTO_MONO = "/usr/share/fonts/truetype/noto/NotoMono-Regular.ttf";

const SPECS: readonly OfdSampleSpec[] = [
  {
    stem: "ofd-plain-arith-errors-2023",
    from: "arith-errors-2023",
    style: { font: "Noto Sans CJK SC" },
    about:
      "plain writer: every run a TextObject in millimetres with explicit DeltaX, every rule a stroked PathObject; the report's published arithmetic errors must give the same 7 flags",
  },
  {
    stem: "ofd-ctm-v2019-2020",
    from: "v2019-ruled-2020",
    style: { font: "Noto Sans CJK SC", ctm: true, compress: true, filledRules: true, embedFont: new Uint8Array() },
    about:
      "v2019 report; text and paths in points under CTM 0.3528 (as Suwell-style converters write), DeltaX with the `g` shorthand, rules as thin filled rectangles, the font file embedded (FontFile)",
  },
  {
    stem: "ofd-template-legacy-2016",
    from: "legacy-table-2016",
    style: { font: "Noto Sans CJK SC", templates: true, oddPaths: true, clips: true, compress: true },
    about:
      "legacy (2016) report; each page's rules in a page template of its own (ZOrder Background), absolute and backslash ST_Loc paths, Res folder as an absolute BaseLoc, page folders not named Page_N, every text object clipped, line width from a layer DrawParam's Relative chain",
  },
  {
    stem: "ofd-scan-page-2023",
    from: "ruled-clean-2023",
    style: { font: "Noto Sans CJK SC", compress: true },
    scanPage: { page: 3, from: "scan-ruled-clean-300.pdf" },
    about:
      "page 3 (table 三) is one scanned image (the 300 dpi scanned twin's page) and must go to OCR; the other pages are text",
  },
  {
    stem: "ofd-vertical-2022",
    from: "vertical-merged-2022",
    style: { font: "Noto Serif CJK SC", compress: true },
    verticalRuns: true,
    about:
      "merged cells written vertically: each column of single characters (三/、/本/年/度 …) is one TextCode stepping down with DeltaY and no DeltaX",
  },
  {
    stem: "ofd-zero-styles-2021",
    from: "zero-styles-2021",
    style: { font: "Noto Sans CJK SC", ctm: true, compress: true },
    about: "zeros printed as 0, blank, —, /, - and 无 (131 cell.blank flags); text under CTM, `g` shorthand",
  },
];

async function main(): Promise<void> {
  const wanted = new Set(process.argv.slice(2));
  await mkdir(OUT, { recursive: true });
  for (const spec of SPECS) {
    if (wanted.size > 0 && !wanted.has(spec.stem)) continue;
    const pages = await readPdfPages(join(SAMPLES, `${spec.from}.pdf`), spec.verticalRuns ?? false);
    if (spec.scanPage) {
      const index = spec.scanPage.page - 1;
      const page = pages[index];
      if (!page) throw new Error(`Expected a page ${spec.scanPage.page} in ${spec.from}.pdf`);
      const bytes = await scannedPageJpeg(join(SAMPLES, "scanned", spec.scanPage.from), spec.scanPage.page);
      pages[index] = { ...page, runs: [], rules: [], image: { bytes, format: "JPEG" } };
    }
    const style = spec.style.embedFont
      ? { ...spec.style, embedFont: new Uint8Array(await readFile(NOTO_MONO)) }
      : spec.style;
    const truth = JSON.parse(await readFile(join(SAMPLES, `${spec.from}.truth.json`), "utf8")) as Record<
      string,
      unknown
    >;
    const title = String((truth.report as { agency?: string }).agency ?? spec.stem);
    await writeFile(join(OUT, `${spec.stem}.ofd`), writeOfd(pages, style, title));
    const needOcr = spec.scanPage ? [spec.scanPage.page] : (truth.pages_need_ocr as number[]);
    await writeFile(
      join(OUT, `${spec.stem}.truth.json`),
      `${JSON.stringify({ ...truth, file: `${spec.stem}.ofd`, pages_need_ocr: needOcr }, null, 2)}\n`,
    );
    console.log(`${spec.stem}.ofd: ${pages.length} page(s) from ${spec.from}.pdf`);
  }
  await writeFile(join(OUT, "README.md"), readme());
}

/** The text runs and rules of each page of a PDF, in points from the top-left (the pipeline's own readers). */
async function readPdfPages(path: string, verticalRuns: boolean): Promise<PageSpec[]> {
  return withPdfDocument(new Uint8Array(await readFile(path)), async (doc) => {
    const pages: PageSpec[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const { items, rotation } = await extractTextItems(page);
      const { segments } = await extractRuleSegments(page, rotation);
      const viewport = page.getViewport({ scale: 1, rotation });
      const runs = items.map(toRun);
      pages.push({
        width: viewport.width,
        height: viewport.height,
        runs: verticalRuns ? stackColumns(runs) : runs,
        rules: segments,
      });
      page.cleanup();
    }
    return pages;
  });
}

/** A text item as a run: glyph left edges spread over its box as `estimateGlyphBoxes` spreads them. */
function toRun(item: TextItem): RunSpec {
  const glyphs = estimateGlyphBoxes(item.text, item.box);
  return {
    text: item.text,
    xs: glyphs.map((g) => g.box[0]),
    baseline: item.box[3] - item.fontSize * 0.12,
    size: item.fontSize,
  };
}

/**
 * Single characters stacked in a column (same left edge within 0.5 pt, same size, each baseline 0.8–2.5 ems
 * below the one above) joined into one vertical run.
 */
function stackColumns(runs: readonly RunSpec[]): RunSpec[] {
  const singles = runs.filter((r) => [...r.text].length === 1);
  const others = runs.filter((r) => [...r.text].length !== 1);
  const sorted = [...singles].sort((a, b) => (a.xs[0] ?? 0) - (b.xs[0] ?? 0) || a.baseline - b.baseline);
  const used = new Set<RunSpec>();
  const out: RunSpec[] = [...others];
  for (const start of sorted) {
    if (used.has(start)) continue;
    const column = [start];
    used.add(start);
    for (;;) {
      const last = column.at(-1) as RunSpec;
      const next = sorted.find(
        (r) =>
          !used.has(r) &&
          Math.abs((r.xs[0] ?? 0) - (last.xs[0] ?? 0)) < 0.5 &&
          Math.abs(r.size - last.size) < 0.1 &&
          r.baseline - last.baseline > 0.8 * last.size &&
          r.baseline - last.baseline < 2.5 * last.size,
      );
      if (!next) break;
      column.push(next);
      used.add(next);
    }
    if (column.length === 1) out.push(start);
    else
      out.push({
        text: column.map((r) => r.text).join(""),
        xs: column.map(() => start.xs[0] ?? 0),
        baseline: start.baseline,
        size: start.size,
        baselines: column.map((r) => r.baseline),
      });
  }
  return out;
}

/** Page `page` of a scanned sample PDF as the scanner's image, encoded as JPEG (quality 85, as scans are kept). */
async function scannedPageJpeg(path: string, page: number): Promise<Uint8Array> {
  return withPdfDocument(new Uint8Array(await readFile(path)), async (doc) => {
    const pdfPage = await doc.getPage(page);
    const { image } = await pdfPageImage(pdfPage, pdfPage.rotate);
    const canvas = createCanvas(image.width, image.height);
    const context = canvas.getContext("2d");
    const pixels = context.createImageData(image.width, image.height);
    for (let i = 0; i < image.data.length; i++) {
      const v = image.data[i] ?? 255;
      pixels.data[i * 4] = v;
      pixels.data[i * 4 + 1] = v;
      pixels.data[i * 4 + 2] = v;
      pixels.data[i * 4 + 3] = 255;
    }
    context.putImageData(pixels, 0, 0);
    return new Uint8Array(await canvas.encode("jpeg", 85));
  });
}

function readme(): string {
  const rows = SPECS.map((s) => `| \`${s.stem}.ofd\` | \`${s.from}\` | ${s.about} |`).join("\n");
  return `# OFD samples

Written by \`npx tsx scripts/make-ofd.ts\` (\`scripts/ofd-writer.ts\`); do not edit by hand. Each \`<stem>.ofd\` is a
committed born-digital sample (\`samples/<from>.pdf\`) rewritten as an OFD (GB/T 33190-2016): its text runs and
ruling lines as the pipeline's own pdf.js readers give them (text-layer \`extractTextItems\`, layout
\`extractRuleSegments\`), each run a TextObject (glyph positions spread over the run's box as
\`estimateGlyphBoxes\` spreads them), each rule a PathObject. Its truth file is the source sample's (same report,
same cells, blanks and flags), with \`file\` renamed and, where a page is an image, \`pages_need_ocr\` set.

The producer quirks are the ones the real OFD files in \`tests/fixtures/ofd-real/\` show.

| file | written from | what it exercises |
|---|---|---|
${rows}

\`ofd-scan-page-2023\`'s page 3 is the page image of \`samples/scanned/scan-ruled-clean-300.pdf\` (JPEG, quality 85), drawn over
the whole page. \`ofd-ctm-v2019-2020\` embeds Noto Mono (SIL Open Font License) as its FontFile; the text is
still referenced by name (OFD text is Unicode; the reader does not read font files).
`;
}

await main();
