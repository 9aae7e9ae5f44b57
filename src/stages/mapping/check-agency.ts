import type { TextItem } from "../../model/page-content.js";
import { agencyWords, divisionNames } from "../../templates/divisions.js";

/** What the gazetteer says of an agency name's place. */
export interface AgencyPlace {
  /** The name holds a known division (固原市 anywhere, or 固原 at its start). */
  readonly known: boolean;
  /** Not known: the divisions (at most five) one character away from the name's start (司原市 → 固原市, 太原市). */
  readonly suggestions: readonly string[];
  /**
   * Characters after the place that no word of an agency name spells (南京币司法局 → "币"; 官理中心 → "官理"), or
   * null when the agency vocabulary covers the whole rest of the name.
   */
  readonly strange: string | null;
}

/** A town, township or sub-district: any short name before its level (兴泾镇, 城关街道). */
const TOWN = /^[\u4e00-\u9fff]{1,5}?(?:街道办事处|街道|镇|乡|苏木)/u;

/** Names without any place in them: a ministry, a bureau named by its own function. */
const NATIONAL = /^(?:国家|国务院|中华人民共和国|中国|全国|本机关|本局|本单位)/;

/**
 * Looks the place at the start of an agency name up in GB/T 2260. An OCR reading that names no known place is
 * likely misread there; the nearest divisions (one character away) are offered, never put in its stead.
 */
export function checkAgencyPlace(agency: string): AgencyPlace {
  const names = divisionNames();
  const strange = strangePart(agency);
  if (NATIONAL.test(agency)) return { known: true, suggestions: [], strange };
  for (let k = Math.min(agency.length, 12); k >= 2; k--)
    if (names.has(agency.slice(0, k))) return { known: true, suggestions: [], strange };
  for (const name of names) {
    if (name.length >= 3 && /[省市县区州旗盟]$/.test(name) && agency.includes(name))
      return { known: true, suggestions: [], strange };
  }
  const candidates = new Set<string>();
  for (const name of names) {
    if (name.length < 3 || !/[省市县区州旗盟]$/.test(name) || name.length > agency.length) continue;
    let diff = 0;
    for (let i = 0; i < name.length && diff <= 1; i++) if (name[i] !== agency[i]) diff++;
    if (diff === 1) candidates.add(name);
  }
  return { known: false, suggestions: candidates.size <= 5 ? [...candidates].sort() : [], strange };
}

/**
 * The characters of an agency name that neither a division (at its start, or named in full anywhere), nor a town,
 * nor a word of the agency vocabulary covers — the fewest such, by dynamic programming over the name; null when
 * every character is covered.
 */
export function strangePart(agency: string): string | null {
  const names = divisionNames();
  const vocabulary = agencyWords();
  const text = agency.replace(NATIONAL, "").replace(/[（）()·\s]/g, "");
  const n = text.length;
  // cost[i]: fewest uncovered characters in text[0, i); from[i]: where the step into i came from, and how.
  const cost = new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY);
  const from = new Array<{ at: number; covered: boolean }>(n + 1);
  cost[0] = 0;
  for (let i = 0; i < n; i++) {
    const here = cost[i] as number;
    if (!Number.isFinite(here)) continue;
    const step = (j: number, covered: boolean) => {
      const c = here + (covered ? 0 : j - i);
      if (c < (cost[j] as number)) {
        cost[j] = c;
        from[j] = { at: i, covered };
      }
    };
    step(i + 1, false);
    for (let j = i + 1; j <= Math.min(n, i + 12); j++) {
      const piece = text.slice(i, j);
      if (vocabulary.has(piece) || names.has(piece)) step(j, true);
    }
    const town = TOWN.exec(text.slice(i));
    if (town) step(i + town[0].length, true);
  }
  if (cost[n] === 0) return null;
  let out = "";
  for (let j = n; j > 0; ) {
    const { at, covered } = from[j] as { at: number; covered: boolean };
    if (!covered) out = text.slice(at, j) + out;
    j = at;
  }
  return out;
}

/** An agency name mended from the recogniser's own second readings. */
export interface AgencyRevision {
  readonly agency: string;
  /** Each character changed: as read, as mended, and the recogniser's probability of the mended one. */
  readonly changes: readonly { readonly from: string; readonly to: string; readonly confidence: number }[];
}

/**
 * Mends an OCR agency name that names no known place or holds characters no agency word spells, from the image
 * alone: where the recogniser hesitated over a character (`TextItem.doubts`), its second reading is tried, one
 * character or two at a time. A mending is returned only when exactly one spells a name the gazetteer and the
 * agency vocabulary both accept (南京币司法局 → 南京市司法局 when 市 was the recogniser's runner-up for 币); else null.
 */
export function reviseAgency(agency: string, items: readonly TextItem[]): AgencyRevision | null {
  const options: { index: number; to: string; confidence: number }[] = [];
  const chars = [...agency];
  for (const item of items) {
    if (!item.doubts?.length) continue;
    const text = [...item.text];
    const inItem = item.text.indexOf(agency);
    const inAgency = agency.indexOf(item.text);
    for (const doubt of item.doubts) {
      const index =
        inItem >= 0
          ? doubt.at - [...item.text.slice(0, inItem)].length
          : inAgency >= 0
            ? [...agency.slice(0, inAgency)].length + doubt.at
            : -1;
      if (index < 0 || index >= chars.length || chars[index] !== text[doubt.at]) continue;
      options.push({ index, to: doubt.char, confidence: doubt.confidence });
    }
  }
  const accepted = new Map<string, AgencyRevision>();
  const tryChanges = (picked: readonly (typeof options)[number][]) => {
    const mended = [...chars];
    for (const o of picked) mended[o.index] = o.to;
    const name = mended.join("");
    const place = checkAgencyPlace(name);
    if (place.known && place.strange === null && !accepted.has(name))
      accepted.set(name, {
        agency: name,
        changes: picked.map((o) => ({ from: chars[o.index] as string, to: o.to, confidence: o.confidence })),
      });
  };
  options.forEach((a, i) => {
    tryChanges([a]);
    for (const b of options.slice(i + 1)) if (b.index !== a.index) tryChanges([a, b]);
  });
  return accepted.size === 1 ? ([...accepted.values()][0] as AgencyRevision) : null;
}
