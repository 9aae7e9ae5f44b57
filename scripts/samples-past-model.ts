// Values, printed text and truth of the issue-6 samples: the 2019 layout (s2v19 keys, one （六）其他处理 row),
// legacy facts (legacy.* keys), and v2021 reports as .docx / HTML. Flags come from the values by code.
import {
  ALL_PATHS,
  cannotMakeRules,
  type Flag,
  get,
  makeRng,
  randInt,
  S3_APPLICANT_COLUMNS,
  S3_COLUMNS,
  S3_ROWS,
  S4_FIELDS,
  S4_GROUPS,
  type Values,
} from "./samples-model.js";
import type { Claims } from "./samples-narrative.js";
import { isBlankText } from "./samples-print.js";
import { claimFlags } from "./samples-truth.js";

export const OTHER_ROWS = ["other_no_supplement", "other_fee_unpaid", "other_other"] as const;

/** Section 三 rows of the 2019 layout: the three （六） rows replaced by `other_processing`. */
export const S3_ROWS_2019: readonly { key: string; label: string; group?: string }[] = S3_ROWS.flatMap((r) => {
  if (r.key === "other_no_supplement") return [{ key: "other_processing", label: "（六）其他处理" }];
  return (OTHER_ROWS as readonly string[]).includes(r.key) ? [] : [r];
});
const RESULT_ROWS_2019 = S3_ROWS_2019.map((r) => r.key).slice(2, 21);

export const S2V19_ITEMS = [
  { key: "rules", fields: ["new_made", "new_published", "total_published"] },
  { key: "normative_docs", fields: ["new_made", "new_published", "total_published"] },
  { key: "admin_license", fields: ["prev_year_items", "delta", "decisions"] },
  { key: "other_services", fields: ["prev_year_items", "delta", "decisions"] },
  { key: "admin_penalty", fields: ["prev_year_items", "delta", "decisions"] },
  { key: "admin_coercion", fields: ["prev_year_items", "delta", "decisions"] },
  { key: "admin_fees", fields: ["prev_year_items", "delta"] },
  { key: "procurement", fields: ["items", "amount_wan"] },
] as const;
export const S2V19_PATHS: readonly string[] = S2V19_ITEMS.flatMap((i) => i.fields.map((f) => `s2v19.${i.key}.${f}`));
const S3_PATHS_2019 = S3_ROWS_2019.flatMap((r) => S3_COLUMNS.map((c) => `s3.${r.key}.${c}`));
const S4_PATHS = S4_GROUPS.flatMap((g) => S4_FIELDS.map((f) => `s4.${g}.${f}`));
export const V2019_PATHS: readonly string[] = [...S2V19_PATHS, ...S3_PATHS_2019, ...S4_PATHS];

/** 2019-layout values from a consistent 2021 draw: （六） rows summed, section 二 drawn afresh. */
export function toV2019Values(v2021: Values, seed: number, s2: Record<string, number> = {}): Values {
  const rng = makeRng(seed);
  const out: Values = {};
  for (const path of ALL_PATHS) if (path.startsWith("s3.") || path.startsWith("s4.")) out[path] = get(v2021, path);
  for (const c of S3_COLUMNS) {
    out[`s3.other_processing.${c}`] = OTHER_ROWS.reduce((acc, r) => acc + get(v2021, `s3.${r}.${c}`), 0);
    for (const r of OTHER_ROWS) delete out[`s3.${r}.${c}`];
  }
  for (const item of S2V19_ITEMS) {
    for (const field of item.fields) {
      const path = `s2v19.${item.key}.${field}`;
      out[path] =
        s2[path] ??
        (item.key === "rules"
          ? 0
          : field === "delta"
            ? randInt(rng, -3, 3)
            : field === "amount_wan"
              ? randInt(rng, 10, 90000) / 100
              : field === "decisions"
                ? randInt(rng, 0, 600)
                : randInt(rng, 0, 40));
    }
  }
  return out;
}

