import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractDocument } from "../../src/pipeline/extract-document.js";
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
    const { output } = await extractDocument(join(dir, truth.file));
    const diff = compareWithTruth(output, truth);
    expect(diff.problems).toEqual([]);
    expect(diff.exact).toBe(diff.cells);
  });

  it("writes the committed output for every sample (extracted/ is current)", async () => {
    for (const truth of truths) {
      const stem = truth.file.replace(/\.pdf$/, "");
      const committed = JSON.parse(readFileSync(join(dir, "../extracted", `${stem}.json`), "utf8"));
      const { output } = await extractDocument(join(dir, truth.file));
      expect(
        JSON.parse(JSON.stringify({ ...output, source: { ...output.source, file: committed.source.file } })),
      ).toEqual(committed);
    }
  });
});
