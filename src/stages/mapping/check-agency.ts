import { divisionNames } from "../../templates/divisions.js";

/** What the gazetteer says of an agency name's place. */
export interface AgencyPlace {
  /** The name holds a known division (固原市 anywhere, or 固原 at its start). */
  readonly known: boolean;
  /** Not known: the divisions (at most five) one character away from the name's start (司原市 → 固原市, 太原市). */
  readonly suggestions: readonly string[];
}

/** Names without any place in them: a ministry, a bureau named by its own function. */
const NATIONAL = /^(?:国家|国务院|中华人民共和国|中国|全国|本机关|本局|本单位)/;

/**
 * Looks the place at the start of an agency name up in GB/T 2260. An OCR reading that names no known place is
 * likely misread there; the nearest divisions (one character away) are offered, never put in its stead.
 */
export function checkAgencyPlace(agency: string): AgencyPlace {
  const names = divisionNames();
  if (NATIONAL.test(agency)) return { known: true, suggestions: [] };
  for (let k = Math.min(agency.length, 12); k >= 2; k--)
    if (names.has(agency.slice(0, k))) return { known: true, suggestions: [] };
  for (const name of names) {
    if (name.length >= 3 && /[省市县区州旗盟]$/.test(name) && agency.includes(name))
      return { known: true, suggestions: [] };
  }
  const candidates = new Set<string>();
  for (const name of names) {
    if (name.length < 3 || !/[省市县区州旗盟]$/.test(name) || name.length > agency.length) continue;
    let diff = 0;
    for (let i = 0; i < name.length && diff <= 1; i++) if (name[i] !== agency[i]) diff++;
    if (diff === 1) candidates.add(name);
  }
  return { known: false, suggestions: candidates.size <= 5 ? [...candidates].sort() : [] };
}
