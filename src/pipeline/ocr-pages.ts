import type { Cell } from "../model/cell.js";
import type { Flag } from "../model/flag.js";
import { type Box, roundBox, unturnBox, unturnQuarters } from "../model/geometry.js";
import type { Issue } from "../model/issue.js";
import type { NarrativeLine } from "../model/narrative.js";
import type { RuleInput } from "../model/rule-input.js";
import type { PdfDocument } from "../stages/ingest/index.js";
// The OCR stage (onnxruntime, @napi-rs/canvas, the PP-OCRv4 code) is imported when a page is read by OCR: a
// born-digital document never loads it.
import type { OcrEngine, PageImage } from "../stages/ocr/index.js";
import { evaluateRules } from "../stages/rules/index.js";
import type { PageRead } from "./read-pages.js";

/** Pages read by OCR in a document, with what was done to them. */
export interface OcrPageInfo {
  readonly page: number;
  readonly skew: number;
  readonly confidence: number;
}

/**
 * OCR of page images into `PageRead`s that the layout, mapping and rules stages read as they read a text
 * layer. Each page gets an info issue saying it was read by OCR (its skew and mean confidence).
 */
export async function ocrImages(
  engine: OcrEngine,
  images: readonly { page: number; image: () => Promise<PageImage> }[],
  issues: Issue[],
): Promise<Map<number, PageRead>> {
  const read = new Map<number, PageRead>();
  const { ocrPage } = await import("../stages/ocr/index.js");
  for (const { page, image } of images) {
    try {
      const result = await ocrPage(engine, await image(), page);
      read.set(page, { content: result.content, needsOcr: false, skew: result.skew, quarters: result.quarters });
      issues.push({
        code: "page.ocr",
        severity: "info",
        stage: "text-layer",
        message: `Page ${page} was read by OCR (${result.quarters ? `turned ${result.quarters * 90}° upright, ` : ""}straightened by ${result.skew.toFixed(2)}°, mean confidence ${result.confidence.toFixed(2)})`,
        page,
      });
    } catch (error) {
      issues.push({
        code: "page.unreadable",
        severity: "error",
        stage: "text-layer",
        message: `Page ${page} could not be read by OCR: ${error instanceof Error ? error.message : String(error)}`,
        page,
      });
    }
  }
  return read;
}

/**
 * Sends the PDF pages marked `needsOcr` (and `extra` pages, e.g. a table pasted as a picture) through OCR and
 * puts their readings in place. The `page.needs_ocr` issues of the pages read are dropped (the `page.ocr`
 * issue replaces them); a page OCR could not read keeps its issue.
 */
export async function ocrPdfPages(
  engine: OcrEngine,
  doc: PdfDocument,
  pages: PageRead[],
  issues: Issue[],
  extra: ReadonlySet<number> = new Set(),
): Promise<Set<number>> {
  const wanted = pages.filter((p) => p.needsOcr || extra.has(p.content.page)).map((p) => p.content.page);
  const read = await ocrImages(
    engine,
    wanted.map((page) => ({
      page,
      image: async () => {
        const pdfPage = await doc.getPage(page);
        try {
          const { pdfPageImage } = await import("../stages/ocr/index.js");
          return await pdfPageImage(pdfPage, pdfPage.rotate);
        } finally {
          pdfPage.cleanup();
        }
      },
    })),
    issues,
  );
  for (const [page, result] of read) pages[page - 1] = result;
  const done = new Set(read.keys());
  for (let i = issues.length - 1; i >= 0; i--) {
    const issue = issues[i] as Issue;
    if (issue.code === "page.needs_ocr" && issue.page !== undefined && done.has(issue.page)) issues.splice(i, 1);
  }
  return done;
}

/**
 * Cell and narrative boxes of pages read from a straightened copy of their image, turned back onto the page
 * as stored (SPEC §5: a box frames the printed number in the image the user sees). Cells change in place;
 * the narrative lines are returned anew.
 */
export function toStoredFrame(
  cells: Map<string, Cell>,
  narrative: readonly NarrativeLine[],
  pages: readonly PageRead[],
): NarrativeLine[] {
  const turn = (page: number | null, box: Box): Box => {
    const read = page === null ? undefined : pages[page - 1];
    if (!read?.skew && !read?.quarters) return box;
    const { width, height } = read.content;
    const straight = read.skew ? unturnBox(box, read.skew, width / 2, height / 2) : box;
    // The upright page is `width` × `height`; the page as stored has them swapped after an odd number of quarters.
    const odd = (read.quarters ?? 0) % 2 === 1;
    return roundBox(unturnQuarters(straight, read.quarters ?? 0, odd ? height : width, odd ? width : height));
  };
  for (const [path, cell] of cells) {
    if (cell.bbox && cell.source !== "derived") cells.set(path, { ...cell, bbox: turn(cell.page, cell.bbox) });
  }
  return narrative.map((line) => ({ ...line, bbox: turn(line.page, line.bbox) }));
}

