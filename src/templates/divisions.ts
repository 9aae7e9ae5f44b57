import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Place names of China's administrative divisions (GB/T 2260: provinces, prefectures, counties), each in full
 * (固原市) and without its level suffix (固原), from `data/admin-divisions.tsv`. Loaded once.
 */
let names: ReadonlySet<string> | null = null;

/** Level suffixes a division's name ends with, longest first. */
const SUFFIXES = [
  "特别行政区",
  "维吾尔自治区",
  "回族自治区",
  "壮族自治区",
  "自治区",
  "自治州",
  "自治县",
  "地区",
  "林区",
  "新区",
  "省",
  "市",
  "县",
  "区",
  "盟",
  "旗",
];

export function divisionNames(): ReadonlySet<string> {
  if (names) return names;
  const set = new Set<string>();
  const text = readFileSync(join(import.meta.dirname, "data", "admin-divisions.tsv"), "utf8");
  for (const line of text.split("\n")) {
    if (line.startsWith("#") || line.trim() === "") continue;
    const name = line.split("\t")[1]?.trim();
    if (!name) continue;
    set.add(name);
    const suffix = SUFFIXES.find((s) => name.endsWith(s) && name.length - s.length >= 2);
    if (suffix) set.add(name.slice(0, -suffix.length));
  }
  names = set;
  return set;
}

let words: ReadonlySet<string> | null = null;

/** Words agency names are made of after their place (司法, 人民政府, 办公室, 局 …), from `data/agency-words.txt`. */
export function agencyWords(): ReadonlySet<string> {
  if (words) return words;
  const text = readFileSync(join(import.meta.dirname, "data", "agency-words.txt"), "utf8");
  words = new Set(
    text
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "" && !line.startsWith("#")),
  );
  return words;
}
