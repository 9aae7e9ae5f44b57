import type { Cell } from "../../model/cell.js";
import { roundBox } from "../../model/geometry.js";
import { parseNumber } from "./normalize.js";
import type { ValueSlot } from "./row-record.js";

export const MISSING_CELL: Cell = {
  value: null,
  raw: null,
  page: null,
  bbox: null,
  source: "text",
  confidence: 0,
  blank: false,
};

/** A template cell from a placed slot; null slot → missing cell (value null, never a silent 0). */
export function makeCell(slot: ValueSlot | null, confidence: number): Cell {
  if (!slot) return MISSING_CELL;
  const raw = slot.raw.replace(/\s+/g, " ").trim();
  const parsed = parseNumber(raw);
  return {
    value: parsed ? parsed.value : null,
    raw,
    page: slot.page,
    bbox: roundBox(slot.box),
    source: "text",
    confidence: parsed ? confidence : 0,
    blank: parsed ? parsed.blank : false,
  };
}
