import { describe, expect, it } from "vitest";
import { parseCount } from "../../../src/stages/rules/parse-count.js";

describe("parseCount", () => {
  it.each([
    ["36", 36],
    ["0", 0],
    ["12.5", 12.5],
    ["零", 0],
    ["一", 1],
    ["两", 2],
    ["十", 10],
    ["十二", 12],
    ["二十", 20],
    ["三十四", 34],
    ["一百零五", 105],
    ["两千三百", 2300],
    ["一二", null],
    ["十十", null],
    ["", null],
    ["3件", null],
  ])("%s → %s", (text, value) => {
    expect(parseCount(text)).toBe(value);
  });
});
