import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReviewSite, type PageImage, type ReviewSite } from "../../../src/outputs/review/index.js";
import { EXTRACTED, SAMPLES } from "../export/extracted-fixture.js";

/**
 * The review site for every input kind (a PNG scan, an HTML page, a .docx), built from another folder than
 * the one `extract` ran in and without --inputs, and an index of more than one page of reports.
 */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const SCREENSHOTS = join(import.meta.dirname, "screenshots");

/** The page's window, as the browser evaluates it (the tests' tsconfig has no DOM types). */
interface StyleWindow {
  getComputedStyle(element: unknown): { backgroundColor: string; outlineStyle: string; textDecorationStyle: string };
}
/** Outputs, their sources under `in/` (where `extract in --out extracted` would have run from). */
const REPORTS = [
  ["scanned/scan-county-rules-png.json", "scanned/scan-county-rules-png.png"],
  ["scanned/scan-arith-errors-200-jpeg.json", "scanned/scan-arith-errors-200-jpeg.pdf"],
  ["html-nested-2023.json", "html-nested-2023.html"],
  ["docx-captions-2023.json", "docx-captions-2023.docx"],
] as const;
/** Copies of the HTML report under agency folders: more reports than one index page holds. */
const COPIES = 110;

let root: string;
let extracted: string;
let site: ReviewSite;
let browser: Browser;
const progress: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "gongkai-review-inputs-"));
  extracted = join(root, "extracted");
  const manifest: string[] = [];
  for (const [out, input] of REPORTS) {
    await mkdir(join(extracted, out, ".."), { recursive: true });
    await mkdir(join(root, "in", input, ".."), { recursive: true });
    await cp(join(EXTRACTED, out), join(extracted, out));
    await cp(join(SAMPLES, input), join(root, "in", input));
    const { sha256 } = JSON.parse(await readFile(join(extracted, out), "utf8")).source;
    // Relative to `root`, where extract ran; the review is built with another working folder.
    manifest.push(
      JSON.stringify({ file: `in/${input}`, out, sha256, status: "success", error_class: null, seconds: 1 }),
    );
  }
  const html = await readFile(join(extracted, "html-nested-2023.json"), "utf8");
  for (let i = 0; i < COPIES; i++) {
    const out = `copies/机关${String(i).padStart(3, "0")}/2023.json`;
    await mkdir(join(extracted, out, ".."), { recursive: true });
    await writeFile(join(extracted, out), html);
  }
  await writeFile(join(extracted, "manifest.jsonl"), `${manifest.join("\n")}\n`);
  site = await buildReviewSite(extracted, { onProgress: (line) => progress.push(line) });
  await mkdir(SCREENSHOTS, { recursive: true });
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await rm(root, { recursive: true, force: true });
});

async function openPage(url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // No Playwright action waits against a clock: on a loaded machine a click may take long, never fail for it.
  context.setDefaultTimeout(0);
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(message.text());
  });
  await page.goto(url);
  return page;
}

const reportUrl = (slug: string) => pathToFileURL(join(extracted, "review", "reports", `${slug}.html`)).href;

