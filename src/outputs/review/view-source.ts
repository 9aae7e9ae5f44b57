import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { ExtractedDir, ExtractedReport } from "../extracted/index.js";
import { locateSource } from "./locate-source.js";
import { readCachedPages, writeRenderRecord } from "./page-cache.js";
import type { PageImage } from "./render-pages.js";
import type { RenderProcess } from "./render-process.js";
import type { MarkupKind } from "./source-view.js";

/**
 * What a source gives the report pages of every output extracted from it (copies share it, by sha256). Small:
 * the build keeps one per distinct source for its whole run, so no bytes or pixels are held here.
 */
export interface SourceView {
  readonly pages: readonly PageImage[];
  /** `pages/<key>/`: the first 16 hex digits of the source's sha256. */
  readonly key: string;
  readonly missing: string | null;
  /** The source file found, for the link on the page; null when not found. */
  readonly path: string | null;
  /** The source's kind as its bytes say; null when not found. */
  readonly kind: string | null;
  /** HTML, Word and web archives are shown as their tables, read again from `path` for each report page. */
  readonly markup: MarkupKind | null;
  readonly fresh: number;
}

/**
 * Finds a report's source and has `renderer` render its pages (PDF, OFD, PNG/JPEG/TIFF) unless cached (a cached
 * source costs the render process nothing). The source's bytes are dropped when this returns.
 */
export async function viewSource(
  renderer: RenderProcess,
  report: ExtractedReport,
  extracted: ExtractedDir,
  inputs: string | undefined,
  root: string,
  scale: number,
): Promise<SourceView> {
  const sha256 = report.output.source.sha256;
  const key = sha256.slice(0, 16);
  const outDir = join(root, "pages", key);
  const source = await locateSource(report, extracted, inputs);
  const path = source.found ? source.path : null;
  const base = { key, markup: null, fresh: 0, kind: source.found ? source.kind : null };
  const cached = await readCachedPages(outDir, sha256, scale);
  if (source.found && isMarkup(source.kind)) {
    // Shown as its own tables; a web page's pictures read by OCR also as pages.
    const view = { ...base, missing: null, path, markup: source.kind };
    if (report.output.pages.length === 0 || (source.kind !== "html" && source.kind !== "mht")) {
      return { ...view, pages: [] };
    }
    if (cached !== null) return { ...view, pages: cached };
    try {
      const { cells } = report.output;
      const pages = await renderer.pages({
        kind: "pictures",
        path: source.path,
        source: source.kind,
        cells,
        outDir,
        scale,
      });
      await writeRenderRecord(outDir, sha256, scale, pages);
      return { ...view, pages, fresh: pages.length };
    } catch {
      return { ...view, pages: [] };
    }
  }
  if (cached !== null) return { ...base, pages: cached, missing: null, path };
  await rm(outDir, { recursive: true, force: true });
  if (!source.found) return { ...base, pages: [], missing: source.reason, path };
  try {
    const { kind } = source;
    if (kind !== "pdf" && kind !== "ofd" && kind !== "png" && kind !== "jpeg" && kind !== "tiff") {
      return { ...base, pages: [], missing: `${source.path} is ${kind}: nothing to show`, path };
    }
    const pages = await renderer.pages({ kind, path: source.path, outDir, scale });
    await writeRenderRecord(outDir, sha256, scale, pages);
    return { ...base, pages, missing: null, path, fresh: pages.length };
  } catch (error) {
    await rm(outDir, { recursive: true, force: true });
    return { ...base, pages: [], missing: `${source.path} could not be rendered: ${(error as Error).message}`, path };
  }
}

function isMarkup(kind: string): kind is MarkupKind {
  return kind === "html" || kind === "docx" || kind === "cfb" || kind === "mht";
}
