/**
 * Writes tests/fixtures/cross-year: consecutive-year report pairs of one agency where the cross-report rules
 * (SPEC §4 `cross.*`) hold and where each breaks, laid out like the samples (the official .docx template via
 * LibreOffice), and `expected.json`: the cross-report flags these values must give, computed here from the
 * values, independently of gongkai. Run: `npx tsx scripts/make-cross-year-fixtures.ts` (needs soffice).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderDocx } from "./samples-docx.js";
import { get, S3_APPLICANT_COLUMNS, S3_COLUMNS, type Values } from "./samples-model.js";
import { buildNarrative } from "./samples-narrative.js";
import { convertToPdf, WORK_DIR } from "./samples-pdf.js";
import { printValues } from "./samples-print.js";
import { SANS } from "./samples-specs.js";
import { fillRowTotals, makeValues, type ValueSpec } from "./samples-values.js";

const ROOT = join(import.meta.dirname, "..");
const OUT = join(ROOT, "tests/fixtures/cross-year");
const TEMPLATE = join(ROOT, "samples", "source", "template-2021-blank.docx");

interface Report {
  /** Folder and file: `<folder>/<year>.pdf`. */
  readonly folder: string;
  readonly agency: string;
  readonly year: number;
  readonly values: Values;
}

interface Pair {
  readonly folder: string;
  /** What the pair shows (README). */
  readonly about: string;
  /** The agency both reports normalise to; null when the two are different agencies (no flags). */
  readonly agency: string | null;
  readonly earlier: Report;
  readonly later: Report;
}

const base = (seed: number): ValueSpec => ({
  seed,
  applications: 60,
  disputes: 4,
  s2: { "s2.normative_docs.made": 4, "s2.normative_docs.repealed": 1 },
});

/**
 * The later year's values, consistent with the earlier year's: 上年结转 = last year's 结转下年度 per column,
 * 现行有效 = last year's + 制发 − 废止; 本年新收 is redrawn so each column still balances.
 */
function follow(earlier: Values, spec: ValueSpec): Values {
  const v = makeValues(spec);
  for (const c of S3_APPLICANT_COLUMNS) {
    v[`s3.carried_over.${c}`] = get(earlier, `s3.carried_forward.${c}`);
    rebalance(v, c);
  }
  fillRowTotals(v);
  for (const item of ["rules", "normative_docs"]) {
    v[`s2.${item}.valid`] =
      get(earlier, `s2.${item}.valid`) + get(v, `s2.${item}.made`) - get(v, `s2.${item}.repealed`);
  }
  return v;
}

/** new_received = total_processed + carried_forward − carried_over (the in-report balance), granted topped up if short. */
function rebalance(v: Values, c: string): void {
  let received = get(v, `s3.total_processed.${c}`) + get(v, `s3.carried_forward.${c}`) - get(v, `s3.carried_over.${c}`);
  if (received < 0) {
    v[`s3.granted.${c}`] = get(v, `s3.granted.${c}`) - received;
    v[`s3.total_processed.${c}`] = get(v, `s3.total_processed.${c}`) - received;
    received = 0;
  }
  v[`s3.new_received.${c}`] = received;
}

function pairs(): Pair[] {
  const holdsEarlier = makeValues(base(7101));
  const carryEarlier = makeValues(base(7201));
  const carryLater = follow(carryEarlier, base(7202));
  // The later report misstates one column's 上年结转 (and its 本年新收, so its own table still balances).
  carryLater["s3.carried_over.natural"] = get(carryEarlier, "s3.carried_forward.natural") + 3;
  rebalance(carryLater, "natural");
  fillRowTotals(carryLater);
  const validEarlier = makeValues(base(7301));
  const validLater = follow(validEarlier, base(7302));
  validLater["s2.normative_docs.valid"] = get(validLater, "s2.normative_docs.valid") + 5;
  const dupEarlier = follow(makeValues(base(7400)), base(7401));
  const gulouEarlier = makeValues(base(7501));
  const gulouLater = makeValues(base(7502));
  return [
    {
      folder: "holds",
      about: "both rules hold; the agency is printed with and without its city (淮安市洪泽区人民政府 = 洪泽区人民政府)",
      agency: "淮安市洪泽区人民政府",
      earlier: { folder: "holds", agency: "淮安市洪泽区人民政府", year: 2022, values: holdsEarlier },
      later: { folder: "holds", agency: "洪泽区人民政府", year: 2023, values: follow(holdsEarlier, base(7102)) },
    },
    {
      folder: "carry-over",
      about: "the 2023 report's 上年结转 (自然人) is 3 more than the 2022 report's 结转下年度: cross.carry_over",
      agency: "苏州市吴中区教育局",
      earlier: { folder: "carry-over", agency: "苏州市吴中区教育局", year: 2022, values: carryEarlier },
      later: { folder: "carry-over", agency: "苏州市吴中区教育局", year: 2023, values: carryLater },
    },
    {
      folder: "valid-docs",
      about:
        "2023's 行政规范性文件 现行有效 is 5 more than 2022's + 制发 − 废止: cross.valid_docs; province printed once",
      agency: "南通市司法局",
      earlier: { folder: "valid-docs", agency: "江苏省南通市司法局", year: 2022, values: validEarlier },
      later: { folder: "valid-docs", agency: "南通市司法局", year: 2023, values: validLater },
    },
    {
      folder: "duplicate",
      about:
        "the 2022 report reprints the 2021 tables unchanged: cross.duplicate (and the carry-over and valid counts break)",
      agency: "固原市财政局",
      earlier: { folder: "duplicate", agency: "固原市财政局", year: 2021, values: dupEarlier },
      later: { folder: "duplicate", agency: "固原市财政局", year: 2022, values: { ...dupEarlier } },
    },
    {
      folder: "different-agencies",
      about: "南京市鼓楼区 2022 and 福州市鼓楼区 2023: same district name, different agencies, never compared",
      agency: null,
      earlier: { folder: "different-agencies", agency: "南京市鼓楼区人民政府", year: 2022, values: gulouEarlier },
      later: { folder: "different-agencies", agency: "福州市鼓楼区人民政府", year: 2023, values: gulouLater },
    },
  ];
}

