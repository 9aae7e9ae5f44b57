// Renders each table of an HTML sample to a PNG with headless Chromium (Debian's chromium via playwright-core)
// and returns the page with every table replaced by an <img> of it, as portals paste screenshots of 统计表.
import { chromium } from "playwright-core";

export interface Picture {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** Device pixels per CSS pixel of the screenshots: a screen at 144 dpi, as a screenshot on a laptop. */
const SCALE = 1.5;

export async function renderTablePictures(html: string): Promise<{ html: string; pictures: Picture[] }> {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  try {
    const page = await browser.newPage({ deviceScaleFactor: SCALE, viewport: { width: 900, height: 1200 } });
    await page.setContent(html, { waitUntil: "load" });
    const tables = await page.locator("table").all();
    const pictures: Picture[] = [];
    for (const [i, table] of tables.entries()) {
      const bytes = new Uint8Array(await table.screenshot({ type: "png" }));
      const box = await table.boundingBox();
      pictures.push({
        name: `table${i + 1}.png`,
        bytes,
        width: Math.round(box?.width ?? 0),
        height: Math.round(box?.height ?? 0),
      });
    }
    let index = 0;
    const replaced = html.replace(/<table\b[\s\S]*?<\/table>/g, () => {
      const p = pictures[index++] as Picture;
      return `<p align="center"><img src="t2019_files/${p.name}" width="${p.width}" height="${p.height}" border="0"></p>`;
    });
    return { html: replaced, pictures };
  } finally {
    await browser.close();
  }
}
