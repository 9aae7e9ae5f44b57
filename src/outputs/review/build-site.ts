import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type ExtractedDir,
  type ExtractedReport,
  type ReportCorrections,
  readCorrectionsFile,
  readExtractedDir,
  readExtractedIndex,
  readReportFile,
  recheckFlags,
  resolveCorrections,
} from "../extracted/index.js";
import { REVIEW_CSS } from "./assets-css.js";
import { hrefOf, slugOf } from "./html.js";
import { type IndexEntry, renderIndexPage, toIndexEntry } from "./index-page.js";
import { type NarrativeMark, quotedClause } from "./narrative-clause.js";
import { DEFAULT_SCALE, prunePageFolders } from "./page-cache.js";
import { RenderProcess } from "./render-process.js";
import { flaggedSeverities, type Neighbours, renderReportPage } from "./report-page.js";
import { collectReviewFlags, type ReviewedCell, type ReviewFlag, type ReviewReport } from "./review-model.js";
import { type SourceView, viewSource } from "./view-source.js";

export interface ReviewOptions {
  /** A folder holding the source files; tried before the paths in manifest.jsonl. */
  readonly inputs?: string;
  /** Image pixels per PDF point. */
  readonly scale?: number;
  /** A corrections.jsonl whose lines the pages show; `<extracted dir>/corrections.jsonl` when present. */
  readonly corrections?: string;
  /** Progress lines (each ends with "\n"), every 25 reports and at the end. */
  readonly onProgress?: (line: string) => void;
}

export interface ReviewSite {
  readonly index: string;
  readonly reports: number;
  /** Page images in the site (each source's pages once), and how many of them this run rendered. */
  readonly images: number;
  readonly rendered: number;
  /** Reports shown without page images or source tables: source not found or not renderable. */
  readonly withoutImages: number;
}

const PROGRESS_EVERY = 25;

/**
 * Builds `<extracted dir>/review/`: index.html, reports/<slug>.html, pages/<sha256 prefix>/p<n>.png and
 * assets/. Reports are read one at a time and each source is rendered once (outputs of the same bytes share
 * its images), so time and memory follow the number of distinct sources, not of outputs. Every link is
 * relative and nothing is fetched, so the folder works from the file system and can be moved whole. Each run
 * rewrites the HTML; page images are reused when their source and scale are unchanged.
 */
