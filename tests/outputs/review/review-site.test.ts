import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReviewSite, type ReviewSite } from "../../../src/outputs/review/index.js";
import { makeExtractedCopy, SAMPLES } from "../export/extracted-fixture.js";

/** Debian's chromium (installed by .ci/run); flags keep it off the network it cannot reach anyway. */
const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Screenshots the tests take, to look at (not compared): tests/outputs/review/screenshots/ (git-ignored). */
const SCREENSHOTS = join(import.meta.dirname, "screenshots");

/** The page's window, as the browser evaluates it (the tests' tsconfig has no DOM types). */
interface StyleWindow {
  getComputedStyle(element: unknown): { backgroundColor: string };
}

let dir: string;
let inputs: string;
let site: ReviewSite;
let browser: Browser;
const requests: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  dir = await makeExtractedCopy([
    "arith-errors-2023",
    "narrative-mismatch-2022",
    "ruled-clean-2023",
    "zero-styles-2021",
  ]);
  // Two sources found through --inputs, one through manifest.jsonl, one (zero-styles) nowhere.
  inputs = await mkdtemp(join(tmpdir(), "gongkai-inputs-"));
  for (const stem of ["arith-errors-2023", "narrative-mismatch-2022"]) {
    await copyFile(join(SAMPLES, `${stem}.pdf`), join(inputs, `${stem}.pdf`));
  }
  const ruled = JSON.parse(await readFile(join(dir, "ruled-clean-2023.json"), "utf8"));
  const manifest = {
    file: join(SAMPLES, "ruled-clean-2023.pdf"),
    sha256: ruled.source.sha256,
    status: "success",
    error_class: null,
    seconds: 1,
  };
  await writeFile(join(dir, "manifest.jsonl"), `${JSON.stringify(manifest)}\n`);
  const line = (file: string, path: string, old: number, value: number) =>
    JSON.stringify({ file, path, old, new: value, who: "王审核", why: "page", when: "2026-11-20T10:00:00Z" });
  const granted = ruled.cells["s3.granted.total"].value;
  await writeFile(
    join(dir, "corrections.jsonl"),
    `${line("narrative-mismatch-2022.json", "s3.new_received.total", 29, 28)}\n${line("ruled-clean-2023.json", "s3.granted.total", granted, granted)}\n`,
  );
  site = await buildReviewSite(dir, { inputs });
  await mkdir(SCREENSHOTS, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
  await rm(inputs, { recursive: true, force: true });
});

async function openPage(url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  // No Playwright action waits against a clock: on a loaded machine a click may take long, never fail for it.
  context.setDefaultTimeout(0);
  const page = await context.newPage();
  page.on("request", (request) => requests.push(request.url()));
  page.on("pageerror", (error) => pageErrors.push(error.message));
  // Content-Security-Policy violations and failed loads are reported as console errors.
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(message.text());
  });
  await page.goto(url);
  return page;
}

