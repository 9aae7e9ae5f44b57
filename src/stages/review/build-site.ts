import { mkdir, readdir, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type ReportCorrections, readCorrectionsFile, resolveCorrections } from "../export/corrections.js";
import { type ExtractedDir, type ExtractedReport, readExtractedDir } from "../export/read-extracted.js";
import { recheckFlags } from "../export/recheck-rules.js";
import { REVIEW_CSS } from "./assets-css.js";
import { REVIEW_JS } from "./assets-js.js";
import { slugOf } from "./html.js";
import { renderIndexPage } from "./index-page.js";
import { locateSource } from "./locate-source.js";
import { prunePageFolders, readCachedPages, writeRenderRecord } from "./page-cache.js";
import { DEFAULT_SCALE, type PageImage, renderPdfPages } from "./render-pages.js";
import { renderReportPage } from "./report-page.js";
import { collectReviewFlags, type ReviewedCell, type ReviewReport } from "./review-model.js";

export interface ReviewOptions {
  /** A folder holding the source files; tried before the paths in manifest.jsonl. */
  readonly inputs?: string;
  /** Image pixels per PDF point. */
  readonly scale?: number;
  /** A corrections.jsonl whose lines the pages show; `<extracted dir>/corrections.jsonl` when present. */
  readonly corrections?: string;
}

export interface ReviewSite {
  readonly index: string;
  readonly reports: number;
  /** Page images in the site, and how many of them this run rendered (the rest were reused). */
  readonly images: number;
  readonly rendered: number;
  /** Reports shown without page images: source not found, not a PDF, or not renderable. */
  readonly withoutImages: number;
}

/**
 * Builds `<extracted dir>/review/`: index.html, reports/<slug>.html, pages/<slug>/p<n>.png and assets/. Every
 * link is relative and nothing is fetched, so the folder works from the file system and can be moved whole.
 * Each run rewrites the HTML; page images are reused when their source and scale are unchanged.
 */
export async function buildReviewSite(extractedDir: string, options: ReviewOptions = {}): Promise<ReviewSite> {
  const extracted = await readExtractedDir(extractedDir);
  const correctionsPath = options.corrections ?? join(extractedDir, "corrections.jsonl");
  const lines =
    options.corrections !== undefined || (await fileExists(correctionsPath))
      ? await readCorrectionsFile(correctionsPath)
      : [];
  const corrections = resolveCorrections(lines, extracted);
  const root = join(extractedDir, "review");
  const scale = options.scale ?? DEFAULT_SCALE;
  await mkdir(root, { recursive: true });
  for (const entry of await readdir(root)) {
    if (entry !== "pages") await rm(join(root, entry), { recursive: true, force: true });
  }
  await mkdir(join(root, "assets"), { recursive: true });
  await mkdir(join(root, "reports"), { recursive: true });
  await writeFile(join(root, "assets", "review.css"), REVIEW_CSS);
  await writeFile(join(root, "assets", "review.js"), REVIEW_JS);
  const reports: ReviewReport[] = [];
  let images = 0;
  let rendered = 0;
  for (const report of extracted.reports) {
    const slug = slugOf(report.file);
    const { pages, missing, fresh } = await renderSource(
      report,
      extracted,
      options.inputs,
      join(root, "pages", slug),
      scale,
    );
    images += pages.length;
    if (fresh) rendered += pages.length;
    const { output } = report;
    const own = corrections.byReport.get(report.file);
    const review: ReviewReport = {
      file: report.file,
      slug,
      sha256: output.source.sha256,
      sourceFile: output.source.file,
      agency: output.report.agency,
      year: output.report.year,
      template: output.report.template,
      title: output.report.title,
      status: output.status,
      pages,
      imagesMissing: missing,
      cells: output.cells,
      reviewed: describeReviewed(report.output.cells, own),
      flags: collectReviewFlags(report, recheckFlags(output, own), extracted.crossFlags),
      issues: output.issues,
    };
    reports.push(review);
    await writeFile(join(root, "reports", `${slug}.html`), renderReportPage(review, scale));
  }
  await prunePageFolders(join(root, "pages"), new Set(reports.filter((r) => r.pages.length > 0).map((r) => r.slug)));
  const index = join(root, "index.html");
  await writeFile(index, renderIndexPage(reports, extractedDir));
  return {
    index,
    reports: reports.length,
    images,
    rendered,
    withoutImages: reports.filter((r) => r.imagesMissing !== null).length,
  };
}

async function renderSource(
  report: ExtractedReport,
  extracted: ExtractedDir,
  inputs: string | undefined,
  outDir: string,
  scale: number,
): Promise<{ pages: PageImage[]; missing: string | null; fresh: boolean }> {
  const sha256 = report.output.source.sha256;
  const cached = await readCachedPages(outDir, sha256, scale);
  if (cached !== null) return { pages: cached, missing: null, fresh: false };
  await rm(outDir, { recursive: true, force: true });
  const source = await locateSource(report, extracted, inputs);
  if (!source.found) return { pages: [], missing: source.reason, fresh: false };
  if (source.kind !== "pdf") {
    return {
      pages: [],
      missing: `page images are rendered for PDF sources only; ${source.path} is ${source.kind}`,
      fresh: false,
    };
  }
  try {
    const pages = await renderPdfPages(source.bytes, outDir, scale);
    await writeRenderRecord(outDir, sha256, scale, pages);
    return { pages, missing: null, fresh: true };
  } catch (error) {
    await rm(outDir, { recursive: true, force: true });
    return { pages: [], missing: `${source.path} could not be rendered: ${(error as Error).message}`, fresh: false };
  }
}

function describeReviewed(
  cells: ReviewReport["cells"],
  corrections: ReportCorrections | undefined,
): Record<string, ReviewedCell> {
  const reviewed: Record<string, ReviewedCell> = {};
  for (const [path, { correction }] of corrections ?? []) {
    const printed = cells[path]?.value ?? null;
    const { who, why, when } = correction;
    reviewed[path] = { checked: correction.new === printed, printed, value: correction.new, who, why, when };
  }
  return reviewed;
}

async function fileExists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null;
}
