import { describe, expect, it } from "vitest";
import type { Cell } from "../../../src/model/cell.js";
import type { Box } from "../../../src/model/geometry.js";
import type { RowRecord } from "../../../src/stages/mapping/row-record.js";
import { doubtBesideStrays } from "../../../src/stages/mapping/stray-values.js";
import { lineRecord } from "./record-builder.js";

const ocrCell = (raw: string, bbox: Box, confidence = 0.92): Cell => ({
  value: raw === "" ? 0 : Number(raw),
  raw,
  page: 1,
  bbox,
  source: "ocr",
  confidence,
  blank: raw === "",
});

/** An OCR line record whose values were read at `ocr`, at x 300 + 40·i. */
function readLine(values: readonly string[], y: number, ocr = 1): RowRecord {
  const record = lineRecord("", values, { y });
  return { ...record, slots: record.slots.map((s, i) => ({ ...s, box: [300 + 40 * i, y, 310 + 40 * i, y + 8], ocr })) };
}

describe("doubtBesideStrays", () => {
  it("doubts an empty place with a surely read number beside it that went into no cell", () => {
    // h18: "1" read at 1.0 on a line the rows were not told apart by; the row's cell under 自然人 stood empty.
    const cells = new Map<string, Cell>([
      ["s3.reject_confirm.natural", ocrCell("", [298, 219, 312, 233])],
      ["s3.reject_confirm.commercial", ocrCell("", [338, 219, 352, 233])],
      ["s3.reject_confirm.research", ocrCell("", [378, 300, 392, 314])],
    ]);
    doubtBesideStrays(cells, new Set([readLine(["1"], 213)]));
    expect(cells.get("s3.reject_confirm.natural")?.confidence).toBe(0.5);
    // Another column, and a row far below, keep their confidence.
    expect(cells.get("s3.reject_confirm.commercial")?.confidence).toBe(0.92);
    expect(cells.get("s3.reject_confirm.research")?.confidence).toBe(0.92);
  });

  it("leaves empty places alone when every number read went into a cell, or the stray one was unsure", () => {
    const cells = new Map<string, Cell>([
      ["s3.granted.natural", ocrCell("1", [298, 213, 312, 221], 1)],
      ["s3.granted.commercial", ocrCell("", [338, 213, 352, 221])],
    ]);
    doubtBesideStrays(cells, new Set([readLine(["1"], 213), readLine(["", "7"], 240, 0.6)]));
    expect(cells.get("s3.granted.commercial")?.confidence).toBe(0.92);
  });
});
