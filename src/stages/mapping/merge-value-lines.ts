import { overlap } from "../../model/geometry.js";
import type { Fingerprint } from "../../templates/index.js";
import { matchKeys } from "./match-fingerprint.js";
import { isDataRow, type RowRecord } from "./row-record.js";

/**
 * Rejoins the values of one unruled row printed on two lines. The official template top-aligns the 总计
 * cell while centring the others, so without rules a wrapped label carries its total on its first line and
 * the other numbers on a later one. A line of values whose label names no row joins the data line above
 * it when their values sit in different columns, no label naming a row stands between them, and they are
 * at most a couple of lines apart.
 */
export function mergeValueLines(
  records: readonly RowRecord[],
  defs: readonly { key: string; fingerprint: Fingerprint }[],
): RowRecord[] {
  const out: RowRecord[] = [];
  for (const record of records) {
    const target =
      record.ruled || !isDataRow(record) || matchKeys(record.label, defs).length > 0
        ? undefined
        : findTarget(out, record, defs);
    if (!target) {
      out.push(record);
      continue;
    }
    target.slots = [...target.slots, ...record.slots].sort((a, b) => a.box[0] - b.box[0]);
    target.label += record.label;
  }
  return out;
}

function findTarget(
  out: readonly RowRecord[],
  record: RowRecord,
  defs: readonly { key: string; fingerprint: Fingerprint }[],
): RowRecord | undefined {
  for (let k = out.length - 1; k >= 0; k--) {
    const candidate = out[k] as RowRecord;
    if (candidate.ruled || candidate.page !== record.page) return undefined;
    if (!isDataRow(candidate)) {
      if (matchKeys(candidate.label, defs).length > 0) return undefined;
      continue;
    }
    const lineHeight = candidate.box[3] - candidate.box[1];
    if (record.box[1] - candidate.box[3] > lineHeight * 2.5) return undefined;
    const collide = record.slots.some((s) =>
      candidate.slots.some((c) => overlap(s.box[0], s.box[2], c.box[0], c.box[2]) > 0),
    );
    return collide ? undefined : candidate;
  }
  return undefined;
}
