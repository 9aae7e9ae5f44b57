import { InputError } from "../errors.js";
import type { Issue } from "../model/issue.js";
import {
  checkImageSize,
  countTiffPages,
  type FsPath,
  fileNameOf,
  readInput,
  withPdfDocument,
} from "../stages/ingest/index.js";
import { layoutPages } from "../stages/layout/index.js";
import { mapDocument } from "../stages/mapping/index.js";
import type { OcrEngine } from "../stages/ocr/index.js";
import { readLegacyFacts } from "../stages/rules/index.js";
import { selectTemplate } from "../templates/select-template.js";
import { buildOutput, decideStatusFor } from "./build-output.js";
import { checkRules } from "./check-rules.js";
import { extractMarkup, NO_TABLES_MESSAGE } from "./extract-markup.js";
import { type DocumentResult, failureResult as fail, failureResult } from "./failure-result.js";
import { flagImageTables } from "./flag-image-tables.js";
import { findSuspectCells, markSuspectFlags, ocrImages, ocrPdfPages, toStoredFrame } from "./ocr-pages.js";
import { type PageRead, readPages } from "./read-pages.js";

export type { DocumentResult };

/** Per-document limits and resources; every field is optional. */
export interface ExtractOptions {
  /** A PDF with more pages than this fails as `too_large` before any page is read. */
  readonly maxPages?: number;
  /** An input larger than this many bytes fails as `too_large` without being read. */
  readonly maxBytes?: number;
  /**
   * The OCR engine (the PP-OCRv4 models) for scanned pages and page-image inputs, owned by the caller
   * (a batch creates one and terminates it in `finally`), or a function that gives it the first time a page
   * needs OCR (a document process passes one, so a born-digital document never loads the OCR runtime).
   * Without one, a document that needs OCR gets its own engine for the call.
   */
  readonly ocr?: OcrEngine | (() => Promise<OcrEngine>);
}

/**
 * Runs one document through ingest → text layer (or OCR of its page images) → layout → mapping → rules.
 * Never throws for a bad input: the result is a `failure` output with an issue naming the error class.
 */
export async function extractDocument(path: FsPath, options: ExtractOptions = {}): Promise<DocumentResult> {
  let own: Promise<OcrEngine> | null = null;
  const engine = (): Promise<OcrEngine> => {
    const given = options.ocr;
    if (typeof given === "function") return given();
    if (given) return Promise.resolve(given);
    own ??= import("../stages/ocr/index.js").then(({ OcrEngine }) => new OcrEngine());
    return own;
  };
  try {
    return await extractWith(path, options, engine);
  } finally {
    if (own) await (await (own as Promise<OcrEngine>)).terminate();
  }
}

async function extractWith(
  path: FsPath,
  options: ExtractOptions,
  engine: () => Promise<OcrEngine>,
): Promise<DocumentResult> {
  const file = fileNameOf(path);
  let input: Awaited<ReturnType<typeof readInput>>;
  try {
    input = await readInput(path, options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes });
  } catch (error) {
    const unread = { file, sha256: "0".repeat(64), bytes: 0 };
    if (error instanceof InputError) return fail(unread, error.errorClass, error.message);
    return fail(unread, "corrupt", `Cannot read the file: ${describe(error)}`);
  }
  const source = { file, sha256: input.sha256, bytes: input.bytes.length };
  if (input.kind === "empty") return fail(source, "corrupt", "The file is empty (0 bytes)");
  if (input.kind === "html" || input.kind === "docx") {
    try {
      const result = extractMarkup(input, source);
      return result.kind === "ok"
        ? { output: result.output, errorClass: null }
        : fail(source, result.errorClass, result.message);
    } catch (error) {
      return fail(source, "internal", `Internal error: ${describe(error)}`);
    }
  }
  if (input.kind === "png" || input.kind === "jpeg" || input.kind === "tiff") {
    const kind = input.kind;
    try {
      if (kind === "tiff") countTiffPages(input.bytes, options.maxPages ?? Number.POSITIVE_INFINITY);
      else checkImageSize(input.bytes, kind);
      const { imageFilePages } = await import("../stages/ocr/index.js");
      const images = await imageFilePages(input.bytes, kind);
      if (images.length === 0) return fail(source, "corrupt", `The ${kind.toUpperCase()} file holds no image`);
      const issues: Issue[] = [];
      const read = await ocrImages(
        await engine(),
        images.map((image, i) => ({ page: i + 1, image: async () => image })),
        issues,
      );
      const pages: PageRead[] = images.map(
        (image, i) => read.get(i + 1) ?? emptyPage(i + 1, image.width, image.height),
      );
      return analyse(source, pages, images.length, issues, new Set(read.keys()));
    } catch (error) {
      if (error instanceof InputError) return fail(source, error.errorClass, error.message);
      return fail(source, "corrupt", `The ${kind.toUpperCase()} image could not be decoded: ${describe(error)}`);
    }
  }
  if (input.kind !== "pdf")
    return fail(
      source,
      "unsupported",
      `Unsupported input kind "${input.kind}": PDF, HTML, .docx, PNG, JPEG and TIFF are read`,
    );
  try {
    return await withPdfDocument(input.bytes, async (doc) => {
      if (options.maxPages !== undefined && doc.numPages > options.maxPages) {
        return fail(
          { ...source, pages: doc.numPages },
          "too_large",
          `The PDF has ${doc.numPages} pages, more than the limit of ${options.maxPages} (--max-pages)`,
        );
      }
      const issues: Issue[] = [];
      const pages = await readPages(doc, issues);
      const ocred = pages.some((p) => p.needsOcr)
        ? await ocrPdfPages(await engine(), doc, pages, issues)
        : new Set<number>();
      let result = analyse(source, pages, doc.numPages, issues, ocred);
      // A table pasted as a picture on a text page: OCR that page too, and read the document again.
      const pictured = new Set(
        result.output.issues
          .filter((i) => i.code === "page.needs_ocr" && i.page !== undefined)
          .map((i) => i.page as number),
      );
      for (const page of ocred) pictured.delete(page);
      if (pictured.size > 0) {
        const retryIssues = issues.filter((i) => !(i.code === "page.needs_ocr" && pictured.has(i.page ?? 0)));
        const more = await ocrPdfPages(await engine(), doc, pages, retryIssues, pictured);
        if (more.size > 0) result = analyse(source, pages, doc.numPages, retryIssues, new Set([...ocred, ...more]));
      }
      return result;
    });
  } catch (error) {
    if (error instanceof InputError) return fail(source, error.errorClass, error.message);
    return fail(source, "internal", `Internal error: ${describe(error)}`);
  }
}

