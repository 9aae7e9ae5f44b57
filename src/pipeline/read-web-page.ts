import { describeError } from "../errors.js";
import type { Issue } from "../model/issue.js";
import { checkImageSize, MAX_PICTURE_BYTES } from "../stages/ingest/index.js";
import { type DocBlock, type DocImage, htmlBlocks } from "../stages/markup/index.js";
import { analyseBlocks } from "./analyse-blocks.js";
import { analyseWebPage, type PagePicture } from "./analyse-web-page.js";
import { type DocumentSource, type FrontEndResult, failedDocument } from "./document-result.js";
import type { FrontEndContext } from "./input-kinds/input-kind.js";
import { ocrImages } from "./ocr-pages.js";
import type { WebPictures } from "./web-images.js";

/** Pictures of one page read by OCR at most (a portal page has logos, photos, QR codes besides the tables). */
const MAX_PICTURES = 12;
/** A picture declared or decoded smaller than this (CSS pixels) is an icon, a logo or a rule, not a table. */
const MIN_WIDTH = 150;
const MIN_HEIGHT = 60;
/** Characters of text below which a page is taken to show its content as pictures. */
const PICTURE_PAGE_TEXT = 200;
/** Pixels a GIF may declare (as a PNG or JPEG page, ingest's checkImageSize). */
const MAX_PIXELS = 200_000_000;

/**
 * A web page (HTML, or the page of a web archive) through the HTML front end. When its markup does not give
 * every template cell and it shows pictures big enough to be tables (`<img>`: a screenshot or scan of a 统计表
 * pasted into the page), those found in `pictures` are read by OCR as pages of their own, in their place in the
 * page, and the whole is mapped again. A picture that may hold a table but is not to be had gets a
 * `table.image_missing` issue, and such a page is never `not_a_report`.
 */
export async function readWebPage(
  html: string,
  source: DocumentSource,
  context: FrontEndContext,
  pictures: WebPictures,
): Promise<FrontEndResult> {
  const blocks = htmlBlocks(html);
  const first = analyseBlocks(blocks, source);
  if (first.ok && first.value.status === "success") return first;
  const candidates = blocks.filter((b): b is DocImage => b.kind === "image" && mayHoldTable(b));
  if (candidates.length === 0 || !mayBeReport(first, blocks)) return first;
  const found: { block: DocImage; bytes: Uint8Array }[] = [];
  const missing: Issue[] = [];
  for (const block of candidates.slice(0, MAX_PICTURES)) {
    const got = await pictures.find(block.src);
    const why = "missing" in got ? got.missing : pictureProblem(got.bytes);
    if (why === null && "bytes" in got) found.push({ block, bytes: got.bytes });
    else missing.push(missingIssue(block, why ?? "", pictures.where));
  }
  if (found.length === 0) return withMissing(first, missing);
  const { imageFilePages } = await import("../stages/ocr/index.js");
  const decoded: PagePicture[] = [];
  const skipped: Issue[] = [];
  for (const { block, bytes } of found) {
    try {
      const [image] = await imageFilePages(bytes, "png");
      if (image && image.image.width >= MIN_WIDTH && image.image.height >= MIN_HEIGHT)
        decoded.push({ locator: block.locator, image });
    } catch (error) {
      skipped.push(missingIssue(block, `its bytes cannot be decoded as a picture (${String(error)})`, pictures.where));
    }
  }
  if (decoded.length === 0) return withMissing(first, [...missing, ...skipped]);
  const ocr = await ocrImages(
    await context.engine(),
    decoded.map((d, i) => ({ page: i + 1, image: async () => d.image })),
  );
  return analyseWebPage(blocks, decoded, ocr.value, source, [...ocr.issues, ...missing, ...skipped]);
}

function mayHoldTable(image: DocImage): boolean {
  return (image.width ?? MIN_WIDTH) >= MIN_WIDTH && (image.height ?? MIN_HEIGHT) >= MIN_HEIGHT;
}

/** The page says something of a report (a title, the law's name, a 统计表), or shows little but pictures. */
function mayBeReport(first: FrontEndResult, blocks: readonly DocBlock[]): boolean {
  if (first.ok || first.errorClass !== "not_a_report") return true;
  const text = blocks.map((b) => (b.kind === "paragraph" ? b.text : "")).join("");
  return /政府信息公开|信息公开.{0,8}(?:年报|年度报告)|统计表/.test(text) || text.length < PICTURE_PAGE_TEXT;
}

/** Why bytes are not a picture OCR reads, or null: PNG, JPEG, GIF, BMP and WebP are decoded. */
function pictureProblem(bytes: Uint8Array): string | null {
  if (bytes.length > MAX_PICTURE_BYTES) return `it has ${bytes.length} bytes, more than ${MAX_PICTURE_BYTES}`;
  const head = Buffer.from(bytes.subarray(0, 12));
  const known =
    head.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47])) ||
    head.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])) ||
    head.toString("latin1", 0, 4) === "GIF8" ||
    head.toString("latin1", 0, 2) === "BM" ||
    (head.toString("latin1", 0, 4) === "RIFF" && head.toString("latin1", 8, 12) === "WEBP");
  if (!known) return "its bytes are not a PNG, JPEG, GIF, BMP or WebP picture";
  // A GIF's logical screen size (bytes 6–9, little-endian): a few bytes can declare 65,535² pixels.
  if (
    head.toString("latin1", 0, 4) === "GIF8" &&
    head.length >= 10 &&
    head.readUInt16LE(6) * head.readUInt16LE(8) > MAX_PIXELS
  )
    return "it declares more pixels than can be decoded";
  const png = head[0] === 0x89;
  if (png || head[0] === 0xff) {
    try {
      checkImageSize(bytes, png ? "png" : "jpeg");
    } catch (error) {
      return describeError(error);
    }
  }
  return null;
}

function missingIssue(image: DocImage, why: string, where: string): Issue {
  const src = image.src.startsWith("data:") ? "data: URL" : image.src.slice(0, 200);
  return {
    code: "table.image_missing",
    severity: "warning",
    stage: "ingest",
    message: `The picture ${image.locator} (src "${src}") may show a table, but it could not be read from ${where}: ${why}`,
  };
}

/**
 * The markup-only reading with the pictures that could not be read said: a page with no table read stays a
 * failure, but as `no_tables` (its title was read) or `unreadable` (nothing was), never `not_a_report`.
 */
function withMissing(first: FrontEndResult, missing: readonly Issue[]): FrontEndResult {
  if (first.ok) return { ...first, value: { ...first.value, issues: [...first.value.issues, ...missing] } };
  if (first.errorClass === "not_a_report") {
    return failedDocument(
      "unreadable",
      `No report title or table in the page's text; ${missing.length} picture(s) that may hold the report could not be read`,
      { issues: missing },
    );
  }
  return { ...first, issues: [...first.issues, ...missing] };
}
