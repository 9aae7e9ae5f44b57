import type { CellRef } from "../../model/cell.js";
import type { RuleInput } from "../../templates/rule-input.js";

/** The cell at `path` as a flag cites it; a path the input lacks reads as null with no location. */
export function readCellRef(input: RuleInput, path: string): CellRef {
  const cell = input.cells.get(path);
  if (cell === undefined) return { path, value: null, page: null, bbox: null };
  const ref = { path, value: cell.value, page: cell.page, bbox: cell.bbox };
  // Documents without pages (HTML, .docx) locate a cell by its locator instead.
  return cell.locator === undefined ? ref : { ...ref, locator: cell.locator };
}

/** The sum of the cells' values; null when any is null. */
export function sumCellRefs(refs: readonly CellRef[]): number | null {
  let sum = 0;
  for (const ref of refs) {
    if (ref.value === null) return null;
    sum += ref.value;
  }
  return roundSum(sum);
}

/** Removes binary floating-point noise from sums of decimals (fees have at most 4 decimals in 万元). */
export function roundSum(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** A number as messages print it: integers plain, decimals without float noise. */
export function formatNumber(value: number | null): string {
  if (value === null) return "—";
  return String(roundSum(value));
}
