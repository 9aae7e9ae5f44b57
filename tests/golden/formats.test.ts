import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractOnce } from "../helpers/extract-once.js";
import { compareWithTruth, type Truth } from "./compare-truth.js";

const dir = join(import.meta.dirname, "../../samples/formats");
const extracted = join(import.meta.dirname, "../../extracted/formats");
const truths = readdirSync(dir)
  .filter((f) => f.endsWith(".truth.json"))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as Truth);

const byFormat = (pattern: RegExp) => truths.filter((t) => pattern.test(t.file));

describe("golden: .doc, .wps and web-archive samples match their source samples' truth", () => {
  it("has at least three samples per format, with a v2019 and a legacy .doc", () => {
    expect(byFormat(/\.doc$/).length).toBeGreaterThanOrEqual(3);
    expect(byFormat(/\.mht(?:ml)?$/).length).toBeGreaterThanOrEqual(3);
    expect(byFormat(/\.wps$/).length).toBeGreaterThanOrEqual(1);
    expect(byFormat(/\.doc$/).map((t) => t.report.template)).toEqual(
      expect.arrayContaining(["v2019", "legacy", "v2021"]),
    );
    expect(
      byFormat(/^pictures-/)
        .map((t) => t.file.replace(/^.*\./, ""))
        .sort(),
    ).toEqual(["html", "mhtml"]);
  });

  it.each(truths.map((t) => [t.file, t] as const))(
    "%s: every cell, blank, flag and the status",
    async (file, truth) => {
      const { output } = await extractOnce(join(dir, file));
      const diff = compareWithTruth(output, truth);
      expect(diff.problems).toEqual([]);
      expect(diff.exact).toBe(diff.cells);
    },
  );

  it.each(byFormat(/\.(?:doc|wps)$/).map((t) => [t.file] as const))(
    "%s: cells located by Word table/paragraph index",
    async (file) => {
      const { output } = await extractOnce(join(dir, file));
      const read = Object.entries(output.cells).filter(([, c]) => c.value !== null && c.source !== "derived");
      expect(read.length).toBeGreaterThan(0);
      for (const [path, cell] of read) {
        expect({ path, page: cell.page, bbox: cell.bbox }).toEqual({ path, page: null, bbox: null });
        expect(cell.locator).toMatch(/^(?:tbl\[\d+\]\/tr\[\d+\]\/tc\[\d+\](?:\/|$)|p\[\d+\])/);
      }
      expect({ pages: output.source.pages, list: output.pages }).toEqual({ pages: null, list: [] });
    },
  );

  it.each(byFormat(/^mht-/).map((t) => [t.file] as const))("%s: cells located by DOM path", async (file) => {
    const { output } = await extractOnce(join(dir, file));
    for (const cell of Object.values(output.cells)) {
      if (cell.value === null || cell.source === "derived") continue;
      expect(cell.locator).toMatch(/^(?:html\[1\]|head\/title)/);
      expect(cell.page).toBeNull();
    }
  });

  it.each(byFormat(/^pictures-/).map((t) => [t.file] as const))(
    "%s: the three pictures are pages 1–3 read by OCR; their cells carry page, box and the <img>'s DOM path",
    async (file) => {
      const { output } = await extractOnce(join(dir, file));
      expect(output.source.pages).toBe(3);
      expect(output.pages.map((p) => [p.page, p.method])).toEqual([
        [1, "ocr"],
        [2, "ocr"],
        [3, "ocr"],
      ]);
      const s3 = output.cells["s3.new_received.total"];
      expect(s3).toMatchObject({ source: "ocr", page: 2 });
      expect(s3?.bbox).toHaveLength(4);
      expect(s3?.locator).toMatch(/\/img\[1\]$/);
      expect(output.issues.filter((i) => i.code === "page.ocr").map((i) => i.page)).toEqual([1, 2, 3]);
    },
  );

  it("writes the committed output for every sample (extracted/formats is current)", async () => {
    for (const truth of truths) {
      const stem = truth.file.replace(/\.[^.]+$/, "");
      const committed = JSON.parse(readFileSync(join(extracted, `${stem}.json`), "utf8"));
      const { output } = await extractOnce(join(dir, truth.file));
      expect(JSON.parse(JSON.stringify(output))).toEqual(committed);
    }
  });
});
