import { describe, expect, it } from "vitest";
import { readOfdPages } from "../../../src/pipeline/ofd-pages.js";
import { openOfd, PT_PER_MM, pageGeometry } from "../../../src/stages/ofd/index.js";
import { textObject, tinyOfd } from "../../helpers/tiny-ofd.js";

const K = PT_PER_MM;
const geometryOf = (bytes: Uint8Array, page = 1) => {
  const file = openOfd(bytes);
  return pageGeometry(file.page(page));
};
const rounded = (box: readonly number[]) => box.map((v) => Math.round(v * 100) / 100);

describe("reading an OFD page into the PDF path's page model (points, origin top-left)", () => {
  it("places a run by its Boundary and TextCode in millimetres: box from ascent to descent, one em a CJK glyph", () => {
    const { items } = geometryOf(tinyOfd([{ layers: textObject("政府信息", 20, 30, 5) }]));
    // Baseline at 30 + 5 mm; glyph box 0.88 em above it and 0.12 em below; four glyphs 5 mm apart, the last 5 mm wide.
    expect(items.map((i) => [i.text, rounded(i.box), Math.round(i.fontSize * 100) / 100])).toEqual([
      ["政府信息", rounded([20 * K, (35 - 4.4) * K, 40 * K, (35 + 0.6) * K]), Math.round(5 * K * 100) / 100],
    ]);
  });

  it("applies a CTM in points (Suwell-style: CTM 0.3528) and the PhysicalBox origin", () => {
    const ctm = `<ofd:TextObject ID="1" Boundary="20 30 100 10" CTM="0.3528 0 0 0.3528 0 0" Font="1" Size="12"><ofd:TextCode X="0" Y="12" DeltaX="g 3 12">一二三四</ofd:TextCode></ofd:TextObject>`;
    const { items } = geometryOf(tinyOfd([{ layers: ctm, box: "10 5 210 297" }]));
    const x0 = (20 - 10) * K;
    const baseline = (30 - 5 + 12 * 0.3528) * K;
    const size = 12 * 0.3528 * K;
    expect(rounded(items[0]?.box ?? [])).toEqual(
      rounded([x0, baseline - 0.88 * size, x0 + 4 * size, baseline + 0.12 * size]),
    );
    expect(items[0]?.fontSize).toBeCloseTo(size, 5);
  });

  it("splits a run at a gap, at a line step and at two or more spaces; keeps a single space", () => {
    const xml =
      '<ofd:TextObject ID="1" Boundary="10 10 190 30" Font="1" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="4 12 4">甲乙丙丁</ofd:TextCode>' +
      '<ofd:TextCode X="0" Y="10" DeltaX="g 4 2">1 119</ofd:TextCode><ofd:TextCode X="0" Y="16" DeltaX="g 9 2">共 4    1 页</ofd:TextCode></ofd:TextObject>';
    const { items } = geometryOf(tinyOfd([{ layers: xml }]));
    expect(items.map((i) => i.text)).toEqual(["甲乙", "丙丁", "1 119", "共 4", "1 页"]);
  });

  it("reads a vertical column (DeltaY only) one glyph an item, top to bottom", () => {
    const xml =
      '<ofd:TextObject ID="1" Boundary="10 10 10 40" Font="1" Size="5"><ofd:TextCode X="0" Y="5" DeltaY="g 2 7">结果栏</ofd:TextCode></ofd:TextObject>';
    const { items } = geometryOf(tinyOfd([{ layers: xml }]));
    // Baselines at 15, 22, 29 mm; each box starts 0.88 em (4.4 mm) above its baseline.
    expect(items.map((i) => [i.text, Math.round((i.box[1] / K) * 10) / 10])).toEqual([
      ["结", 10.6],
      ["果", 17.6],
      ["栏", 24.6],
    ]);
  });

  it("does not read what a person does not see: slanted, white, clipped-off, outside its Boundary or off the page", () => {
    const layers = [
      textObject("正文", 20, 20),
      '<ofd:TextObject ID="2" Boundary="20 60 100 20" CTM="0.7071 -0.7071 0.7071 0.7071 0 0" Font="1" Size="8"><ofd:TextCode X="0" Y="8" DeltaX="8">水印</ofd:TextCode></ofd:TextObject>',
      '<ofd:TextObject ID="3" Boundary="20 100 100 10" Font="1" Size="5"><ofd:FillColor Value="255 255 255"/><ofd:TextCode X="0" Y="5" DeltaX="5">白字</ofd:TextCode></ofd:TextObject>',
      '<ofd:TextObject ID="4" Boundary="20 120 100 0" Font="1" Size="5"><ofd:Clips><ofd:Clip><ofd:Area><ofd:Path Boundary="0 0 100 0"><ofd:AbbreviatedData>M 0 0 L 100 0 L 100 0 L 0 0 C</ofd:AbbreviatedData></ofd:Path></ofd:Area></ofd:Clip></ofd:Clips><ofd:TextCode X="0" Y="5" DeltaX="5">隐藏</ofd:TextCode></ofd:TextObject>',
      '<ofd:TextObject ID="5" Boundary="20 140 100 6" Font="1" Size="5"><ofd:TextCode X="0" Y="40" DeltaX="5">框外</ofd:TextCode></ofd:TextObject>',
      textObject("页外", 20, 400),
      // White text on a dark bar is seen.
      '<ofd:PathObject ID="6" Boundary="20 160 60 10" Stroke="false" Fill="true"><ofd:FillColor Value="0 0 128"/><ofd:AbbreviatedData>M 0 0 L 60 0 L 60 10 L 0 10 C</ofd:AbbreviatedData></ofd:PathObject>',
      '<ofd:TextObject ID="7" Boundary="20 160 100 10" Font="1" Size="5"><ofd:FillColor Value="255 255 255"/><ofd:TextCode X="0" Y="6" DeltaX="5">表头</ofd:TextCode></ofd:TextObject>',
    ].join("");
    const { items } = geometryOf(tinyOfd([{ layers }]));
    expect(items.map((i) => i.text)).toEqual(["正文", "表头"]);
  });

  it("draws a template behind the page and takes rules from stroked lines and thin filled bars, through DrawParams", () => {
    const res =
      '<ofd:DrawParams><ofd:DrawParam ID="7" LineWidth="0.5"/><ofd:DrawParam ID="8" Relative="7"><ofd:StrokeColor Value="0 0 0"/></ofd:DrawParam></ofd:DrawParams>';
    const template =
      '<ofd:PathObject ID="11" Boundary="20 50 100 1" DrawParam="8"><ofd:AbbreviatedData>M 0 0.5 L 100 0.5</ofd:AbbreviatedData></ofd:PathObject>' +
      '<ofd:PathObject ID="12" Boundary="20 50 0.3 40" Stroke="false" Fill="true"><ofd:FillColor Value="0 0 0"/><ofd:AbbreviatedData>M 0 0 L 0.3 0 L 0.3 40 L 0 40 C</ofd:AbbreviatedData></ofd:PathObject>';
    const bytes = tinyOfd([{ layers: textObject("数据", 30, 60), template: { layers: template } }], res);
    const read = readOfdPages(openOfd(bytes));
    const segments = read.value.pages[0]?.content.segments ?? [];
    const mm = (v: number) => Math.round((v / K) * 100) / 100;
    expect(segments.map((s) => [s.orientation, mm(s.at), mm(s.from), mm(s.to)])).toEqual([
      ["h", 50.5, 20, 120],
      ["v", 20.15, 50, 90],
    ]);
    const page = openOfd(bytes).page(1);
    expect(page.marks.map((m) => m.kind)).toEqual(["path", "path", "text"]);
    expect(page.marks[0]?.kind === "path" && Math.round((page.marks[0].lineWidth / K) * 10) / 10).toBe(0.5);
  });

  it("marks a page that is one image for OCR and a page of text not", () => {
    const image = '<ofd:ImageObject ID="1" ResourceID="50" Boundary="0 0 210 297" CTM="210 0 0 297 0 0"/>';
    const res =
      '<ofd:MultiMedias><ofd:MultiMedia ID="50" Type="Image" Format="PNG"><ofd:MediaFile>scan.png</ofd:MediaFile></ofd:MultiMedia></ofd:MultiMedias>';
    const bytes = tinyOfd([{ layers: image }, { layers: textObject("政府信息公开", 20, 20) }], res, {
      "Doc_0/Res/scan.png": new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
    });
    const read = readOfdPages(openOfd(bytes));
    expect(read.value.pages.map((p) => p.needsOcr)).toEqual([true, false]);
    expect(read.issues.map((i) => [i.code, i.page])).toEqual([["page.needs_ocr", 1]]);
  });

  it("turns a page whose part is missing into an unreadable page and reads the rest", () => {
    const bytes = tinyOfd([{ layers: textObject("一", 20, 20) }, { layers: textObject("二", 20, 20) }]);
    const file = openOfd(bytes);
    expect(file.pageCount).toBe(2);
    const broken = openOfd(
      tinyOfd([{ layers: textObject("一", 20, 20) }, { layers: textObject("二", 20, 20) }], "", {
        "Doc_0/Pages/Page_1/Content.xml": new TextEncoder().encode("<not-a-page/>"),
      }),
    );
    const read = readOfdPages(broken);
    expect(read.value.drawn.map((p) => p !== null)).toEqual([true, false]);
    expect(read.issues).toEqual([
      expect.objectContaining({
        code: "page.unreadable",
        page: 2,
        message: expect.stringContaining("no ofd:Page root"),
      }),
    ]);
  });
});
