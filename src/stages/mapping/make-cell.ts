import type { Cell } from "../../model/cell.js";
import { roundBox } from "../../model/geometry.js";
import type { NumberKind } from "../../templates/index.js";
import { parseNumber, parseNumberAs } from "./normalize.js";
import type { ValueSlot } from "./row-record.js";

/** The most an OCR reading the cell's kind does not allow is trusted. */
const IMPOSSIBLE_READING = 0.5;

function fits(value: number, kind: NumberKind): boolean {
  if (kind === "count") return Number.isInteger(value) && value >= 0;
  if (kind === "signed") return Number.isInteger(value);
  return value >= 0;
}

export const MISSING_CELL: Cell = {
  value: null,
  raw: null,
  page: null,
  bbox: null,
  source: "text",
  confidence: 0,
  blank: false,
};

/**
 * A template cell from a placed slot; null slot → missing cell (value null, never a silent 0). `kind` reads
 * the cell's own notations: a signed 本年增/减 ("减少2"), a 万元 amount printed in 元 ("251000元").
 */
export function makeCell(slot: ValueSlot | null, confidence: number, kind: NumberKind = "count"): Cell {
  if (!slot) return MISSING_CELL;
  const raw = slot.raw.replace(/\s+/g, " ").trim();
  const parsed = kind === "count" ? parseNumber(raw) : parseNumberAs(raw, kind);
  // A reading from a page image is as sure as its recogniser (set once, here, from the slot it was read in).
  // A reading the cell cannot hold (a count read negative or fractional: a speck taken for a minus sign or a
  // point) is a doubtful reading on a page image; on a text layer it is what was published.
  // Nor is a number printed with a leading zero ("01", "00": a speck beside a 0 read as a digit).
  const allowed = !parsed || (fits(parsed.value, kind) && !/^-?0\d/.test(raw));
  const sure = slot.ocr === undefined ? confidence : Math.min(confidence, slot.ocr, allowed ? 1 : IMPOSSIBLE_READING);
  return {
    value: parsed ? parsed.value : null,
    raw,
    page: slot.page,
    bbox: roundBox(slot.box),
    source: slot.ocr === undefined ? "text" : "ocr",
    confidence: parsed ? Math.round(sure * 1000) / 1000 : 0,
    blank: parsed ? parsed.blank : false,
  };
}
