import { describe, expect, it } from "vitest";
import { clusterValues, maxOf, minOf, overlap, roundBox, unionBoxes } from "../../src/model/geometry.js";

describe("clusterValues", () => {
  it.each([
    [
      [100, 100.5, 101, 150, 150.5],
      [100.5, 150.25],
    ],
    [
      [300, 100, 200],
      [100, 200, 300],
    ],
    // Clusters chain: each value is compared with the last one taken, not the first.
    [[10, 12, 14, 16], [13]],
    [[], []],
  ])("%j → %j", (values, expected) => {
    expect(clusterValues(values, 2.5)).toEqual(expected);
  });
});

describe("geometry helpers", () => {
  it("unions boxes", () => {
    expect(
      unionBoxes([
        [0, 5, 10, 10],
        [2, 0, 4, 20],
      ]),
    ).toEqual([0, 0, 10, 20]);
  });

  it.each([
    [0, 10, 5, 20, 5],
    [0, 10, 10, 20, 0],
    [0, 10, 12, 20, 0],
  ])("overlap of [%d, %d] and [%d, %d] is %d", (a0, a1, b0, b1, expected) => {
    expect(overlap(a0, a1, b0, b1)).toBe(expected);
  });

  it("rounds boxes to 0.01 pt", () => {
    expect(roundBox([1.234, 5.678, 9.999, 0.001])).toEqual([1.23, 5.68, 10, 0]);
  });
});

describe("maxOf and minOf", () => {
  it.each([
    [[3, -1, 7], 7, -1],
    [[], Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
    [[1, Number.NaN], Number.NaN, Number.NaN],
  ])("of %j are Math.max's and Math.min's", (values, max, min) => {
    expect(maxOf(values)).toBe(max);
    expect(minOf(values)).toBe(min);
  });

  it("take a million values, which a spread into Math.max cannot", () => {
    const values = Array.from({ length: 1_000_000 }, (_, i) => (i * 7919) % 1_000_003);
    expect(() => Math.max(...values)).toThrow(RangeError);
    expect(maxOf(values)).toBe(1_000_002);
    expect(minOf(values)).toBe(0);
  });
});
