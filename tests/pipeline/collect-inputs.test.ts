import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { collectInputs } from "../../src/pipeline/collect-inputs.js";

const dir = mkdtempSync(join(tmpdir(), "gongkai-collect-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("collecting inputs from folders", () => {
  it("picks up page images (PNG, JPEG, TIFF) beside PDFs, keeping relative paths, and skips other files", async () => {
    mkdirSync(join(dir, "苏州市"), { recursive: true });
    for (const name of [
      "2023年报.pdf",
      "苏州市/扫描件.PNG",
      "苏州市/p1.jpg",
      "苏州市/p2.jpeg",
      "苏州市/scan.tif",
      "x.tiff",
      "notes.txt",
    ])
      writeFileSync(join(dir, name), "x");
    const planned = await collectInputs([dir]);
    expect(planned.map((p) => p.outRelative).sort()).toEqual(
      ["2023年报.json", "x.json", "苏州市/p1.json", "苏州市/p2.json", "苏州市/scan.json", "苏州市/扫描件.json"].sort(),
    );
  });
});
