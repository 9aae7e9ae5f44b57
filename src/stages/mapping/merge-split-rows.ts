import type { Fingerprint } from "../../templates/index.js";
import { matchKeys } from "./match-fingerprint.js";
import { normalizeLabel } from "./normalize.js";
import type { RowRecord } from "./row-record.js";

/**
 * The second part carries no row label of its own, or only the one the first part already names (a label
 * cut mid-phrase: "2.申请人逾期未按收费通知要求" / "缴纳费用、行政机关…") while the first printed no values.
 */
function continuesLabel(
  previous: RowRecord,
  record: RowRecord,
  defs: readonly { key: string; fingerprint: Fingerprint }[],
): boolean {
  // A label that starts with a row's own numbering ("（六）…", "3.…", "四、…") begins a row, whatever it names.
  if (ROW_NUMBER.test(normalizeLabel(record.label))) return false;
  const own = matchKeys(record.label, defs);
  if (own.length === 0) return true;
  const before = new Set(matchKeys(previous.label, defs));
  const previousEmpty = previous.slots.every((slot) => slot.raw.trim() === "");
  return previousEmpty && own.every((key) => before.has(key));
}

const ROW_NUMBER = /^(?:[（(][一二三四五六七八九十]+[)）]|\d{1,2}\.|[一二三四五六七八九十]+、)/;

/** A repeated table header on the continuation page is not the rest of a row. */
const HEADER_WORDS = /自然人|申请人|信息内容|结果维持|行政复议/;

/**
 * Rejoins ruled rows that a page break cut in two (SPEC §3.1): the last row of a grid and the first row of
 * the next grid on a later page, when that first row's label names no other template row. Labels
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
      continuesLabel(previous, record, defs) &&
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
