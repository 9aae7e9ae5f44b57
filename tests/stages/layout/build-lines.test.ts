import { describe, expect, it } from "vitest";
import { buildLines, makeLine } from "../../../src/stages/layout/build-lines.js";
import { item } from "./segment-builder.js";

describe("buildLines", () => {
  it("groups items into lines by vertical overlap, top to bottom, each left to right", () => {
    const lines = buildLines(3, [
      item("行", 121, 51, 131),
      item("第一行", 50, 20, 80),
      item("第二", 100, 50, 120),
      item("9", 50, 80, 55),
    ]);
    expect(lines.map((l) => l.text)).toEqual(["第一行", "第二行", "9"]);
    expect(lines.every((l) => l.page === 3)).toBe(true);
    expect(lines[1]?.box).toEqual([100, 50, 131, 61]);
  });

  it.each([
    ["a gap wider than ⅓ em becomes a space", [item("自然人", 50, 20, 80), item("12", 90, 20, 100)], "自然人 12"],
    ["a gap narrower than ⅓ em does not", [item("自然", 50, 20, 70), item("人", 72, 20, 82)], "自然人"],
    ["touching items join", [item("1,", 50, 20, 58), item("362", 58, 20, 73)], "1,362"],
  ])("%s", (_name, items, text) => {
    expect(buildLines(1, items).map((l) => l.text)).toEqual([text]);
  });

  it("keeps a small superscript-like item on its line when it overlaps half its height", () => {
    const lines = buildLines(1, [item("正文", 50, 100, 70, 10), item("1", 71, 97, 75, 6)]);
    expect(lines.map((l) => l.text)).toEqual(["正文1"]);
  });

  it("splits items that overlap less than half the smaller height", () => {
    expect(buildLines(1, [item("上", 50, 100, 60), item("下", 70, 106, 80)]).map((l) => l.text)).toEqual(["上", "下"]);
  });

  it("returns no lines for no items", () => {
    expect(buildLines(1, [])).toEqual([]);
  });
});

describe("makeLine", () => {
  it("orders the items left to right and unions their boxes", () => {
    const a = item("B", 100, 20, 110);
    const b = item("A", 50, 22, 60);
    const line = makeLine(2, [a, b]);
    expect(line).toEqual({ page: 2, box: [50, 20, 110, 32], items: [b, a], text: "A B" });
  });
});
