import { describe, expect, it } from "vitest";
import { importsOf, layerViolation } from "../../scripts/check-layers.js";

describe("check-layers", () => {
  it.each([
    ["stages/mapping/index.ts", "model/cell.ts"],
    ["stages/mapping/index.ts", "templates/index.ts"],
    ["stages/mapping/index.ts", "stages/mapping/normalize.ts"],
    ["stages/ingest/read-input.ts", "errors.ts"],
    ["pipeline/extract-document.ts", "stages/rules/index.ts"],
    ["outputs/review/build-site.ts", "outputs/extracted/index.ts"],
    ["outputs/review/render-pages.ts", "stages/ingest/index.ts"],
    ["templates/v2019/index.ts", "model/report.ts"],
    ["cli/extract-command.ts", "stages/ocr/engine.ts"],
  ])("%s may import %s", (from, to) => {
    expect(layerViolation(from, to)).toBeNull();
  });

  it.each([
    ["stages/mapping/index.ts", "stages/rules/index.ts"],
    ["stages/layout/index.ts", "pipeline/read-pages.ts"],
    ["pipeline/extract-document.ts", "stages/rules/evaluate-rules.ts"],
    ["pipeline/run-batch.ts", "outputs/export/index.ts"],
    ["outputs/review/cell-label.ts", "outputs/export/columns.ts"],
    ["outputs/review/cell-label.ts", "outputs/extracted/path-catalog.ts"],
    ["model/report.ts", "templates/index.ts"],
    ["templates/v2021/rules.ts", "stages/rules/index.ts"],
    ["cli.ts", "../scripts/bench.ts"],
  ])("%s may not import %s", (from, to) => {
    expect(layerViolation(from, to)).toMatch(/\w/);
  });

  it("finds static, multi-line, type-only, re-exported and dynamic imports", () => {
    const text = [
      'import { a } from "./a.js";',
      "import {\n  b,\n  c,\n} from '../b.js';",
      'import type { D } from "../../d.js";',
      'export { e } from "./e.js";',
      'const f = await import("./f.js");',
      'import "./side-effect.js";',
      'import { readFile } from "node:fs/promises";',
    ].join("\n");
    expect(importsOf(text)).toEqual(["./a.js", "../b.js", "../../d.js", "./e.js", "./f.js", "./side-effect.js"]);
  });
});
