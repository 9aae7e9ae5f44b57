import { describe, expect, it } from "vitest";
import type { RuleSegment } from "../../../src/model/page-content.js";
import { mergeSegments } from "../../../src/stages/layout/merge-segments.js";
import { h, v } from "./segment-builder.js";

describe("mergeSegments", () => {
  it.each([
    ["touching strokes of one rule", [h(100, 50, 150), h(100, 150, 250), h(100, 250, 350)], [h(100, 50, 350)]],
    ["overlapping strokes", [h(100, 50, 200), h(100, 150, 300)], [h(100, 50, 300)]],
    ["strokes with a gap within tolerance", [h(100, 50, 149), h(100, 151, 250)], [h(100, 50, 250)]],
    ["strokes given out of order", [h(100, 250, 350), h(100, 50, 150), h(100, 150, 250)], [h(100, 50, 350)]],
    ["a stroke inside another", [h(100, 50, 350), h(100, 100, 200)], [h(100, 50, 350)]],
    ["vertical strokes", [v(50, 100, 120), v(50, 120, 140)], [v(50, 100, 140)]],
    ["strokes off by 1 pt (averaged)", [h(100, 50, 150), h(101, 150, 250)], [h(100.5, 50, 250)]],
  ])("joins %s", (_name, segments, expected) => {
    expect(mergeSegments(segments, 2.5)).toEqual(expected);
  });

  it.each([
    ["a gap wider than the tolerance", [h(100, 50, 140), h(100, 150, 250)], [h(100, 50, 140), h(100, 150, 250)]],
    ["rules at different heights", [h(100, 50, 150), h(120, 150, 250)], [h(100, 50, 150), h(120, 150, 250)]],
  ])("keeps apart %s", (_name, segments, expected) => {
    expect(mergeSegments(segments, 2.5)).toEqual(expected);
  });

  it("returns the rules sorted by position", () => {
    const merged = mergeSegments([h(160, 50, 350), h(100, 50, 350), h(130, 50, 350)], 2.5);
    expect(merged.map((s) => s.at)).toEqual([100, 130, 160]);
  });

  it("returns nothing for nothing", () => {
    expect(mergeSegments([] as RuleSegment[], 2.5)).toEqual([]);
  });
});
