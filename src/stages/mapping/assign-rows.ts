import type { Fingerprint } from "../../templates/index.js";
import { matchKeys } from "./match-fingerprint.js";
import { commonSubsequence, normalizeLabel } from "./normalize.js";
import { isDataRow, type RowRecord } from "./row-record.js";

export interface RowAssignment {
  readonly key: string;
  readonly record: RowRecord;
  /** How the row was identified: its own label, label lines next to it, its place between rows, or a blank row. */
  readonly by: "label" | "neighbour" | "sequence" | "blank_row";
  /** Another template row had (almost) as much evidence for this data row. */
  readonly ambiguous: boolean;
}

type Defs = readonly { key: string; fingerprint: Fingerprint; label?: string }[];

/** Evidence weights: a row's own label, then label lines around it, nearer ones (and lines above) first. */
const OWN_LABEL = 10;
const ABOVE = 8;
const BELOW = 6;
const MIN_NEIGHBOUR = 2;
/** Below the nearest line above or below alone: a line around may belong to the neighbouring row. */
const AROUND = 4;
/**
 * A label read from a page image that names no row by its keywords, but spells one row's printed label with a
 * few characters misread ("本年新以息公开申请数量"): weaker than the row's own keywords, stronger than lines around.
 */
const LOOKS_LIKE = 5;
/** The share of a template label's characters, in order, that a misread label must keep to look like it. */
const LOOKS_LIKE_SHARE = 0.65;
/** The most characters a line of a vertical group label holds beside a row's numbers ("予公", "）不"). */
const GROUP_FRAGMENT = 2;

/**
 * Template rows for the data rows of a table (SPEC §3.1–3.3), as one ordered alignment. Each data row scores
 * each template row by evidence: its own label naming it; the label-only lines above it (a label wrapped
 * above numbers printed on its last line, or left on the previous page) joined with its own, nearer windows
 * scoring more; the lines below it likewise, a little less. Rows and template rows keep their order, and the
 * alignment with the most evidence wins, so a label block that names two rows goes to the one it fits. A
 * data row left over between two matched ones takes the one template row missing there; a template row left
 * over whose label stands alone on a line without values (an unruled row printed all blank) is all blank.
 */
