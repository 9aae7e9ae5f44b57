// The expected extraction of a sample (samples/<stem>.truth.json), derived from its spec by code so the
// flags are right by construction: arithmetic flags come from the checker, text flags from the stated claims.
import type { DocxOptions } from "./samples-docx.js";
import type { HtmlOptions } from "./samples-html.js";
import {
  ALL_PATHS,
  cannotMakeRules,
  checkArithmetic,
  type Flag,
  get,
  S3_COLUMNS,
  type S3Row,
  type Values,
} from "./samples-model.js";
import { CLAIM_KEYS, CLAIM_RULES, type Claims, type NarrativeSpec, type ReportDoc } from "./samples-narrative.js";
import type { PrintSpec } from "./samples-print.js";
import type { ValueSpec } from "./samples-values.js";

export interface SampleSpec {
  stem: string;
  agency: string;
  year: number;
  /** What the sample exercises (README). */
  exercises: string;
  values: ValueSpec;
  print: PrintSpec;
  narrative: NarrativeSpec;
  render: { kind: "docx"; options: DocxOptions } | { kind: "html"; options: HtmlOptions };
  /** The narrative reports the fee in 元 while the table's 万元 cell shows the same number (s2.fee_unit). */
  feeUnitSuspect?: boolean;
  /** Garble the ToUnicode maps of this font (the tables' font): cells unreadable from the text layer. */
  garbleFont?: RegExp;
  /** Table 三 row whose label must end a page while its numbers start the next (spacer searched). */
  splitRow?: S3Row;
  /** Replaces the generated narrative (the Haiyuan seed report keeps its own text). */
  customDoc?: (doc: ReportDoc) => ReportDoc;
}

export interface Truth {
  schema: "gongkai.truth/1";
  file: string;
  report: { agency: string; year: number; template: "v2021" };
  status: "success" | "partial_success" | "failure";
  values: Record<string, Record<string, Record<string, number | null>>>;
  blank: string[];
  flags: Flag[];
  pages_need_ocr: number[];
}

const OTHER_ROWS = ["other_no_supplement", "other_fee_unpaid", "other_other"] as const;

function nest(values: Values): Truth["values"] {
  const out: Truth["values"] = {};
  for (const path of ALL_PATHS) {
    const [section = "", group = "", field = ""] = path.split(".");
    const sec = out[section] ?? {};
    out[section] = sec;
    const grp = sec[group] ?? {};
    sec[group] = grp;
    grp[field] = get(values, path);
  }
  // v2021 reports carry the 2019 （六）其他处理 row derived from the three （六） rows (SPEC §2).
  const s3 = out.s3 ?? {};
  s3.other_processing = Object.fromEntries(
    S3_COLUMNS.map((c) => [c, OTHER_ROWS.reduce((acc, row) => acc + get(values, `s3.${row}.${c}`), 0)]),
  );
  return out;
}

export function claimFlags(values: Values, claims: Claims): Flag[] {
  return CLAIM_KEYS.flatMap((key) => {
    const stated = claims[key];
    const rule = CLAIM_RULES[key];
    return stated !== undefined && stated !== rule.actual(values) ? [{ rule: rule.rule, path: rule.path }] : [];
  });
}

/** Builds the truth file content of one rendered sample. */
export function buildTruth(
  spec: SampleSpec,
  values: Values,
  blank: string[],
  claims: Claims,
  pagesNeedOcr: number[],
): Truth {
  // A garbled text layer is read by OCR from the page images: the truth is what is printed, like any sample's;
  // pages_need_ocr names the pages that must go through OCR.
  const flags: Flag[] = [];
  for (const path of blank) flags.push({ rule: "cell.blank", path });
  flags.push(...checkArithmetic(values), ...claimFlags(values, claims));
  if (cannotMakeRules(spec.agency) && get(values, "s2.rules.made") > 0)
    flags.push({ rule: "s2.rules_issuer", path: "s2.rules.made" });
  if (spec.feeUnitSuspect) flags.push({ rule: "s2.fee_unit", path: "s2.admin_fees.amount_wan" });
  const key = (f: Flag) => `${f.rule}\u0000${f.path}`;
  flags.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return {
    schema: "gongkai.truth/1",
    file: `${spec.stem}.pdf`,
    report: { agency: spec.agency, year: spec.year, template: "v2021" },
    status: "success",
    values: nest(values),
    blank,
    flags,
    pages_need_ocr: pagesNeedOcr,
  };
}
