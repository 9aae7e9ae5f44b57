import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import type { ReportOutput } from "../../src/model/report.js";
import { findInputKind } from "../../src/pipeline/input-kinds/index.js";
import { readInput } from "../../src/stages/ingest/index.js";

/**
 * Each input kind declares how its output locates cells (`InputKindDef.locator`, model/locator.ts), and every
 * golden output of a sample of that kind carries exactly that: `page` — a page and a box, no `locator`; `path` —
 * a markup path with page and box null, or, for a picture in a web page read by OCR, the picture's page, box and
 * path together.
 */
const samples = join(import.meta.dirname, "../../samples");
const extracted = join(import.meta.dirname, "../../extracted");

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

const pairs = listFiles(samples)
  .filter((path) => !/\.(?:json|md)$/.test(path))
  .map((path) => [relative(samples, path), join(extracted, relative(samples, path).replace(/\.[^./]+$/, ".json"))])
  .filter(([, out]) => existsSync(out as string));

const PATH = /^(?:html\[1\]|head\/title|tbl\[\d+\]|p\[\d+\])/;

describe("input kinds locate cells as they declare", () => {
  it("has golden outputs of both locator kinds", () => {
    expect(pairs.length).toBeGreaterThan(40);
  });

  it.each(pairs)("%s", async (file, out) => {
    const kind = findInputKind(await readInput(join(samples, file)));
    expect(kind).toBeDefined();
    const output = JSON.parse(readFileSync(out as string, "utf8")) as ReportOutput;
    const read = Object.values(output.cells).filter((c) => c.value !== null && c.source !== "derived");
    for (const cell of read) {
      if (kind?.locator === "page") {
        expect(cell.page).toBeGreaterThan(0);
        expect(cell.bbox).toHaveLength(4);
        expect(cell.locator).toBeUndefined();
      } else if (cell.page === null) {
        expect(cell.bbox).toBeNull();
        expect(cell.locator).toMatch(PATH);
      } else {
        // A picture in the page, read by OCR: its page and box, and the picture's path.
        expect(cell.bbox).toHaveLength(4);
        expect(cell.locator).toMatch(/\/img\[\d+\]$/);
      }
    }
  });
});