export function assignRows(records: readonly RowRecord[], defs: Defs): RowAssignment[] {
  const data = records.map((r, i) => (isDataRow(r) ? i : -1)).filter((i) => i >= 0);
  const order = new Map(defs.map((def, k) => [def.key, k]));
  const byRecord = new Map<number, RowAssignment>();
  // First a row's own label, in any order (section 二's sub-tables are printed in any order).
  const named = new Set<string>();
  for (const i of data) {
    const key = matchKeys(records[i]?.label ?? "", defs).find((k) => !named.has(k));
    if (!key) continue;
    named.add(key);
    byRecord.set(i, { key, record: records[i] as RowRecord, by: "label", ambiguous: false });
  }
  // Then the rows without a label of their own, aligned in order with the template rows still free; where
  // the labelled rows keep the template's order, each only within its window between them.
  const labelled = [...byRecord.entries()].sort((a, b) => a[0] - b[0]).map(([, a]) => order.get(a.key) ?? 0);
  const ordered = labelled.every((k, j) => j === 0 || k > (labelled[j - 1] as number));
  const taken = new Set([...byRecord.values()].map((a) => a.key));
  const free = defs.filter((def) => !taken.has(def.key));
  const rest = data.filter((i) => !byRecord.has(i));
  const scores = rest.map((i) => {
    const evidence = scoreRow(records, i, defs);
    const [lo, hi] = ordered ? windowOf(i, byRecord, order, defs.length) : [-1, defs.length];
    for (const key of [...evidence.keys()]) {
      const k = order.get(key) ?? -1;
      if (taken.has(key) || k <= lo || k >= hi) evidence.delete(key);
    }
    return evidence;
  });
  for (const [d, k] of alignRows(scores, free)) {
    const i = rest[d] as number;
    const key = (free[k] as { key: string }).key;
    const chosen = scores[d]?.get(key)?.score ?? 0;
    // Ambiguous: the alignment gave this row a key it had less evidence for, or another key had as much.
    const rivals = [...(scores[d]?.entries() ?? [])].filter(([other]) => other !== key).map(([, e]) => e.score);
    byRecord.set(i, {
      key,
      record: records[i] as RowRecord,
      by: "neighbour",
      ambiguous: rivals.some((r) => r >= chosen),
    });
  }
  const used = new Set([...byRecord.values()].map((a) => a.key));
  const window = (i: number) => windowOf(i, byRecord, order, defs.length);
  // A data row alone in its window, where exactly one template row is missing, is that row.
  const alone = new Map<string, number[]>();
  for (const i of data) {
    if (byRecord.has(i)) continue;
    const id = window(i).join(":");
    const rows = alone.get(id);
    if (rows) rows.push(i);
    else alone.set(id, [i]);
  }
  for (const [id, rows] of alone) {
    const [lo, hi] = id.split(":").map(Number) as [number, number];
    const gap = defs.slice(lo + 1, hi).filter((def) => !used.has(def.key));
    const i = rows[0];
    if (rows.length === 1 && i !== undefined && gap.length === 1 && gap[0]) {
      used.add(gap[0].key);
      byRecord.set(i, { key: gap[0].key, record: records[i] as RowRecord, by: "sequence", ambiguous: true });
    }
  }
  // Rows printed all blank without rules: a label on one to three lines with no values at all.
  const bare = (r: RowRecord | undefined) => r !== undefined && !isDataRow(r) && !r.ruled && r.slots.length === 0;
  for (let i = 0; i < records.length; i++) {
    for (let span = 1; span <= 3 && bare(records[i]); span++) {
      const lines = records.slice(i, i + span);
      if (lines.length < span || !lines.every(bare)) break;
      const label = lines.map((r) => r.label).join("");
      const named = matchKeys(label, defs);
      const read = lines.some((r) => r.items.some((item) => item.source === "ocr"));
      const keys = named.length === 0 && read ? looksLike(label, defs) : named;
      const [lo, hi] = window(i);
      const open = keys.filter((key) => !used.has(key) && (order.get(key) ?? -1) > lo && (order.get(key) ?? -1) < hi);
      if (keys.length === 1 && open.length === 1 && open[0]) {
        used.add(open[0]);
        byRecord.set(i, { key: open[0], record: records[i] as RowRecord, by: "blank_row", ambiguous: false });
        i += span - 1;
        break;
      }
      if (keys.length > 0) break;
    }
  }
  return [...byRecord.entries()].sort((a, b) => a[0] - b[0]).map(([, a]) => a);
}

/** The template-order window open to record i: strictly between the keys of the nearest assigned records. */
function windowOf(
  i: number,
  byRecord: ReadonlyMap<number, RowAssignment>,
  order: ReadonlyMap<string, number>,
  size: number,
): [number, number] {
  const assigned = sortedKeys(byRecord);
  let lo = 0;
  let hi = assigned.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((assigned[mid] as number) < i) lo = mid + 1;
    else hi = mid;
  }
  const before = assigned[lo - 1];
  const after = assigned[lo] === i ? assigned[lo + 1] : assigned[lo];
  const keyOrder = (r: number | undefined, none: number) =>
    r === undefined ? none : (order.get(byRecord.get(r)?.key ?? "") ?? none);
  return [keyOrder(before, -1), keyOrder(after, size)];
}

/** Record indexes of a map, sorted; cached per map size (assignments are only ever added). */
const sortedCache = new WeakMap<ReadonlyMap<number, RowAssignment>, { size: number; keys: number[] }>();
function sortedKeys(byRecord: ReadonlyMap<number, RowAssignment>): number[] {
  const cached = sortedCache.get(byRecord);
  if (cached && cached.size === byRecord.size) return cached.keys;
  const keys = [...byRecord.keys()].sort((a, b) => a - b);
  sortedCache.set(byRecord, { size: byRecord.size, keys });
  return keys;
}

type Evidence = Map<string, { score: number; by: RowAssignment["by"] }>;