export async function buildReviewSite(extractedDir: string, options: ReviewOptions = {}): Promise<ReviewSite> {
  const started = performance.now();
  const extracted = await readExtractedIndex(extractedDir);
  const correctionsPath = options.corrections ?? join(extractedDir, "corrections.jsonl");
  const lines =
    options.corrections !== undefined || (await fileExists(correctionsPath))
      ? await readCorrectionsFile(correctionsPath)
      : [];
  // Matching correction lines to reports needs every report's cells; only then is the whole folder read.
  const corrections = resolveCorrections(lines, lines.length > 0 ? await readExtractedDir(extractedDir) : extracted);
  const root = join(extractedDir, "review");
  const scale = options.scale ?? DEFAULT_SCALE;
  await mkdir(root, { recursive: true });
  for (const entry of await readdir(root)) {
    if (entry !== "pages") await rm(join(root, entry), { recursive: true, force: true });
  }
  await mkdir(join(root, "assets"), { recursive: true });
  await mkdir(join(root, "reports"), { recursive: true });
  await writeFile(join(root, "assets", "review.css"), REVIEW_CSS);
  await writeFile(
    join(root, "assets", "review.js"),
    await readFile(fileURLToPath(new URL("./assets/review.js", import.meta.url))),
  );

  const renderer = new RenderProcess();
  try {
    return await writePages();
  } finally {
    await renderer.close();
  }

  async function writePages(): Promise<ReviewSite> {
    const sources = new Map<string, Promise<SourceView>>();
    // Narrative marks by source and quoted clauses: copies of one source with the same flags read its text once.
    const marks = new Map<string, Promise<NarrativeMark[]>>();
    const marksOf = (source: SourceView, flags: readonly ReviewFlag[]): Promise<NarrativeMark[]> => {
      const format = source.kind === "pdf" || source.kind === "ofd" ? source.kind : null;
      const path = source.path;
      const quoted = flags.map((f) => JSON.stringify(quotedClause(f)));
      if (format === null || path === null || quoted.every((q) => q === "null")) return Promise.resolve([]);
      const key = `${source.key}\n${quoted.join("\n")}`;
      let found = marks.get(key);
      if (found === undefined) {
        found = renderer.marks({ kind: "marks", path, format, flags }).catch(() => []);
        marks.set(key, found);
      }
      return found;
    };
    const entries: IndexEntry[] = [];
    let pending: { review: ReviewReport; source: SourceView; previous: string | null } | null = null;
    const flush = async (next: string | null) => {
      if (pending === null) return;
      const { review, source, previous } = pending;
      const neighbours: Neighbours = { previous, next };
      const flagged = flaggedSeverities(review.flags);
      // source-view.js (the markup readers, ~6 MiB) is loaded for the first HTML, Word or web-archive source.
      const sourceTables =
        source.markup === null || source.path === null
          ? null
          : (await import("./source-view.js")).renderSourceTables(
              await readBytes(source.path),
              source.markup,
              review.cells,
              review.flags,
              flagged,
            );
      const narrativeMarks = await marksOf(source, review.flags);
      const sourceHref =
        source.path === null ? null : hrefOf(relative(join(root, "reports"), source.path).split(sep).join("/"));
      await writeFile(
        join(root, "reports", `${review.slug}.html`),
        renderReportPage(review, { scale, neighbours, sourceTables, sourceHref, pagesKey: source.key, narrativeMarks }),
      );
      entries.push(toIndexEntry(review, sourceTables !== null));
    };

    let done = 0;
    for (const file of extracted.files) {
      const read = await readReportFile(extractedDir, file);
      if (!("report" in read)) continue;
      const { report } = read;
      const sha256 = report.output.source.sha256;
      let source = sources.get(sha256);
      if (source === undefined) {
        source = viewSource(renderer, report, extracted, options.inputs, root, scale);
        sources.set(sha256, source);
      }
      const view = await source;
      const review = buildReview(report, view, corrections.byReport.get(report.file), extracted);
      await flush(review.slug);
      pending = { review, source: view, previous: entries.at(-1)?.slug ?? null };
      done += 1;
      if (done % PROGRESS_EVERY === 0) {
        options.onProgress?.(`review: ${done}/${extracted.files.length} report(s), ${sources.size} source(s)\n`);
      }
    }
    await flush(null);
    const views = await Promise.all(sources.values());
    await prunePageFolders(join(root, "pages"), new Set(views.filter((v) => v.pages.length > 0).map((v) => v.key)));
    const index = join(root, "index.html");
    await writeFile(index, renderIndexPage(entries, extractedDir));
    const seconds = (performance.now() - started) / 1000;
    options.onProgress?.(`review: ${entries.length} report(s), ${sources.size} source(s) in ${seconds.toFixed(1)} s\n`);
    return {
      index,
      reports: entries.length,
      images: views.reduce((n, v) => n + v.pages.length, 0),
      rendered: views.reduce((n, v) => n + v.fresh, 0),
      withoutImages: entries.filter((e) => e.imagesMissing !== null).length,
    };
  }
}

function buildReview(
  report: ExtractedReport,
  source: SourceView,
  own: ReportCorrections | undefined,
  extracted: ExtractedDir,
): ReviewReport {
  const { output } = report;
  return {
    file: report.file,
    slug: slugOf(report.file),
    sha256: output.source.sha256,
    sourceFile: output.source.file,
    agency: output.report.agency,
    year: output.report.year,
    template: output.report.template,
    title: output.report.title,
    status: output.status,
    pages: source.pages,
    imagesMissing: source.missing,
    cells: output.cells,
    reviewed: describeReviewed(output.cells, own),
    flags: collectReviewFlags(report, recheckFlags(output, own), extracted.crossFlags),
    issues: output.issues,
  };
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

async function readBytes(path: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(path));
}

async function fileExists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null;
}
