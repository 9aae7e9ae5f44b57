import { describe, expect, it } from "vitest";
import type { Cell } from "../../../src/model/cell.js";
import { decideStatusFor } from "../../../src/stages/output/index.js";
import { legacy } from "../../../src/templates/index.js";

const cell = (value: number | null, raw: string | null, confidence = 0.98): Cell => ({
  value,
  raw,
  page: 1,
  bbox: [0, 0, 1, 1],
  source: "ocr",
  confidence,
  blank: false,
});

describe("the status of a legacy report", () => {
  it("is success when the facts it states are read surely, though it leaves others unstated", () => {
    const cells = new Map([
      ["legacy.review.total", cell(3, "3")],
      ["legacy.review.corrected", cell(null, null, 0)],
    ]);
    expect(decideStatusFor(legacy, cells, [], true)).toBe("success");
  });

  it("is partial_success when a printed fact holds a mark no number was read in", () => {
    const cells = new Map([
      ["legacy.review.total", cell(3, "3")],
      ["legacy.review.corrected", cell(null, "\uFFFD", 0)],
    ]);
    expect(decideStatusFor(legacy, cells, [], true)).toBe("partial_success");
  });
});
