import { readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import type { PageImage } from "./render-pages.js";

/** `pages/<slug>/render.json`: what the images in that folder were rendered from. */
const renderRecordSchema = z.object({
  sha256: z.string(),
  scale: z.number(),
  pages: z.array(
    z.object({
      page: z.number(),
      width: z.number(),
      height: z.number(),
      image: z.string(),
      picture: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }).optional(),
    }),
  ),
});

const RECORD = "render.json";

/** Rendered image pixels per PDF point: 1.5 gives ~108 dpi, readable digits at a modest PNG size. */
export const DEFAULT_SCALE = 1.5;

/**
 * The page images already in `folder` when they were rendered from the same source (sha256) at the same scale
 * and every image is still there; null otherwise. Re-running `review` over a grown archive renders only what is new.
 */
export async function readCachedPages(folder: string, sha256: string, scale: number): Promise<PageImage[] | null> {
  let record: z.infer<typeof renderRecordSchema>;
  try {
    const parsed = renderRecordSchema.safeParse(JSON.parse(await readFile(join(folder, RECORD), "utf8")));
    if (!parsed.success) return null;
    record = parsed.data;
  } catch {
    return null;
  }
  if (record.sha256 !== sha256 || record.scale !== scale) return null;
  for (const page of record.pages) {
    const info = await stat(join(folder, page.image)).catch(() => null);
    if (info === null || info.size === 0) return null;
  }
  return record.pages.map(({ picture, ...page }) => (picture === undefined ? page : { ...page, picture }));
}

export async function writeRenderRecord(folder: string, sha256: string, scale: number, pages: readonly PageImage[]) {
  await writeFile(join(folder, RECORD), `${JSON.stringify({ sha256, scale, pages })}\n`);
}

/** Removes the image folders of sources no longer in the extracted dir. */
export async function prunePageFolders(pagesRoot: string, keep: ReadonlySet<string>): Promise<void> {
  const entries = await readdir(pagesRoot, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!keep.has(entry.name)) await rm(join(pagesRoot, entry.name), { recursive: true, force: true });
  }
}
