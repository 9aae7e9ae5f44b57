// Pages whose tables are pictures (issue 15's check set): each section's tables screenshotted by headless
// Chromium and put back into the page as <img>, the page kept as text; stored as a web archive (pictures by URL
// or by cid:) or as a saved page with a "<name>_files" folder beside it (names in Chinese, URL-encoded src).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { reportHtml, type TableStyle, type Truth } from "./report-html.js";
import { type ArchiveShape, encodeText, type Part, writeArchive } from "./web-archive.js";

export interface PictureJob {
  readonly file: string;
  readonly style: TableStyle;
  readonly format: "jpeg" | "png";
  /** How the page names its pictures: by URL (archive part Content-Location), by cid:, or in a `_files` folder. */
  readonly ref: "url" | "cid" | "folder";
  readonly shape?: ArchiveShape;
}

const PAGE_URL = "http://www.example.gov.cn/zwgk/ndbg/index.html";

export async function makePicturePage(truth: Truth, job: PictureJob, out: string): Promise<void> {
  const html = reportHtml(truth, job.style);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  const pictures: Part[] = [];
  let page = html;
  const stem = job.file.replace(/\.[^.]+$/, "");
  const folder = `${stem}_files`;
  try {
    const tab = await browser.newPage({ deviceScaleFactor: 1.5, viewport: { width: 900, height: 1200 } });
    await tab.setContent(html);
    for (const [i, id] of ["tables-s2", "tables-s3", "tables-s4"].entries()) {
      const shot = job.format === "jpeg" ? { type: "jpeg" as const, quality: 85 } : { type: "png" as const };
      const body = new Uint8Array(await tab.locator(`#${id}`).screenshot(shot));
      const name = job.ref === "folder" ? `统计表 ${i + 1}.${job.format}` : `W0202403${i + 1}.${job.format}`;
      const location = `http://www.example.gov.cn/zwgk/ndbg/${name}`;
      const id0 = `<image${i + 1}.check@gongkai>`;
      const src =
        job.ref === "cid"
          ? `cid:${id0.slice(1, -1)}`
          : job.ref === "folder"
            ? `./${folder}/${encodeURIComponent(name)}`
            : location;
      pictures.push({ type: `image/${job.format}`, location, body, ...(job.ref === "cid" ? { id: id0 } : {}) });
      if (job.ref === "folder") {
        mkdirSync(join(out, folder), { recursive: true });
        writeFileSync(join(out, folder, name), body);
      }
      page = page.replace(
        new RegExp(`<div id="${id}">[\\s\\S]*?</div>(?=\\n<h2>|\\n<h2|$)`),
        `<p align="center"><img src="${src}" width="600" alt="统计表"></p>`,
      );
    }
  } finally {
    await browser.close();
  }
  if ((page.match(/<img /g) ?? []).length !== 3) throw new Error("expected the three tables replaced by pictures");
  if (job.ref === "folder") {
    writeFileSync(join(out, job.file), page);
    return;
  }
  const shape = job.shape as ArchiveShape;
  const part: Part = { type: "text/html", location: PAGE_URL, body: encodeText(page, shape.charset) };
  writeFileSync(join(out, job.file), writeArchive(part, pictures, shape, `${truth.report.agency}年度报告`));
}