describe("gongkai review", () => {
  it("writes the index, a page per report and the page images of each source it found, once", async () => {
    expect(site).toMatchObject({ reports: 5, withoutImages: 1 });
    expect(site.rendered).toBe(site.images);
    const reportPages = (await readdir(join(dir, "review", "reports"))).sort();
    expect(reportPages).toEqual([
      "arith-errors-2023.html",
      "narrative-mismatch-2022.html",
      "ruled-clean-2023.html",
      "zero-styles-2021.html",
      "兰州~2022年报.html",
    ]);
    // 兰州/2022年报.json was extracted from the same bytes as arith-errors-2023: one folder of images for both.
    const key = async (stem: string) =>
      (JSON.parse(await readFile(join(dir, `${stem}.json`), "utf8")).source.sha256 as string).slice(0, 16);
    const folders = (await readdir(join(dir, "review", "pages"))).sort();
    expect(folders).toEqual(
      [await key("arith-errors-2023"), await key("narrative-mismatch-2022"), await key("ruled-clean-2023")].sort(),
    );
    expect((await readdir(join(dir, "review", "pages", await key("arith-errors-2023")))).sort()).toEqual([
      "p1.png",
      "p2.png",
      "p3.png",
      "p4.png",
      "render.json",
    ]);
    const copy = await readFile(join(dir, "review", "reports", "兰州~2022年报.html"), "utf8");
    expect(copy).toContain(`../pages/${await key("arith-errors-2023")}/p3.png`);
  });

  it("index → filter by rule → flagged report → flag: the named cells are highlighted and on screen", async () => {
    const page = await openPage(pathToFileURL(site.index).href);
    const rows = page.locator("#reports tbody tr");
    expect(await rows.count()).toBe(5);
    // Sorting: a click on Year sorts ascending, a second click descending.
    const years = () => page.locator("#reports tbody tr td:nth-child(2)").allTextContents();
    await page.locator("#reports thead th:nth-child(2)").click();
    expect(await years()).toEqual(["2021", "2022", "2022", "2023", "2023"]);
    await page.locator("#reports thead th:nth-child(2)").click();
    expect(await years()).toEqual(["2023", "2023", "2022", "2022", "2021"]);
    await page.fill("#f-agency", "兰州");
    expect(await page.locator("#reports tbody tr:visible").count()).toBe(2);
    await page.fill("#f-agency", "");
    await page.selectOption("#f-rule", "s3.balance");
    const visible = page.locator("#reports tbody tr:visible");
    // arith-errors-2023, its 2022 copy, and narrative-mismatch-2022 after its correction fail s3.balance.
    expect(await visible.count()).toBe(3);
    expect(await page.locator("#shown").textContent()).toBe("显示 3 / 5");
    await page.selectOption("#f-year", "2023");
    expect(await visible.count()).toBe(1);
    await visible.locator("a").click();
    await page.waitForURL(/arith-errors-2023\.html$/);

    const flag = page.locator('button.flag[data-rule="s3.balance"][data-path="s3.total"]');
    // Oversight staff read the template's words, not the key.
    expect(await flag.locator("b").textContent()).toBe("三、总计（列）");
    const named = ((await flag.getAttribute("data-cells")) ?? "").split(" ");
    expect(named).toEqual([
      "s3.new_received.total",
      "s3.carried_over.total",
      "s3.total_processed.total",
      "s3.carried_forward.total",
    ]);
    await flag.click();
    await expect.poll(() => page.locator("#flag-detail").isVisible()).toBe(true);
    expect(await page.locator("#flag-expected").textContent()).toBe("74");
    expect(await page.locator("#flag-actual").textContent()).toBe("0");
    const focused = page.locator(".page .box.focus");
    const paths = await focused.evaluateAll((els) => els.map((el) => el.getAttribute("data-path")));
    expect(paths.sort()).toEqual([...named].sort());
    for (const path of named) {
      const box = page.locator(`.page .box.focus[data-path="${path}"]`);
      await expect.poll(() => box.isVisible()).toBe(true);
      const rect = await box.boundingBox();
      const viewport = page.viewportSize();
      expect(rect, path).not.toBeNull();
      if (rect === null || viewport === null) continue;
      expect(rect.x, path).toBeGreaterThanOrEqual(0);
      expect(rect.y, path).toBeGreaterThanOrEqual(0);
      expect(rect.x + rect.width, path).toBeLessThanOrEqual(viewport.width);
      expect(rect.y + rect.height, path).toBeLessThanOrEqual(viewport.height);
      // Nothing covers it (the zoom bar, another panel): the box is what its centre shows.
      const top = await page.evaluate(
        `document.elementFromPoint(${rect.x + rect.width / 2}, ${rect.y + rect.height / 2})?.getAttribute("data-path")`,
      );
      expect(top, path).toBe(path);
      // The box sits on the rendered page image, inside it.
      const pageRect = await page.locator("#page-3").boundingBox();
      expect(pageRect !== null && rect.x >= pageRect.x && rect.x + rect.width <= pageRect.x + pageRect.width).toBe(
        true,
      );
    }
    // The same cells are marked in the extracted tables beside the page.
    const tableCells = await page
      .locator("td.v.focus")
      .evaluateAll((els) => els.map((el) => el.getAttribute("data-path")));
    expect(tableCells.sort()).toEqual([...named].sort());

    // The page image under the boxes has loaded (rendered PNG, not a broken image).
    await expect
      .poll(() =>
        page.evaluate(
          'document.querySelector("#page-3 img").complete && document.querySelector("#page-3 img").naturalWidth',
        ),
      )
      .toBe(893);
    const screenshot = await page.screenshot();
    const image = await loadImage(screenshot);
    const canvas = createCanvas(image.width, image.height);
    const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    let sum = 0;
    let sumSquares = 0;
    const n = data.length / 4;
    for (let i = 0; i < data.length; i += 4) {
      const grey = ((data[i] ?? 0) + (data[i + 1] ?? 0) + (data[i + 2] ?? 0)) / 3;
      sum += grey;
      sumSquares += grey * grey;
    }
    const variance = sumSquares / n - (sum / n) ** 2;
    expect(variance).toBeGreaterThan(500);
    await page.context().close();
  });

  it("shows a report whose source is missing with its tables and flags, and says why there are no images", async () => {
    const page = await openPage(pathToFileURL(join(dir, "review", "reports", "zero-styles-2021.html")).href);
    const notice = (await page.locator("#no-images").textContent()) ?? "";
    expect(notice).toContain("zero-styles-2021.pdf not found");
    expect(await page.locator(".page").count()).toBe(0);
    // 200 printed cells and the 7 of the derived （六）其他处理 row.
    expect(await page.locator("td.v").count()).toBe(207);
    await page.locator("button.flag").first().click();
    await expect.poll(() => page.locator("td.v.focus").count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it("shows the cross-report flags naming a report", async () => {
    const page = await openPage(pathToFileURL(join(dir, "review", "reports", "兰州~2022年报.html")).href);
    const cross = page.locator('button.flag[data-rule="cross.carry_over"]');
    expect(await cross.count()).toBe(1);
    await cross.click();
    const focused = await page
      .locator(".page .box.focus")
      .evaluateAll((els) => els.map((el) => el.getAttribute("data-path")));
    expect(focused).toEqual(["s3.carried_forward.total"]);
    await page.context().close();
  });

  it("shows corrections.jsonl: corrected and checked cells, and the flags after corrections", async () => {
    const page = await openPage(pathToFileURL(join(dir, "review", "reports", "narrative-mismatch-2022.html")).href);
    const corrected = page.locator('td.v[data-path="s3.new_received.total"]');
    expect(await corrected.getAttribute("class")).toContain("corrected");
    expect(await corrected.textContent()).toBe("28");
    expect(await corrected.getAttribute("title")).toContain("corrected 29 → 28 by 王审核");
    // 28 is what the narrative states: text.new_received is gone; the row no longer adds up: s3.row_total.
    const rules = await page.locator("button.flag").evaluateAll((els) => els.map((el) => el.getAttribute("data-rule")));
    expect(rules).not.toContain("text.new_received");
    // A narrative flag marks the sentence it quotes on the page image (上年结转4件, page 2).
    await page.locator('button.flag[data-rule="text.carried_over"]').click();
    const sentence = page.locator("#page-2 .narrative-mark.focus");
    expect(await sentence.count()).toBe(1);
    const rect = await sentence.boundingBox();
    expect(rect !== null && rect.width > 40 && rect.y >= 0 && rect.y + rect.height <= 900).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, "narrative-flag.png") });
    expect(rules).toContain("s3.row_total");
    expect(rules).toContain("text.review");
    await page.goto(pathToFileURL(join(dir, "review", "reports", "ruled-clean-2023.html")).href);
    expect(await page.locator('td.v[data-path="s3.granted.total"]').getAttribute("class")).toContain("checked");
    await page.context().close();
  });

  it("keeps corrections in one file for the whole review, exported with one button", async () => {
    const page = await openPage(pathToFileURL(join(dir, "review", "reports", "arith-errors-2023.html")).href);
    const cell = page.locator('td.v[data-path="s3.total_processed.total"]');
    await cell.click();
    // The value clicked in the table is brought into view on the page image too.
    const box = await page.locator('.page .box.selected[data-path="s3.total_processed.total"]').boundingBox();
    expect(box !== null && box.y >= 0 && box.y + box.height <= 900).toBe(true);
    // The form opens where the user clicked: right below (or above) the cell, inside the window.
    const form = await page.locator("#cell-detail").boundingBox();
    const clicked = await cell.boundingBox();
    expect(form !== null && clicked !== null).toBe(true);
    if (form !== null && clicked !== null) {
      const gap = Math.min(
        Math.abs(form.y - (clicked.y + clicked.height)),
        Math.abs(clicked.y - (form.y + form.height)),
      );
      expect(gap).toBeLessThan(20);
      expect(form.y + form.height).toBeLessThanOrEqual(900);
    }
    expect(await page.locator("#cell-detail h3").textContent()).toBe("三、（七）总计 · 总计");
    await page.fill("#c-new", "72");
    await page.fill("#c-who", "王审核");
    await page.fill("#c-why", "results add up to 72");
    await page.click("#c-correct");
    await expect.poll(() => page.locator("#c-saved").isVisible()).toBe(true);
    // A second cell, on another report: the same corrections file.
    await page.locator("#next-report").click();
    await page.waitForURL(/narrative-mismatch-2022\.html$/);
    await page.locator('td.v[data-path="s3.granted.total"]').click();
    await page.click("#c-check");
    expect(await page.locator("#export-corrections").textContent()).toBe("导出更正 (2)");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-corrections")]);
    expect(download.suggestedFilename()).toBe("corrections.jsonl");
    const lines = (await readFile(await download.path(), "utf8"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      file: "arith-errors-2023.json",
      sha256: "7f617ed327c93c23928ad624773537f5f784a2eb23e2e135fc516564c149dc63",
      path: "s3.total_processed.total",
      old: 0,
      new: 72,
      who: "王审核",
      why: "results add up to 72",
    });
    expect(Number.isNaN(Date.parse(lines[0].when))).toBe(false);
    expect(lines[1]).toMatchObject({ file: "narrative-mismatch-2022.json", path: "s3.granted.total", who: "王审核" });
    expect(lines[1].new).toBe(lines[1].old);
    await page.context().close();
  });

  it("is Chinese first, with an English toggle that is remembered", async () => {
    const page = await openPage(pathToFileURL(site.index).href);
    // The text shown in the language chosen, the other one hidden.
    const shown = async (selector: string) =>
      (await page.locator(`${selector} .zh`).isVisible())
        ? await page.locator(`${selector} .zh`).textContent()
        : await page.locator(`${selector} .en`).textContent();
    expect(await shown("h1")).toBe("政府信息公开工作年度报告 · 审核");
    await page.click("#lang-toggle");
    expect(await shown("h1")).toBe("Annual disclosure reports · review");
    await page.locator("#reports tbody tr:visible a").first().click();
    // The report page applies the remembered language once it has loaded: wait for it, not for a clock.
    await page.waitForURL(/reports\//);
    await page.locator("#back .en").waitFor({ state: "visible" });
    expect(await shown("#back")).toBe("← all reports");
    await page.click("#lang-toggle");
    expect(await shown("#back")).toBe("← 全部报告");
    await page.context().close();
  });

  it("keeps the index's filters when the user comes back from a report", async () => {
    const page = await openPage(pathToFileURL(site.index).href);
    await page.selectOption("#f-year", "2022");
    expect(await page.locator("#reports tbody tr:visible").count()).toBe(2);
    await page.locator("#reports tbody tr:visible a").first().click();
    await page.locator("#back").click();
    await page.waitForURL(/index\.html/);
    expect(await page.locator("#f-year").inputValue()).toBe("2022");
    expect(await page.locator("#reports tbody tr:visible").count()).toBe(2);
    await page.selectOption("#f-year", "");
    await page.context().close();
  });

  it("shades the cells of errors; the zoom bar never overlaps the pages", async () => {
    const page = await openPage(pathToFileURL(join(dir, "review", "reports", "arith-errors-2023.html")).href);
    const shade = await page
      .locator(".box.flag-error")
      .first()
      .evaluate((el) => (globalThis as unknown as StyleWindow).getComputedStyle(el).backgroundColor);
    expect(shade).toBe("rgba(198, 40, 40, 0.28)");
    const bar = await page.locator("#zoom-bar").boundingBox();
    const pane = await page.locator("#pages").boundingBox();
    expect(bar !== null && pane !== null && bar.y + bar.height <= pane.y + 0.5).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, "report-error-flags.png") });
    await page.context().close();
  });

  it("a second run reuses the page images; a source gone from the folder loses its images", async () => {
    const gone = JSON.parse(await readFile(join(dir, "narrative-mismatch-2022.json"), "utf8")).source.sha256;
    await rm(join(dir, "narrative-mismatch-2022.json"));
    const again = await buildReviewSite(dir, { inputs });
    expect(again).toMatchObject({ reports: 4, withoutImages: 1, rendered: 0 });
    expect(again.images).toBeLessThan(site.images);
    const folders = await readdir(join(dir, "review", "pages"));
    expect(folders).toHaveLength(2);
    expect(folders).not.toContain(gone.slice(0, 16));
    expect(await readdir(join(dir, "review", "reports"))).not.toContain("narrative-mismatch-2022.html");
  });

  it("made no network request and raised no script error", () => {
    expect(requests.length).toBeGreaterThan(10);
    expect(requests.filter((url) => !url.startsWith("file:") && !url.startsWith("blob:"))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
