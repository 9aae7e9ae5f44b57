import type { Fingerprint } from "../../templates/index.js";
import { matchKeys } from "./match-fingerprint.js";
import type { RowRecord } from "./row-record.js";

/** A repeated table header on the continuation page is not the rest of a row. */
const HEADER_WORDS = /自然人|申请人|信息内容|结果维持|行政复议/;

/**
 * Rejoins ruled rows that a page break cut in two (SPEC §3.1): the last row of a grid and the first row of
 * the next grid on a later page, when that first row's label matches no template row of its own. Labels
 * are concatenated; each value slot takes whichever part printed something.
 */
export function mergeSplitRows(
  records: readonly RowRecord[],
  defs: readonly { key: string; fingerprint: Fingerprint }[],
): RowRecord[] {
  const out: RowRecord[] = [];
  for (const record of records) {
    const previous = out.at(-1);
    const continues =
      previous?.ruled &&
      record.ruled &&
      previous.lastOfGrid &&
      record.firstOfGrid &&
      record.page > previous.page &&
      matchKeys(record.label, defs).length === 0 &&
      !HEADER_WORDS.test(record.label) &&
      (record.slots.length === previous.slots.length || record.slots.length === 0 || previous.slots.length === 0);
    if (!previous || !continues) {
      out.push({ ...record, slots: [...record.slots] });
      continue;
    }
    const slots = previous.slots.length >= record.slots.length ? previous.slots : record.slots;
    previous.slots = slots.map((slot, i) => {
      const other = (slots === previous.slots ? record.slots : previous.slots)[i];
      return slot.raw.trim() === "" && other && other.raw.trim() !== "" ? other : slot;
    });
    previous.label = previous.label + record.label;
  }
  return out;
}
