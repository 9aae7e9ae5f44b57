import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReviewSite, type ReviewSite } from "../../../src/outputs/review/index.js";

/**
 * The review site over the outputs of the formats of issue 15 (extracted/formats, sources in samples/formats):
 * Word 97–2003 and web-archive sources are shown as their own tables, a web page's pictures read by OCR as
 * its pages with the cells outlined on them.
 */
const ROOT = join(import.meta.dirname, "../../..");
let extracted = "";
let site: ReviewSite;

beforeAll(async () => {
  extracted = await mkdtemp(join(tmpdir(), "gongkai-review-formats-"));
  for (const name of [
    "doc-v2019-2020.json",
    "wps-v2019-2020.json",
    "mht-ie-gbk-2020.json",
    "pictures-page-v2019-2019.json",
    "pictures-mht-v2019-2019.json",
  ])
    await cp(join(ROOT, "extracted/formats", name), join(extracted, name));
  site = await buildReviewSite(extracted, { inputs: join(ROOT, "samples/formats") });
});

afterAll(async () => {
  await rm(extracted, { recursive: true, force: true });
});

const reportHtml = (slug: string) => readFile(join(extracted, "review/reports", `${slug}.html`), "utf8");

describe("gongkai review: .doc, .wps, .mht and web pages of pictures", () => {
  it("finds every source; only the picture pages have page images (three each)", () => {
    expect(site).toMatchObject({ reports: 5, withoutImages: 0 });
    expect(site.images).toBe(6);
  });

  it.each([
    ["doc-v2019-2020", /data-locator="tbl\[\d+\]\/tr\[\d+\]\/tc\[\d+\]"/],
    ["wps-v2019-2020", /data-locator="tbl\[\d+\]\/tr\[\d+\]\/tc\[\d+\]"/],
    ["mht-ie-gbk-2020", /data-locator="html\[1\]\/body\[1\]\/table\[\d+\]\/tr\[\d+\]\/td\[\d+\]"/],
  ])("%s: the source's own tables with the extracted cells marked", async (slug, locator) => {
    const html = await reportHtml(slug);
    expect(html).toMatch(locator);
    expect(html.match(/class="src-cell/g)?.length ?? 0).toBeGreaterThan(150);
    expect(html).toContain('data-path="s3.new_received.total"');
  });

  it.each([["pictures-page-v2019-2019"], ["pictures-mht-v2019-2019"]])(
    "%s: its three pictures as pages, the cells read from them outlined",
    async (slug) => {
      const html = await reportHtml(slug);
      expect(html.match(/<img [^>]*src="\.\.\/pages\/[^"]*\/p[123]\.png"/g)).toHaveLength(3);
      expect(html.match(/class="box[^"]*src-ocr/g)?.length ?? 0).toBeGreaterThan(150);
      const key = (/\.\.\/pages\/([^/"]+)\//.exec(html) ?? [])[1] ?? "";
      expect((await readdir(join(extracted, "review/pages", key))).filter((f) => f.endsWith(".png")).sort()).toEqual([
        "p1.png",
        "p2.png",
        "p3.png",
      ]);
    },
  );
});
