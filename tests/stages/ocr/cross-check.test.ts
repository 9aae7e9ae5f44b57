import { describe, expect, it } from "vitest";
import type { TextItem } from "../../../src/model/page-content.js";
import { crossCheck } from "../../../src/stages/ocr/cross-check.js";

const item = (text: string, x0: number, confidence: number): TextItem => ({
  text,
  box: [x0, 100, x0 + 8, 110],
  fontSize: 10,
  fontName: "ocr",
  source: "ocr",
  confidence,
});

describe("a screened page read through two blurs", () => {
  it("keeps a number both readings agree on, and disputes one they read differently or only one read", () => {
    const first = [item("申请", 10, 0.99), item("33", 100, 0.99), item("0", 200, 0.98), item("7", 300, 0.97)];
    const second = [item("申请", 10, 0.9), item("33", 101, 0.95), item("8", 200, 0.99)];
    const checked = crossCheck(first, second);
    expect(checked.map((i) => [i.text, i.confidence])).toEqual([
      ["申请", 0.99],
      ["33", 0.99],
      ["0", 0.6],
      ["7", 0.6],
    ]);
  });
});