describe("gongkai review: every input kind, sources found from another folder", () => {
  it("finds every source through the manifest's relative paths and says how far it got", () => {
    expect(site).toMatchObject({ reports: REPORTS.length + COPIES, withoutImages: 0 });
    // The PNG scan's one page and the JPEG scan's four; the HTML and .docx have none (their tables are shown).
    expect(site.images).toBe(5);
    expect(progress.some((line) => /^review: 100\/114 report\(s\)/.test(line))).toBe(true);
    expect(progress.at(-1)).toMatch(/^review: 114 report\(s\), 4 source\(s\) in [\d.]+ s\n$/);
  });

  it("shows a PNG scan's page with its cells outlined where OCR read them", async () => {
    const page = await openPage(reportUrl("scanned~scan-county-rules-png"));
    const img = page.locator(".page img");
    expect(await img.count()).toBe(1);
    await expect
      .poll(() => img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth))
      .toBeGreaterThan(800);
    expect(await page.locator(".page .box.src-ocr").count()).toBeGreaterThan(150);
    await page.locator("button.flag").first().click();
    await expect.poll(() => page.locator(".page .box.focus").count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, "png-scan.png") });
    await page.context().close();
  });

  it("shows a JPEG scan PDF's pages as its JPEGs, placed where the PDF paints them, the cells on the ink", async () => {
    const slug = "scanned~scan-arith-errors-200-jpeg";
    const output = JSON.parse(await readFile(join(extracted, "scanned/scan-arith-errors-200-jpeg.json"), "utf8"));
    const html = await readFile(join(extracted, "review", "reports", `${slug}.html`), "utf8");
    const key = /src="\.\.\/pages\/([^/"]+)\/p1\.jpg"/.exec(html)?.[1] ?? "";
    const pagesDir = join(extracted, "review", "pages", key);
    const { pages } = JSON.parse(await readFile(join(pagesDir, "render.json"), "utf8")) as { pages: PageImage[] };
    expect(pages.map((p) => p.image)).toEqual(["p1.jpg", "p2.jpg", "p3.jpg", "p4.jpg"]);
    // Every non-blank cell the OCR read has ink inside its box (inset by a fifth each way, clear of the rules).
    let inked = 0;
    let read = 0;
    for (const page of pages) {
      const image = await loadImage(join(pagesDir, page.image));
      const canvas = createCanvas(image.width, image.height);
      canvas.getContext("2d").drawImage(image, 0, 0);
      const pixels = canvas.getContext("2d").getImageData(0, 0, image.width, image.height).data;
      const to = page.picture ?? { x: 0, y: 0, width: page.width, height: page.height };
      const px = (x: number) => Math.round(((x - to.x) / to.width) * image.width);
      const py = (y: number) => Math.round(((y - to.y) / to.height) * image.height);
      for (const cell of Object.values(output.cells) as { page: number; bbox: number[] | null; raw: string | null }[]) {
        if (cell.page !== page.page || cell.bbox === null || !cell.raw) continue;
        const [x0, y0, x1, y1] = cell.bbox as [number, number, number, number];
        const dx = (x1 - x0) / 5;
        const dy = (y1 - y0) / 5;
        let darkest = 255;
        for (let y = py(y0 + dy); y < py(y1 - dy); y++) {
          for (let x = px(x0 + dx); x < px(x1 - dx); x++)
            darkest = Math.min(darkest, pixels[(y * image.width + x) * 4] ?? 255);
        }
        read += 1;
        if (darkest < 100) inked += 1;
      }
    }
    expect(read).toBeGreaterThan(150);
    expect(inked / read).toBeGreaterThan(0.97);
    // The browser places each picture where render.json says, in the page's proportions.
    const page = await openPage(reportUrl(slug));
    const img = page.locator(".page img.placed");
    expect(await img.count()).toBe(4);
    await page.locator("#page-2").scrollIntoViewIfNeeded();
    const second = img.nth(1);
    await expect
      .poll(() => second.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth))
      .toBe(1684);
    const frame = await page.locator("#page-2").boundingBox();
    const shown = await second.boundingBox();
    const placed = pages[1]?.picture;
    if (frame === null || shown === null || placed === undefined) throw new Error("page 2 is not laid out");
    const ratio = frame.width / (pages[1]?.width ?? 1);
    expect(Math.abs(shown.x - frame.x - placed.x * ratio)).toBeLessThan(1);
    expect(Math.abs(shown.y - frame.y - placed.y * ratio)).toBeLessThan(1);
    expect(Math.abs(shown.width - placed.width * ratio)).toBeLessThan(1);
    expect(Math.abs(shown.height - placed.height * ratio)).toBeLessThan(1);
    await page.locator("button.flag").first().click();
    await expect.poll(() => page.locator(".page .box.focus").count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, "jpeg-scan.png") });
    await page.context().close();
  });

  it.each([
    ["html-nested-2023", /^html\[1\]\/body\[1\]\//],
    ["docx-captions-2023", /^tbl\[\d+\]\//],
  ])("shows %s's own tables with the extracted cells marked, and a link to the source", async (slug, locator) => {
    const page = await openPage(reportUrl(slug));
    const marked = page.locator("#source-view td.src-cell");
    expect(await marked.count()).toBeGreaterThan(150);
    expect(await marked.first().getAttribute("data-locator")).toMatch(locator);
    // Info flags (cell.blank: a cell printed blank) are outlined, not shaded like errors and warnings.
    const info = page.locator("#source-view td.src-cell.flag-info");
    if (slug === "html-nested-2023") expect(await info.count()).toBeGreaterThan(50);
    for (const cell of (await info.count()) > 0 ? [info.first(), page.locator("td.v.flag-info").first()] : []) {
      const style = await cell.evaluate((el) => {
        const css = (globalThis as unknown as StyleWindow).getComputedStyle(el);
        return { background: css.backgroundColor, outline: css.outlineStyle, decoration: css.textDecorationStyle };
      });
      expect(style.background).toBe("rgba(0, 0, 0, 0)");
      expect([style.outline, style.decoration]).toContain("dotted");
    }
    // A cell clicked in the source table opens its form, in the template's words.
    const cell = page.locator('#source-view td.src-cell[data-path="s3.new_received.total"]');
    await cell.click();
    expect(await page.locator("#cell-detail h3").textContent()).toBe("三、一、本年新收政府信息公开申请数量 · 总计");
    expect(await page.locator('td.v.selected[data-path="s3.new_received.total"]').count()).toBe(1);
    const href = await page.locator("#source-link").getAttribute("href");
    expect(decodeURIComponent(href ?? "")).toMatch(/^\.\.\/\.\.\/\.\.\/in\/.*\.(html|docx)$/);
    await page.screenshot({ path: join(SCREENSHOTS, `${slug}.png`) });
    await page.context().close();
  });

  it("shows the index 100 reports a page", async () => {
    const page = await openPage(pathToFileURL(site.index).href);
    const visible = page.locator("#reports tbody tr:visible");
    expect(await visible.count()).toBe(100);
    expect(await page.locator("#page-info").textContent()).toBe("第 1 / 2 页");
    await page.click("#page-next");
    expect(await visible.count()).toBe(REPORTS.length + COPIES - 100);
    await page.fill("#f-agency", "烟台");
    expect(await page.locator("#page-info").textContent()).toBe("第 1 / 2 页");
    await page.screenshot({ path: join(SCREENSHOTS, "index.png") });
    await page.context().close();
  });

  it("raised no script error", () => {
    expect(pageErrors).toEqual([]);
  });
});
