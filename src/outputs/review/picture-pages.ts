import { findArchiveImage, findFolderImage, readWebArchive, type WebPicture } from "../../stages/ingest/index.js";
import { decodeHtml, htmlBlocks } from "../../stages/markup/index.js";
import { passPicture } from "./pass-images.js";
import type { PageImage } from "./render-pages.js";

/**
 * The pictures of a web page that extraction read by OCR as its pages 1…k, rendered like page-image inputs so
 * the cells read from them are outlined where OCR found them (a gray picture passed through as it is). A page's picture is the `<img>` its cells name
 * (their `locator`), found again where extraction found it: in the web archive, or beside the saved page. A
 * page none of whose cells was read, or whose picture is gone, has no image.
 */
export async function renderPicturePages(
  output: { readonly cells: Readonly<Record<string, { page: number | null; locator?: string | null | undefined }>> },
  source: { readonly path: string; readonly bytes: Uint8Array; readonly kind: "html" | "mht" },
  outDir: string,
  scale: number,
): Promise<PageImage[]> {
  const locators = new Map<number, string>();
  for (const cell of Object.values(output.cells)) {
    if (cell.page !== null && cell.locator) locators.set(cell.page, cell.locator);
  }
  if (locators.size === 0) return [];
  let html: string;
  let find: (src: string) => Promise<WebPicture>;
  if (source.kind === "mht") {
    const archive = readWebArchive(source.bytes);
    html = decodeHtml(archive.html.body(), { charset: archive.html.charset }).text;
    find = async (src) => findArchiveImage(archive, src);
  } else {
    html = decodeHtml(source.bytes).text;
    find = (src) => findFolderImage(source.path, src);
  }
  const sources = new Map(htmlBlocks(html).flatMap((b) => (b.kind === "image" ? [[b.locator, b.src] as const] : [])));
  const pages: PageImage[] = [];
  for (const [page, locator] of [...locators].sort((a, b) => a[0] - b[0])) {
    const src = sources.get(locator);
    const found = src === undefined ? null : await find(src);
    if (found === null || !("bytes" in found)) continue;
    const passed = await passPicture(found.bytes, outDir, page);
    if (passed !== null) pages.push(passed);
    else
      pages.push(
        ...(await (await import("./render-images.js")).renderImagePages(found.bytes, "png", outDir, scale, page)),
      );
  }
  return pages;
}
