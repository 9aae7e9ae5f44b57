// Generates samples/scanned/: scanned-looking twins of born-digital samples (rasterised, turned, soiled), as
// image-only PDFs, a mixed PDF (text pages + scanned pages), a PNG and a multi-page TIFF, each with the truth
// of its born-digital twin. Run: npx tsx scripts/samples-scanned.ts [stem…]   (npm run samples:scanned)
// Tools: pdftoppm (poppler-utils), convert (imagemagick), img2pdf, qpdf.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..");
const SAMPLES = join(ROOT, "samples");
const OUT = join(SAMPLES, "scanned");
const WORK = "/tmp/gongkai-samples-scanned";

/** What is done to each page image (ImageMagick arguments), in order. */
interface ScanSpec {
  readonly stem: string;
  readonly twin: string;
  readonly dpi: number;
  /** Degrees, clockwise positive (as `convert -rotate`). */
  readonly rotate?: number;
  readonly speckle?: boolean;
  /** Gaussian blur sigma in pixels. */
  readonly blur?: number;
  readonly jpegQuality?: number;
  /** A photographed page: light falling off across the sheet. */
  readonly unevenLight?: boolean;
  readonly output: "pdf" | "mixed-pdf" | "png" | "tiff";
  /** Mixed PDF: pages (1-based) kept as born-digital text; the others are scanned. */
  readonly textPages?: readonly number[];
  readonly what: string;
}

export const SCAN_SPECS: readonly ScanSpec[] = [
  {
    stem: "scan-ruled-clean-300",
    twin: "ruled-clean-2023",
    dpi: 300,
    jpegQuality: 80,
    output: "pdf",
    what: "clean 300 dpi scan of the fully ruled template",
  },
  {
    stem: "scan-vertical-merged-200-skew",
    twin: "vertical-merged-2022",
    dpi: 200,
    rotate: 1.5,
    jpegQuality: 75,
    output: "pdf",
    what: "200 dpi, turned 1.5° clockwise; vertical merged labels, serif",
  },
  {
    stem: "scan-page-split-200-speckle",
    twin: "page-split-2023",
    dpi: 200,
    rotate: -1,
    speckle: true,
    jpegQuality: 75,
    output: "pdf",
    what: "200 dpi, turned 1° anticlockwise, speckle; table 三 split over two pages",
  },
  {
    stem: "scan-zero-styles-150-blur",
    twin: "zero-styles-2021",
    dpi: 150,
    blur: 0.6,
    jpegQuality: 70,
    output: "pdf",
    what: "150 dpi, blurred; zeros printed as 0, blank, —, /, - and 无",
  },
  {
    stem: "scan-arith-errors-200-jpeg",
    twin: "arith-errors-2023",
    dpi: 200,
    rotate: 0.7,
    jpegQuality: 35,
    output: "pdf",
    what: "200 dpi, heavy JPEG artefacts (q35), turned 0.7°; published arithmetic errors must stay flagged",
  },
  {
    stem: "scan-narrative-photo",
    twin: "narrative-mismatch-2022",
    dpi: 200,
    rotate: -0.8,
    unevenLight: true,
    jpegQuality: 70,
    output: "pdf",
    what: "photographed look: light falling off across the page, turned 0.8°; narrative-vs-table flags",
  },
  {
    stem: "scan-mixed-wrapped-labels",
    twin: "wrapped-labels-2024",
    dpi: 200,
    rotate: 0.5,
    jpegQuality: 75,
    output: "mixed-pdf",
    textPages: [1, 2],
    what: "mixed PDF: pages 1–2 born-digital text, pages 3–4 scanned (200 dpi, 0.5°)",
  },
  {
    stem: "scan-county-rules-png",
    twin: "county-rules-2024",
    dpi: 150,
    output: "png",
    what: "one PNG: all pages stacked as a long screenshot, 150 dpi, 16 gray levels",
  },
  {
    stem: "scan-no-caption-tiff",
    twin: "no-caption-2022",
    dpi: 200,
    rotate: -0.5,
    output: "tiff",
    what: "multi-page bilevel TIFF (CCITT G4, fax-like), 200 dpi, turned 0.5°",
  },
  {
    stem: "scan-fullwidth-large-300",
    twin: "fullwidth-large-2023",
    dpi: 300,
    speckle: true,
    jpegQuality: 75,
    output: "pdf",
    what: "300 dpi with speckle; thousands separators, 3 119, fee decimal 12.35",
  },
];

function run(cmd: string, args: readonly string[]): void {
  execFileSync(cmd, args, { stdio: "pipe", maxBuffer: 1 << 28, timeout: 300_000 });
}

