import { describe, expect, it } from "vitest";
import { expandDeltas, layoutGlyphs } from "../../../src/stages/ofd/text-glyphs.js";
import { parseXml } from "../../../src/stages/ofd/xml.js";

const object = (xml: string) => {
  const root = parseXml(new TextEncoder().encode(xml), "test").children[0];
  if (!root) throw new Error("no element");
  return root;
};
const at = (xml: string, size = 4, hScale = 1) =>
  layoutGlyphs(object(xml), size, hScale).map((g) => [g.char, round(g.x), round(g.y)]);
const round = (v: number) => Math.round(v * 1000) / 1000;

describe("expandDeltas: DeltaX/DeltaY lists with the g shorthand", () => {
  it.each([
    ["", []],
    ["3.175", [3.175]],
    ["g 3 2.5", [2.5, 2.5, 2.5]],
    ["1 g 2 3 4", [1, 3, 3, 4]],
    // From the real testPathClip.ofd: "2023年11月01日", the last glyph wrapping back onto a new line.
    [
      "g 4 2.8361 5.6722 g 2 2.8361 5.6722 2.8361 -17.0166",
      [2.8361, 2.8361, 2.8361, 2.8361, 5.6722, 2.8361, 2.8361, 5.6722, 2.8361, -17.0166],
    ],
    ["g 2 0 1.5875 -1.5875", [0, 0, 1.5875, -1.5875]],
    ["  1,2\t3 ", [1, 2, 3]],
    ["1 x 2", [1, 2]],
  ])("%j → %j", (raw, expected) => {
    expect(expandDeltas(raw)).toEqual(expected);
  });

  it("caps a g run that would expand past 100,000 values", () => {
    expect(expandDeltas("g 1000000000 1")).toHaveLength(100_000);
  });
});

describe("layoutGlyphs: glyph origins in the object's coordinates", () => {
  it("steps by DeltaX, the last value again where the list runs out", () => {
    expect(at('<TextObject><TextCode X="1" Y="5" DeltaX="2 3">abcd</TextCode></TextObject>')).toEqual([
      ["a", 1, 5],
      ["b", 3, 5],
      ["c", 6, 5],
      ["d", 9, 5],
    ]);
  });

  it("takes X and Y of the TextCode before when a TextCode omits them (a second line of one object)", () => {
    expect(
      at(
        '<TextObject><TextCode X="10" Y="5" DeltaX="4">甲乙</TextCode><TextCode Y="12" DeltaX="4">丙丁</TextCode></TextObject>',
      ),
    ).toEqual([
      ["甲", 10, 5],
      ["乙", 14, 5],
      ["丙", 10, 12],
      ["丁", 14, 12],
    ]);
  });

  it("runs down a column with DeltaY alone", () => {
    expect(at('<TextObject><TextCode X="3" Y="4" DeltaY="g 2 6">三本年</TextCode></TextObject>')).toEqual([
      ["三", 3, 4],
      ["本", 3, 10],
      ["年", 3, 16],
    ]);
  });

  it("without deltas advances by estimated widths along ReadDirection (CJK one em, others half, HScale applied)", () => {
    expect(at('<TextObject><TextCode X="0" Y="4">甲a乙</TextCode></TextObject>', 4, 0.5)).toEqual([
      ["甲", 0, 4],
      ["a", 2, 4],
      ["乙", 3, 4],
    ]);
    expect(at('<TextObject ReadDirection="90"><TextCode X="0" Y="4">甲乙</TextCode></TextObject>')).toEqual([
      ["甲", 0, 4],
      ["乙", 0, 8],
    ]);
  });

  it("puts the characters of a ligature (CGTransform 2 → 1) at one place, and 1 → 1 and 1 → 2 step as many glyphs", () => {
    const ligature = '<CGTransform CodePosition="1" CodeCount="2" GlyphCount="1"><Glyphs>191</Glyphs></CGTransform>';
    expect(at(`<TextObject>${ligature}<TextCode X="0" Y="0" DeltaX="5 7 9">afix</TextCode></TextObject>`)).toEqual([
      ["a", 0, 0],
      ["f", 5, 0],
      ["i", 5, 0],
      ["x", 12, 0],
    ]);
    const oneToOne = '<CGTransform CodePosition="0" CodeCount="3" GlyphCount="3"><Glyphs>1 2 3</Glyphs></CGTransform>';
    expect(at(`<TextObject>${oneToOne}<TextCode X="0" Y="0" DeltaX="5 6">市政府</TextCode></TextObject>`)).toEqual([
      ["市", 0, 0],
      ["政", 5, 0],
      ["府", 11, 0],
    ]);
    const split = '<CGTransform CodePosition="0" CodeCount="1" GlyphCount="2"><Glyphs>1 2</Glyphs></CGTransform>';
    expect(at(`<TextObject>${split}<TextCode X="0" Y="0" DeltaX="5 6">ฤำ</TextCode></TextObject>`)).toEqual([
      ["ฤ", 0, 0],
      ["ำ", 11, 0],
    ]);
  });

  it("drops line breaks and tabs of pretty-printed XML inside a TextCode", () => {
    expect(
      at('<TextObject><TextCode X="0" Y="0" DeltaX="2">\n\t甲乙</TextCode></TextObject>').map((g) => g[0]),
    ).toEqual(["甲", "乙"]);
  });
});