interface ExpectedFlag {
  rule: string;
  agency: string;
  years: number[];
  path: string;
  files: string[];
  expected: number | null;
  actual: number | null;
}

/** The flags SPEC §4 asks for, from the values (independent of src/). */
function expectedFlags(pair: Pair): ExpectedFlag[] {
  if (pair.agency === null) return [];
  const { earlier: e, later: l } = pair;
  const files = [`${e.folder}/${e.year}.json`, `${l.folder}/${l.year}.json`];
  const flag = (rule: string, path: string, expected: number | null, actual: number | null): ExpectedFlag => ({
    rule,
    agency: pair.agency ?? "",
    years: [e.year, l.year],
    path,
    files,
    expected,
    actual,
  });
  const flags: ExpectedFlag[] = [];
  const paths = Object.keys(e.values).sort();
  const same = paths.every((p) => e.values[p] === l.values[p]);
  const nonZero = paths.filter((p) => (e.values[p] ?? 0) !== 0).length;
  if (l.year === e.year + 1) {
    for (const c of S3_COLUMNS) {
      const expected = get(e.values, `s3.carried_forward.${c}`);
      const actual = get(l.values, `s3.carried_over.${c}`);
      if (expected !== actual) flags.push(flag("cross.carry_over", `s3.carried_over.${c}`, expected, actual));
    }
    for (const item of ["rules", "normative_docs"]) {
      const expected =
        get(e.values, `s2.${item}.valid`) + get(l.values, `s2.${item}.made`) - get(l.values, `s2.${item}.repealed`);
      const actual = get(l.values, `s2.${item}.valid`);
      if (expected !== actual) flags.push(flag("cross.valid_docs", `s2.${item}.valid`, expected, actual));
    }
  }
  if (same && nonZero >= 3) flags.push(flag("cross.duplicate", "values", null, null));
  return flags;
}

function render(report: Report, seed: number): void {
  const printed = printValues(report.values, { seed, zeros: ["0"] });
  const { doc } = buildNarrative(report.agency, report.year, report.values, { seed, claims: "table" });
  const docx = join(WORK_DIR, `${report.folder}-${report.year}.docx`);
  writeFileSync(docx, renderDocx(readFileSync(TEMPLATE), doc, printed, { font: SANS, footer: true }));
  mkdirSync(join(OUT, report.folder), { recursive: true });
  convertToPdf(docx, join(OUT, report.folder, `${report.year}.pdf`));
}

function main(): void {
  rmSync(WORK_DIR, { recursive: true, force: true });
  mkdirSync(WORK_DIR, { recursive: true });
  const all = pairs();
  let seed = 1;
  for (const pair of all) {
    render(pair.earlier, seed++);
    render(pair.later, seed++);
    console.log(`${pair.folder}: ${expectedFlags(pair).length} expected flag(s)`);
  }
  const expected = {
    about: "Cross-report flags the fixtures must give (tests/stages/cross/cross-year.test.ts)",
    reports: all.length * 2,
    pairs: all.map((p) => ({ folder: p.folder, about: p.about, agency: p.agency })),
    flags: all.flatMap(expectedFlags),
  };
  writeFileSync(join(OUT, "expected.json"), `${JSON.stringify(expected, null, 2)}\n`);
}

main();
