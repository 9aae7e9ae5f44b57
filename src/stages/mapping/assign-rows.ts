import type { Fingerprint } from "../../templates/index.js";
import { matchKeys } from "./match-fingerprint.js";
import { isDataRow, type RowRecord } from "./row-record.js";

export interface RowAssignment {
  readonly key: string;
  readonly record: RowRecord;
  /** How the row was identified: its own label, a neighbouring label line, or its place between rows. */
  readonly by: "label" | "neighbour" | "sequence" | "blank_row";
}

/**
 * Template rows for the data rows of a table (SPEC §3.1–3.3). A data row is matched by its own label;
 * failing that by the label-only line next to it (a label wrapped above the numbers, or left on the
 * previous page); failing that by its place between matched rows when exactly one template row is
 * missing there. A template row left unmatched whose label stands alone on a line with no values
 * (an unruled row printed all blank) is read as all blank.
 */
export function assignRows(
  records: readonly RowRecord[],
  defs: readonly { key: string; fingerprint: Fingerprint }[],
): RowAssignment[] {
  const order = new Map(defs.map((def, i) => [def.key, i]));
  const used = new Set<string>();
  const result: (RowAssignment | null)[] = records.map(() => null);
  const dataIndexes = records.map((r, i) => (isDataRow(r) ? i : -1)).filter((i) => i >= 0);
  const firstFree = (keys: string[]) => keys.find((key) => !used.has(key));

  for (const i of dataIndexes) {
    const key = firstFree(matchKeys(records[i]?.label ?? "", defs));
    if (key) {
      used.add(key);
      result[i] = { key, record: records[i] as RowRecord, by: "label" };
    }
  }
  for (const i of dataIndexes) {
    if (result[i]) continue;
    const prev = records[i - 1];
    const next = records[i + 1];
    const candidates = [prev && !isDataRow(prev) ? prev : null, next && !isDataRow(next) ? next : null];
    for (const neighbour of candidates) {
      const key = neighbour ? firstFree(matchKeys(neighbour.label, defs)) : undefined;
      if (key) {
        used.add(key);
        result[i] = { key, record: records[i] as RowRecord, by: "neighbour" };
        break;
      }
    }
  }
  // Sequence: an unmatched data row between two matched ones whose template gap is exactly one row.
  const matched = dataIndexes.filter((i) => result[i]);
  for (const i of dataIndexes) {
    if (result[i]) continue;
    const before = matched.filter((m) => m < i).at(-1);
    const after = matched.find((m) => m > i);
    const lo = before === undefined ? -1 : (order.get(result[before]?.key ?? "") ?? -1);
    const hi = after === undefined ? defs.length : (order.get(result[after]?.key ?? "") ?? defs.length);
    const unmatchedBetween = dataIndexes.filter(
      (d) => d > (before ?? -1) && d < (after ?? records.length) && !result[d],
    );
    const gap = defs.slice(lo + 1, hi).filter((def) => !used.has(def.key));
    if (gap.length === 1 && unmatchedBetween.length === 1 && gap[0]) {
      used.add(gap[0].key);
      result[i] = { key: gap[0].key, record: records[i] as RowRecord, by: "sequence" };
    }
  }
  const assignments = result.filter((a): a is RowAssignment => a !== null);
  records.forEach((record) => {
    if (isDataRow(record)) return;
    const keys = matchKeys(record.label, defs);
    const key = keys.length === 1 ? keys[0] : undefined;
    if (key && !used.has(key) && record.slots.length === 0 && !record.ruled) {
      used.add(key);
      assignments.push({ key, record, by: "blank_row" });
    }
  });
  return assignments;
}