function emptyPage(page: number, width: number, height: number): PageRead {
  return {
    content: { page, width, height, items: [], segments: [], imageBoxes: [], textQuality: 0, charCount: 0 },
    needsOcr: true,
  };
}

/** Layout → mapping → rules over pages read from the text layer or by OCR (`ocrPages`). */
function analyse(
  source: { file: string; sha256: string; bytes: number },
  pages: readonly PageRead[],
  numPages: number,
  pageIssues: readonly Issue[],
  ocrPages: ReadonlySet<number>,
): DocumentResult {
  const doc = { numPages };
  try {
    {
      const issues: Issue[] = [...pageIssues];
      const mapped = mapDocument(layoutPages(pages.map((p) => p.content)), selectTemplate);
      const template = mapped.template;
      issues.push(...mapped.issues);
      // A legacy report's facts the 统计表 lacks come from its narrative.
      if (template.version === "legacy") issues.push(...readLegacyFacts(template, mapped.narrative, mapped.cells));
      // Boxes on OCR pages were found on a straightened copy: report them on the page as stored.
      const narrative = toStoredFrame(mapped.cells, mapped.narrative, pages);
      // A legacy report has no table that must be there: only when it gave no fact at all may an image hold it.
      const legacyRead = template.version === "legacy" && [...mapped.cells.values()].some((c) => c.value !== null);
      if (!legacyRead) flagImageTables(pages, mapped.cells, issues);
      const anyTable = [...mapped.cells.values()].some((c) => c.value !== null);
      const pageInfo = pages.map((p) => ({
        page: p.content.page,
        method: ocrPages.has(p.content.page) ? ("ocr" as const) : ("text" as const),
        text_quality: round3(p.content.textQuality),
      }));
      if (!anyTable && mapped.title === null) {
        const ocr = issues.filter((i) => i.code === "page.needs_ocr");
        // Page images read by OCR that gave (next to) nothing: the scan is unreadable, which says nothing of
        // whether it is a report.
        const ocrChars = pages
          .filter((p) => ocrPages.has(p.content.page))
          .reduce((n, p) => n + p.content.items.filter((i) => (i.confidence ?? 0) >= 0.5).length, 0);
        if (ocrPages.size > 0 && ocrChars < MIN_OCR_WORDS)
          return fail(
            { ...source, pages: doc.numPages },
            "unreadable",
            `OCR read ${ocrChars} word(s) from ${ocrPages.size} page image(s): blank, too faint or no text; no report title or table could be read`,
            pageInfo,
          );
        // Nothing readable: either it is no report, or its text must be read from the page images first.
        return ocr.length === 0
          ? fail(
              { ...source, pages: doc.numPages },
              "not_a_report",
              "No report title and none of the template's tables were found",
              pageInfo,
            )
          : fail(
              { ...source, pages: doc.numPages },
              "unsupported",
              `No usable text layer: ${ocr.length} of ${doc.numPages} page(s) need OCR, and OCR read nothing usable from them`,
              pageInfo,
              ocr,
            );
      }
      // A report's title over no table (a portal page linking to the report, the tables left out): no data.
      if (!anyTable && !issues.some((i) => i.code === "page.needs_ocr")) {
        return fail({ ...source, pages: doc.numPages }, "no_tables", NO_TABLES_MESSAGE, pageInfo);
      }
      const ruleInput = {
        template,
        detectedVersion: mapped.detectedVersion,
        layoutVersions: mapped.layoutVersions,
        agency: mapped.agency,
        year: mapped.year,
        cells: mapped.cells,
        narrative,
      };
      // On OCR pages the rules double as a checksum: name the likely misread, keep the printed value.
      const checked = checkRules(ruleInput, issues, (found) =>
        ocrPages.size > 0 ? findSuspectCells(ruleInput, found) : [],
      );
      // A failure that a likely misread explains is an uncertain reading, not a published error.
      const flags = markSuspectFlags(checked, issues);
      const output = buildOutput(
        {
          ...source,
          pageCount: doc.numPages,
          meta: {
            agency: mapped.agency,
            year: mapped.year,
            template: mapped.detectedVersion,
            title: mapped.title,
            confidence: mapped.confidence,
          },
          status: decideStatusFor(template, mapped.cells, issues, mapped.title !== null),
          cells: mapped.cells,
          flags,
          issues,
          pages: pageInfo,
        },
        template,
      );
      return { output, errorClass: null };
    }
  } catch (error) {
    if (error instanceof InputError) return fail(source, error.errorClass, error.message);
    return fail(source, "internal", `Internal error: ${describe(error)}`);
  }
}

/** Fewer surely read OCR words than this on a document's page images: nothing could be read. */
const MIN_OCR_WORDS = 5;

/** The output of an input that failed as a whole (the batch uses it for `timeout`, `too_large`, `internal`). */
export { failureResult };

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