/** Arithmetic rules whose failure a single misread cell can explain. */
const CHECKSUM_RULES = new Set(["s3.balance", "s3.row_total", "s3.results_total", "s4.group_total"]);

/**
 * The rules as a checksum on OCR: for each OCR cell cited by a failing arithmetic rule, the value that would
 * make that rule pass is tried; when it makes every failing arithmetic rule pass (and breaks none), and it is
 * one digit away from what was read (a digit misread, dropped or doubled), the cell is named by an
 * `ocr.suspect_cell` issue with the printed reading and the candidate. The value itself is never changed.
 */
export function findSuspectCells(input: RuleInput, flags: readonly Flag[]): Issue[] {
  const failing = flags.filter(isChecksumFailure);
  if (failing.length === 0) return [];
  const key = (f: Flag) => `${f.rule} ${f.path}`;
  const failingKeys = new Set(failing.map(key));
  const candidates = new Map<string, Set<number>>();
  for (const flag of failing) {
    if (flag.expected === null || flag.actual === null) continue;
    for (const ref of flag.cells) {
      const cell = input.cells.get(ref.path);
      if (cell?.source !== "ocr" || cell.value === null) continue;
      // The flagged cell may stand on either side of the equation: try both corrections.
      const diff = flag.expected - flag.actual;
      const set = candidates.get(ref.path) ?? new Set<number>();
      for (const v of [cell.value + diff, cell.value - diff]) if (v >= 0 && Number.isInteger(v)) set.add(v);
      candidates.set(ref.path, set);
    }
  }
  const issues: Issue[] = [];
  for (const [path, values] of candidates) {
    const cell = input.cells.get(path) as Cell;
    for (const value of values) {
      if (value === cell.value || !oneDigitApart(String(cell.value), String(value))) continue;
      const cells = new Map(input.cells);
      cells.set(path, { ...cell, value });
      const after = evaluateRules({ ...input, cells }).filter(isChecksumFailure);
      if (after.length > 0 || [...failingKeys].length === 0) continue;
      issues.push({
        code: "ocr.suspect_cell",
        severity: "warning",
        stage: "rules",
        message: `${path}: read as ${cell.raw ?? cell.value} (confidence ${cell.confidence}); ${value} would make every failing rule pass (${[...failingKeys].join(", ")}) — likely a misread, value kept as printed`,
        ...(cell.page !== null ? { page: cell.page } : {}),
      });
      break;
    }
  }
  return issues;
}

/**
 * Arithmetic errors that cite a cell an `ocr.suspect_cell` issue names become warnings with `uncertain_reading`:
 * the checksum says the reading, not the publication, is the likely fault (SPEC §4).
 */
export function markSuspectFlags(flags: readonly Flag[], issues: readonly Issue[]): Flag[] {
  const suspects = new Set(
    issues.filter((i) => i.code === "ocr.suspect_cell").map((i) => i.message.slice(0, i.message.indexOf(":"))),
  );
  if (suspects.size === 0) return [...flags];
  return flags.map((flag) =>
    flag.severity === "error" && CHECKSUM_RULES.has(flag.rule) && flag.cells.some((c) => suspects.has(c.path))
      ? {
          ...flag,
          severity: "warning",
          uncertain_reading: true,
          message: {
            zh: `${flag.message.zh}（读数存疑：校验和指出单元格可能识别错误）`,
            en: `${flag.message.en} (uncertain reading: the checksum names a likely misread cell)`,
          },
        }
      : flag,
  );
}

/** A failing arithmetic rule: an error, or the same failure marked as an uncertain reading. */
function isChecksumFailure(flag: Flag): boolean {
  return CHECKSUM_RULES.has(flag.rule) && (flag.severity === "error" || flag.uncertain_reading === true);
}

/** Whether two digit strings differ by one substituted, inserted or deleted digit. */
export function oneDigitApart(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length === b.length) {
    let diff = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff++;
    return diff === 1;
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length - short.length !== 1) return false;
  for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}
