/**
 * Agency names as printed differ by how much of the administrative hierarchy they repeat:
 * 江苏省淮安市洪泽区人民政府, 淮安市洪泽区人民政府 and 洪泽区人民政府 are one agency. County-level names are not
 * unique nationally (鼓楼区 is in 南京, 福州, 徐州 and 开封), so a short name is only merged into a longer one
 * when the longer one is the only candidate among the names seen; otherwise it stays as printed.
 */

/** A leading administrative unit: a place name of 1–7 characters and a unit suffix. */
const UNIT =
  /^[\u4e00-\u9fff]{1,7}?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|新区|街道|省|市|州|盟|县|区|旗|镇|乡)$/u;
const MAX_UNIT = 12;
/** Characters of agency words, never of place names: 国家税务总局…, 人民政府…, 市政府办公室… */
const NOT_PLACE = /总局|人民|政府|委员会|办公|管理|银行|局|厅/u;
const PROVINCE = /(?:省|自治区|特别行政区)$/u;

interface ParsedAgency {
  /** Leading units, a province dropped when more follow (a province adds nothing to a city's name; 北京市 … are cities and stay). */
  readonly units: readonly string[];
  /** The rest: 人民政府, 公安局, 人民政府办公室 … */
  readonly body: string;
}

export function parseAgency(name: string): ParsedAgency {
  const units: string[] = [];
  let rest = name.replace(/\s+/gu, "");
  for (let unit = leadingUnit(rest); unit; unit = leadingUnit(rest)) {
    units.push(unit);
    rest = rest.slice(unit.length);
  }
  while (units.length > 1 && PROVINCE.test(units[0] ?? "")) units.shift();
  return { units, body: rest };
}

/** The shortest leading unit (兰州市, not 兰州 + 市…), or null. */
function leadingUnit(text: string): string | null {
  for (let length = 2; length <= Math.min(MAX_UNIT, text.length); length++) {
    const unit = text.slice(0, length);
    if (!UNIT.test(unit) || NOT_PLACE.test(unit)) continue;
    // One-character place names exist only for counties (沛县, 滑县); 城区, 市区 … are not places.
    if (unit.length < 3 && !unit.endsWith("县")) continue;
    return unit;
  }
  return null;
}

/**
 * Maps each name to its normalised agency: the most qualified form seen of the same agency (units +
 * body), e.g. 洪泽区人民政府 → 淮安市洪泽区人民政府 when that is the only 洪泽区人民政府 with a longer hierarchy.
 */
export function normalizeAgencies(names: Iterable<string>): Map<string, string> {
  const parsed = new Map<string, ParsedAgency>();
  for (const name of names) if (!parsed.has(name)) parsed.set(name, parseAgency(name));
  // Forms that can merge share their body and their last unit.
  const forms = new Map<string, Map<string, ParsedAgency>>();
  for (const p of parsed.values()) {
    const key = `${p.units[p.units.length - 1] ?? ""}|${p.body}`;
    const bucket = forms.get(key) ?? new Map<string, ParsedAgency>();
    bucket.set(p.units.join("") + p.body, p);
    forms.set(key, bucket);
  }
  const result = new Map<string, string>();
  for (const [name, p] of parsed) {
    const own = p.units.join("") + p.body;
    if (p.units.length === 0) {
      result.set(name, own);
      continue;
    }
    const bucket = forms.get(`${p.units[p.units.length - 1]}|${p.body}`) ?? new Map();
    const longer = [...bucket.values()].filter((q) => isSuffix(p.units, q.units));
    const maximal = longer.filter((q) => !longer.some((r) => r !== q && isSuffix(q.units, r.units)));
    const only = maximal.length === 1 ? maximal[0] : undefined;
    result.set(name, only ? only.units.join("") + only.body : own);
  }
  return result;
}

/** `short` is a (not necessarily proper) suffix of `long`. */
function isSuffix(short: readonly string[], long: readonly string[]): boolean {
  if (short.length > long.length) return false;
  const offset = long.length - short.length;
  return short.every((unit, i) => long[offset + i] === unit);
}
