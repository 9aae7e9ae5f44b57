// The README's picture of the review page: builds the review site for the committed samples (in a temporary copy
// of extracted/), opens the arith-errors report in Debian's chromium, clicks its s3.balance flag on the 总计
// column and saves the window. Run: npx tsx scripts/screenshot-review.ts
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { buildReviewSite } from "../src/outputs/review/index.js";

const OUT_REPORT = resolve("scripts", "readme", "review-page.png");
const OUT_INDEX = resolve("scripts", "readme", "review-index.png");
const SAMPLES = resolve("samples");

const dir = await mkdtemp(join(tmpdir(), "gongkai-screenshot-"));
try {
  await cp("extracted", join(dir, "extracted"), { recursive: true });
  // From inside the copy's parent, so the index names the folder as a user would type it.
  process.chdir(dir);
  const site = await buildReviewSite("extracted", { inputs: SAMPLES });
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
    await page.goto(pathToFileURL(resolve(site.index)).href);
    await page.selectOption("#f-year", "2023");
    await page.screenshot({ path: OUT_INDEX });
    await page.goto(pathToFileURL(resolve("extracted", "review", "reports", "arith-errors-2023.html")).href);
    await page.locator('button.flag[data-rule="s3.balance"][data-path="s3.total"]').click();
    await page.waitForTimeout(200);
    await page.screenshot({ path: OUT_REPORT });
  } finally {
    await browser.close();
  }
  process.stdout.write(`${OUT_REPORT}\n${OUT_INDEX}\n`);
} finally {
  process.chdir(tmpdir());
  await rm(dir, { recursive: true, force: true });
}
