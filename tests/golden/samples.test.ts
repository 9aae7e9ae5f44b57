import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractOnce } from "../helpers/extract-once.js";
import { compareWithTruth, type Truth } from "./compare-truth.js";

const dir = join(import.meta.dirname, "../../samples");
const truths = readdirSync(dir)
  .filter((f) => f.endsWith(".truth.json"))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as Truth);

describe("golden: every sample matches its truth file", () => {
  it("has samples", () => {
    expect(truths.length).toBeGreaterThanOrEqual(4);
  });

  it.each(truths.map((t) => [t.file, t] as const))("%s", async (_file, truth) => {
    const { output } = await extractOnce(join(dir, truth.file));
    const diff = compareWithTruth(output, truth);
    expect(diff.problems).toEqual([]);
    expect(diff.exact).toBe(diff.cells);
  });

  it.each(truths.map((t) => [t.file, t] as const))(
    "%s: every read cell says where it was read",
    async (_file, truth) => {
      const { output } = await extractOnce(join(dir, truth.file));
      const paged = truth.file.endsWith(".pdf");
      for (const [path, cell] of Object.entries(output.cells)) {
        if (cell.value === null) continue;
        if (cell.source === "derived") {
          // Computed from printed cells: no place of its own.
          expect({ path, raw: cell.raw, page: cell.page, bbox: cell.bbox }).toEqual({
            path,
            raw: null,
            page: null,
            bbox: null,
          });
        } else if (paged) {
          expect({ path, page: cell.page, bbox: cell.bbox?.length }).toEqual({
            path,
            page: expect.any(Number),
            bbox: 4,
          });
          expect(cell.locator).toBeUndefined();
        } else {
          expect({ path, page: cell.page, bbox: cell.bbox }).toEqual({ path, page: null, bbox: null });
          expect(cell.locator).toMatch(/\S/);
        }
      }
      if (!paged) expect({ pages: output.source.pages, list: output.pages }).toEqual({ pages: null, list: [] });
    },
  );

  it("writes the committed output for every sample (extracted/ is current)", async () => {
    for (const truth of truths) {
      const stem = truth.file.replace(/\.(?:pdf|html?|docx)$/, "");
      const committed = JSON.parse(readFileSync(join(dir, "../extracted", `${stem}.json`), "utf8"));
      const { output } = await extractOnce(join(dir, truth.file));
      expect(
        JSON.parse(JSON.stringify({ ...output, source: { ...output.source, file: committed.source.file } })),
      ).toEqual(committed);
    }
  });
});