/** Page images of the twin (grayscale PNG at the spec's dpi), soiled as the spec says; returns their paths. */
function scanPages(spec: ScanSpec, pages: readonly number[]): string[] {
  const dir = join(WORK, spec.stem);
  mkdirSync(dir, { recursive: true });
  const out: string[] = [];
  for (const page of pages) {
    const base = join(dir, `raw-${page}`);
    run("pdftoppm", [
      "-r",
      String(spec.dpi),
      "-gray",
      "-png",
      "-f",
      String(page),
      "-l",
      String(page),
      "-singlefile",
      join(SAMPLES, `${spec.twin}.pdf`),
      base,
    ]);
    const args: string[] = [`${base}.png`];
    if (spec.unevenLight) {
      // Light falls off from the top-left corner: multiply by a radial gradient (white → 45% gray).
      args.push(
        "(",
        "+clone",
        "-sparse-color",
        "Barycentric",
        "0,0 white %[fx:w],%[fx:h] gray45",
        ")",
        "-compose",
        "Multiply",
        "-composite",
      );
    }
    if (spec.rotate) args.push("-background", "white", "-rotate", String(spec.rotate), "+repage");
    if (spec.speckle) {
      // Salt-and-pepper dust, seeded so the sample is reproducible.
      args.push("-seed", String(1000 + page), "-attenuate", "0.04", "+noise", "Impulse");
    }
    if (spec.blur) args.push("-blur", `0x${spec.blur}`);
    args.push("-colorspace", "Gray");
    let file: string;
    if (spec.output === "tiff") {
      file = join(dir, `page-${page}.tif`);
      args.push("-threshold", "60%", "-type", "bilevel", "-compress", "Group4", file);
    } else if (spec.output === "png") {
      file = join(dir, `page-${page}.png`);
      args.push(file);
    } else {
      file = join(dir, `page-${page}.jpg`);
      args.push("-quality", String(spec.jpegQuality ?? 75), file);
    }
    run("convert", args);
    out.push(file);
  }
  return out;
}

function pageCount(pdf: string): number {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

function generate(spec: ScanSpec): string {
  const twinPdf = join(SAMPLES, `${spec.twin}.pdf`);
  const all = Array.from({ length: pageCount(twinPdf) }, (_, i) => i + 1);
  const scanned = all.filter((p) => !spec.textPages?.includes(p));
  const images = scanPages(spec, scanned);
  let file: string;
  if (spec.output === "pdf") {
    file = `${spec.stem}.pdf`;
    run("img2pdf", ["--pagesize", "A4", "-o", join(OUT, file), ...images]);
  } else if (spec.output === "mixed-pdf") {
    file = `${spec.stem}.pdf`;
    const scannedPdf = join(WORK, spec.stem, "scanned.pdf");
    run("img2pdf", ["--pagesize", "A4", "-o", scannedPdf, ...images]);
    // Interleave: text pages from the twin, the others from the scan, in page order.
    const pageArgs: string[] = [];
    for (const p of all) {
      if (spec.textPages?.includes(p)) pageArgs.push(twinPdf, String(p));
      else pageArgs.push(scannedPdf, String(scanned.indexOf(p) + 1));
    }
    run("qpdf", ["--empty", "--pages", ...pageArgs, "--", join(OUT, file)]);
  } else if (spec.output === "png") {
    file = `${spec.stem}.png`;
    run("convert", [...images, "-append", "-colors", "16", "-depth", "4", `PNG8:${join(OUT, file)}`]);
  } else {
    file = `${spec.stem}.tif`;
    run("convert", [...images, "-compress", "Group4", join(OUT, file)]);
  }
  const truth = JSON.parse(readFileSync(join(SAMPLES, `${spec.twin}.truth.json`), "utf8"));
  // The scan's truth is the twin's, read from images: every scanned page is read by OCR.
  const ocrPages = spec.output === "png" ? [1] : scanned;
  writeFileSync(
    join(OUT, `${spec.stem}.truth.json`),
    `${JSON.stringify({ ...truth, file, twin: `${spec.twin}.pdf`, scan: spec.what, pages_need_ocr: ocrPages }, null, 2)}\n`,
  );
  return file;
}

function main(): void {
  const only = process.argv.slice(2);
  mkdirSync(OUT, { recursive: true });
  rmSync(WORK, { recursive: true, force: true });
  for (const spec of SCAN_SPECS) {
    if (only.length > 0 && !only.includes(spec.stem)) continue;
    const file = generate(spec);
    console.log(`${file}: ${spec.what}`);
  }
  const rows = SCAN_SPECS.map((s) => `| \`${s.stem}\` | \`${s.twin}\` | ${s.what} |`);
  writeFileSync(
    join(OUT, "README.md"),
    `# Scanned samples\n\nGenerated by \`npm run samples:scanned\` (\`scripts/samples-scanned.ts\`) from the born-digital samples one folder up;\ndo not edit by hand. Each \`<stem>.truth.json\` is its twin's truth (same values, blanks and flags), with\n\`pages_need_ocr\` listing the pages that are images and must be read by OCR.\n\n| stem | twin | scan |\n|---|---|---|\n${rows.join("\n")}\n`,
  );
  console.log(`${readdirSync(OUT).length} files in ${OUT}`);
}

main();