function scoreRow(records: readonly RowRecord[], i: number, defs: Defs): Evidence {
  const evidence: Evidence = new Map();
  const note = (label: string, score: number, by: RowAssignment["by"]) => {
    for (const key of matchKeys(label, defs)) {
      if ((evidence.get(key)?.score ?? 0) < score) evidence.set(key, { score, by });
    }
  };
  const own = records[i]?.label ?? "";
  note(own, OWN_LABEL, "label");
  if (evidence.size === 0 && records[i]?.items.some((item) => item.source === "ocr")) {
    for (const key of looksLike(own, defs)) evidence.set(key, { score: LOOKS_LIKE, by: "label" });
  }
  let above = "";
  for (let j = i - 1, d = 1; j >= 0 && !isDataRow(records[j] as RowRecord); j--, d++) {
    above = (records[j]?.label ?? "") + above;
    note(above + own, Math.max(ABOVE - d, MIN_NEIGHBOUR), "neighbour");
  }
  let below = "";
  for (let j = i + 1, d = 1; j < records.length && !isDataRow(records[j] as RowRecord); j++, d++) {
    below += records[j]?.label ?? "";
    note(own + below, Math.max(BELOW - d, MIN_NEIGHBOUR), "neighbour");
  }
  // A label wrapped around its numbers (numbers on the middle line of three): the line above, the row's own,
  // the line below; the own "label" may be a fragment of a vertical group label beside it ("（三/）不/予公/开"),
  // so also the two lines without it.
  const justAbove = i > 0 && !isDataRow(records[i - 1] as RowRecord) ? (records[i - 1]?.label ?? "") : "";
  const justBelow =
    i + 1 < records.length && !isDataRow(records[i + 1] as RowRecord) ? (records[i + 1]?.label ?? "") : "";
  if (justAbove !== "" && justBelow !== "") {
    note(justAbove + own + justBelow, AROUND, "neighbour");
    if (own.length <= GROUP_FRAGMENT) note(justAbove + justBelow, AROUND - 1, "neighbour");
  }
  return evidence;
}

/** Only the words of a label: no numbering, brackets, punctuation or digits. */
function labelWords(text: string): string[] {
  return [...normalizeLabel(text).replace(/[\p{P}\p{S}\d\sA-Za-z]|^[一二三四五六七八九十]+(?=[、.])/gu, "")];
}

/**
 * Keys whose printed label a misread label keeps most of, in order: each keeps at least `LOOKS_LIKE_SHARE` of
 * the longer of the two labels, and none is clearly behind the best (an even race names both; order decides).
 */
function looksLike(label: string, defs: Defs): string[] {
  const words = labelWords(label);
  if (words.length < 4) return [];
  const shares = defs.map((def) => {
    const printed = labelWords(def.label ?? "");
    const share = printed.length === 0 ? 0 : commonSubsequence(words, printed) / Math.max(words.length, printed.length);
    return { key: def.key, share };
  });
  const best = Math.max(...shares.map((s) => s.share));
  if (best < LOOKS_LIKE_SHARE) return [];
  return shares.filter((s) => s.share >= best - 0.05).map((s) => s.key);
}

/** The order-keeping pairing of data rows with template rows that has the most evidence (dynamic programming). */
function alignRows(scores: readonly Evidence[], defs: Defs): [number, number][] {
  const n = scores.length;
  const m = defs.length;
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const score = (d: number, k: number) => scores[d]?.get((defs[k] as { key: string }).key)?.score ?? 0;
  for (let d = 1; d <= n; d++) {
    const row = best[d] as number[];
    const prev = best[d - 1] as number[];
    for (let k = 1; k <= m; k++) {
      const s = score(d - 1, k - 1);
      row[k] = Math.max(prev[k] as number, row[k - 1] as number, s > 0 ? (prev[k - 1] as number) + s : 0);
    }
  }
  const pairs: [number, number][] = [];
  for (let d = n, k = m; d > 0 && k > 0; ) {
    const here = (best[d] as number[])[k] as number;
    if (here === ((best[d - 1] as number[])[k] as number)) d--;
    else if (here === ((best[d] as number[])[k - 1] as number)) k--;
    else {
      pairs.push([d - 1, k - 1]);
      d--;
      k--;
    }
  }
  return pairs.reverse();
}