/** Printed text of a 2019-layout report: zeros by style, deltas signed ("+3", "-2" or "减少2"), amounts. */
export function printV2019(
  values: Values,
  o: { seed: number; zeros: readonly string[]; delta: "sign" | "words"; amount: "yuan" | "wan" },
): Record<string, string> {
  const rng = makeRng(o.seed);
  const out: Record<string, string> = {};
  for (const path of V2019_PATHS) {
    const v = get(values, path);
    if (path.endsWith(".delta")) {
      out[path] = v === 0 ? "0" : o.delta === "sign" ? (v > 0 ? `+${v}` : `-${-v}`) : v > 0 ? `增加${v}` : `减少${-v}`;
    } else if (path.endsWith(".amount_wan")) {
      out[path] = o.amount === "yuan" ? `${Math.round(v * 10000)}元` : String(v);
    } else if (v === 0) out[path] = o.zeros[Math.floor(rng() * o.zeros.length)] ?? "0";
    else out[path] = String(v);
  }
  return out;
}

/** Paths of a 2019-layout report printed as a blank-style zero. */
export function blankPathsV2019(values: Values, printed: Record<string, string>): string[] {
  return V2019_PATHS.filter(
    (p) => get(values, p) === 0 && !p.endsWith(".delta") && !p.endsWith(".amount_wan") && isBlankText(printed[p] ?? ""),
  ).sort();
}

/** The arithmetic flags of a 2019-layout report (SPEC §4: results over 18 rows + other_processing). */
export function checkArithmeticV2019(values: Values): Flag[] {
  const flags: Flag[] = [];
  const sum = (paths: readonly string[]) => paths.reduce((a, p) => a + get(values, p), 0);
  for (const c of S3_COLUMNS) {
    const left = get(values, `s3.new_received.${c}`) + get(values, `s3.carried_over.${c}`);
    const right = get(values, `s3.total_processed.${c}`) + get(values, `s3.carried_forward.${c}`);
    if (left !== right) flags.push({ rule: "s3.balance", path: `s3.${c}` });
    if (sum(RESULT_ROWS_2019.map((r) => `s3.${r}.${c}`)) !== get(values, `s3.total_processed.${c}`))
      flags.push({ rule: "s3.results_total", path: `s3.total_processed.${c}` });
  }
  for (const { key } of S3_ROWS_2019) {
    if (sum(S3_APPLICANT_COLUMNS.map((c) => `s3.${key}.${c}`)) !== get(values, `s3.${key}.total`))
      flags.push({ rule: "s3.row_total", path: `s3.${key}` });
  }
  for (const g of S4_GROUPS) {
    if (sum(S4_FIELDS.slice(0, 4).map((f) => `s4.${g}.${f}`)) !== get(values, `s4.${g}.total`))
      flags.push({ rule: "s4.group_total", path: `s4.${g}` });
  }
  return flags;
}

export interface PastTruth {
  schema: "gongkai.truth/1";
  file: string;
  report: { agency: string; year: number; template: "v2019" | "legacy" | "v2021" };
  status: "success" | "partial_success" | "failure";
  values: Record<string, Record<string, Record<string, number | null>>>;
  blank: string[];
  flags: Flag[];
  pages_need_ocr: number[];
}

export function nestPaths(paths: readonly string[], value: (path: string) => number | null): PastTruth["values"] {
  const out: PastTruth["values"] = {};
  for (const path of paths) {
    const [section = "", group = "", field = ""] = path.split(".");
    const sec = (out[section] ??= {});
    const grp = (sec[group] ??= {});
    grp[field] = value(path);
  }
  return out;
}

export function sortFlags(flags: Flag[]): Flag[] {
  const key = (f: Flag) => `${f.rule}\u0000${f.path}`;
  return flags.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Truth of a 2019-layout sample. */
export function truthV2019(
  file: string,
  agency: string,
  year: number,
  values: Values,
  printed: Record<string, string>,
  claims: Claims,
): PastTruth {
  const blank = blankPathsV2019(values, printed);
  const flags: Flag[] = [
    ...blank.map((path) => ({ rule: "cell.blank", path })),
    ...checkArithmeticV2019(values),
    ...claimFlags(values, claims),
  ];
  if (cannotMakeRules(agency) && get(values, "s2v19.rules.new_made") > 0)
    flags.push({ rule: "s2.rules_issuer", path: "s2v19.rules.new_made" });
  if (year >= 2021) flags.push({ rule: "template.version_mismatch", path: "report.template" });
  return {
    schema: "gongkai.truth/1",
    file,
    report: { agency, year, template: "v2019" },
    status: "success",
    values: nestPaths(V2019_PATHS, (p) => get(values, p)),
    blank,
    flags: sortFlags(flags),
    pages_need_ocr: [],
  };
}
