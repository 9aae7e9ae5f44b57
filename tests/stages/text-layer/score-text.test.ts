import { describe, expect, it } from "vitest";
import { MIN_PAGE_CHARS, MIN_TEXT_QUALITY, scoreText } from "../../../src/stages/text-layer/score-text.js";

describe("scoreText", () => {
  it.each([
    ["CJK text", "苏州市生态环境局2023年政府信息公开工作年度报告"],
    ["CJK with punctuation", "（一）予以公开，“三安全一稳定”。"],
    ["full-width digits", "１２３，４５６"],
    ["ASCII", "Staff canteen menu, week 12"],
    ["dashes and quotes", "— – ‘’ “” …"],
    ["Roman numerals and circled numbers", "Ⅲ ①②"],
  ])("%s scores 1", (_name, text) => {
    expect(scoreText(text).quality).toBe(1);
  });

  it.each([
    ["Private Use Area code points", "\ue000\ue001\ue002\ue003\ue004\ue005"],
    ["replacement characters", "\ufffd\ufffd\ufffd\ufffd"],
    ["control characters", "\u0001\u0002\u0003\u0004"],
    ["mostly PUA with some CJK", "\ue000\ue001\ue002\ue003\ue004\ue005\ue006\ue007报告"],
  ])("%s score below the OCR threshold", (_name, text) => {
    expect(scoreText(text).quality).toBeLessThan(MIN_TEXT_QUALITY);
  });

  it("scores the share of usable characters", () => {
    expect(scoreText("报告\ufffd\ue000")).toEqual({ quality: 0.5, chars: 4 });
  });

  it.each([[""], ["   "], ["\u3000\n\t\r"]])("empty or blank text %j scores 0 with 0 characters", (text) => {
    expect(scoreText(text)).toEqual({ quality: 0, chars: 0 });
  });

  it("does not count spaces, line breaks or ideographic spaces", () => {
    expect(scoreText("报 告\n\u3000年").chars).toBe(3);
  });

  it("counts characters outside the BMP once", () => {
    expect(scoreText("𠀀").chars).toBe(1);
  });

  it("has thresholds in range", () => {
    expect(MIN_TEXT_QUALITY).toBeGreaterThan(0);
    expect(MIN_TEXT_QUALITY).toBeLessThanOrEqual(1);
    expect(MIN_PAGE_CHARS).toBeGreaterThan(0);
  });
});
