import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
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

describe("collecting the formats archives also hold (issue 15)", () => {
  it("picks up .doc, .wps, .mht and .mhtml (any case), and skips a saved page's _files/ folder of pictures", async () => {
    mkdirSync(join(dir, "formats/年报_files"), { recursive: true });
    for (const name of ["a.doc", "b.WPS", "c.mht", "d.mhtml", "年报.html", "年报_files/table1.png", "e.docm"])
      writeFileSync(join(dir, "formats", name), "x");
    const planned = await collectInputs([join(dir, "formats")]);
    expect(planned.map((p) => p.outRelative).sort()).toEqual(["a.json", "b.json", "c.json", "d.json", "年报.json"]);
  });
});

describe("output paths depend on the input set only", () => {
  it("places clashing command-line stems below their common folder, whatever the working folder", async () => {
    for (const sub of ["a", "b/c"]) {
      mkdirSync(join(dir, "clash", sub), { recursive: true });
      writeFileSync(join(dir, "clash", sub, "2023年报.pdf"), "x");
    }
    const absolute = [join(dir, "clash/a/2023年报.pdf"), join(dir, "clash/b/c/2023年报.pdf")];
    const fromHere = absolute.map((p) => relative(process.cwd(), p));
    const expected = ["a/2023年报.json", "b/c/2023年报.json"];
    expect((await collectInputs(absolute)).map((p) => p.outRelative)).toEqual(expected);
    expect((await collectInputs(fromHere)).map((p) => p.outRelative)).toEqual(expected);
  });

  it("keeps run files' names for the run: an input of that name, or a folder, gets a leading _", async () => {
    mkdirSync(join(dir, "reserved/manifest.jsonl"), { recursive: true });
    for (const name of ["cross-report.pdf", "_cross-report.pdf", "manifest.jsonl/x.pdf", "manifest.pdf"])
      writeFileSync(join(dir, "reserved", name), "x");
    const planned = await collectInputs([join(dir, "reserved")]);
    expect(planned.map((p) => p.outRelative)).toEqual([
      "_cross-report.json",
      "_cross-report-2.json",
      "_manifest.jsonl/x.json",
      "manifest.json",
    ]);
  });

  it("shortens a name too long for the file system with a hash; distinct names stay distinct", async () => {
    mkdirSync(join(dir, "long"), { recursive: true });
    const names = [`${"报".repeat(80)}甲.pdf`, `${"报".repeat(80)}乙.pdf`];
    for (const name of names) writeFileSync(join(dir, "long", name), "x");
    const planned = await collectInputs([join(dir, "long")]);
    // Sorted by the names' bytes: 乙 (E4 B9 99) before 甲 (E7 94 B2).
    expect(planned.map((p) => p.path)).toEqual(names.map((n) => join(dir, "long", n)).reverse());
    const outs = planned.map((p) => p.outRelative);
    expect(new Set(outs).size).toBe(2);
    for (const out of outs) {
      expect(Buffer.byteLength(out)).toBeLessThanOrEqual(200);
      expect(out).toMatch(/^报+~[0-9a-f]{10}\.json$/);
    }
  });
});
