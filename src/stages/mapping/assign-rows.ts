import type { Fingerprint } from "../../templates/index.js";
import { matchKeys } from "./match-fingerprint.js";
import { isDataRow, type RowRecord } from "./row-record.js";

export interface RowAssignment {
  readonly key: string;
  readonly record: RowRecord;
  /** How the row was identified: its own label, label lines next to it, its place between rows, or a blank row. */
  readonly by: "label" | "neighbour" | "sequence" | "blank_row";
}

type Defs = readonly { key: string; fingerprint: Fingerprint }[];

/**
 * Template rows for the data rows of a table (SPEC §3.1–3.3). A data row is matched by its own label;
 * failing that by the label-only lines next to it — a label wrapped above numbers printed on its last line
 * (bottom-aligned), on its middle line, or left on the previous page — first the nearest line above, then
 * the whole block above, then the line and block below; failing that by its place between matched rows when
 * exactly one template row is missing there. Rows keep the template's order: a row can only take a key
 * between those of the matched rows around it. A template row still unmatched whose label stands alone on
 * a line with no values (an unruled row printed all blank) is read as all blank.
 */
export function assignRows(records: readonly RowRecord[], defs: Defs): RowAssignment[] {
  const order = new Map(defs.map((def, i) => [def.key, i]));
  const used = new Set<string>();
  const result: (RowAssignment | null)[] = records.map(() => null);
  const data = records.map((r, i) => (isDataRow(r) ? i : -1)).filter((i) => i >= 0);
  const assign = (i: number, key: string, by: RowAssignment["by"]) => {
    used.add(key);
    result[i] = { key, record: records[i] as RowRecord, by };
  };
  // The template-order window open to record i: strictly between the keys of the nearest matched rows.
  const window = (i: number): [number, number] => {
    let lo = -1;
    let hi = defs.length;
    for (let k = i - 1; k >= 0; k--) {
      const key = result[k]?.key;
      if (key !== undefined) {
        lo = order.get(key) ?? -1;
        break;
      }
    }
    for (let k = i + 1; k < records.length; k++) {
      const key = result[k]?.key;
      if (key !== undefined) {
        hi = order.get(key) ?? defs.length;
        break;
      }
    }
    return [lo, hi];
  };
  const pick = (i: number, label: string) => {
    const [lo, hi] = window(i);
    return matchKeys(label, defs).find(
      (key) => !used.has(key) && (order.get(key) ?? -1) > lo && (order.get(key) ?? -1) < hi,
    );
  };

  for (const i of data) {
    const key = matchKeys(records[i]?.label ?? "", defs).find((k) => !used.has(k));
    if (key) assign(i, key, "label");
  }
  for (const i of data) {
    if (result[i]) continue;
    const key = neighbourLabels(records, i)
      .map((label) => pick(i, label))
      .find((k) => k !== undefined);
    if (key) assign(i, key, "neighbour");
  }
  for (const i of data) {
    if (result[i]) continue;
    const [lo, hi] = window(i);
    const gap = defs.slice(lo + 1, hi).filter((def) => !used.has(def.key));
    const before = data.filter((d) => d < i && result[d]).at(-1) ?? -1;
    const after = data.find((d) => d > i && result[d]) ?? records.length;
    const unmatched = data.filter((d) => d > before && d < after && !result[d]);
    if (gap.length === 1 && unmatched.length === 1 && gap[0]) assign(i, gap[0].key, "sequence");
  }
  records.forEach((record, i) => {
    if (isDataRow(record) || record.ruled || record.slots.length > 0) return;
    const keys = matchKeys(record.label, defs);
    const key = keys.length === 1 ? pick(i, record.label) : undefined;
    if (key) assign(i, key, "blank_row");
  });
  return result.filter((a): a is RowAssignment => a !== null);
}

/**
 * Label text around data row i, most likely first: the label-only line just above, all label-only lines
 * above back to the previous data row, the line just below, all lines below up to the next data row.
 */
function neighbourLabels(records: readonly RowRecord[], i: number): string[] {
  const above: RowRecord[] = [];
  for (let k = i - 1; k >= 0 && !isDataRow(records[k] as RowRecord); k--) above.unshift(records[k] as RowRecord);
  const below: RowRecord[] = [];
  for (let k = i + 1; k < records.length && !isDataRow(records[k] as RowRecord); k++)
    below.push(records[k] as RowRecord);
  const own = records[i]?.label ?? "";
  const join = (rs: readonly RowRecord[]) => rs.map((r) => r.label).join("");
  return [
    above.length > 0 ? join(above.slice(-1)) : "",
    above.length > 1 ? join(above) + own : "",
    below.length > 0 ? join(below.slice(0, 1)) : "",
    below.length > 1 ? own + join(below) : "",
  ].filter((label) => label !== "");
}
