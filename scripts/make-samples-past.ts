// Generates the issue-6 samples in samples/: reports on the 2019 trial layout (PDF and HTML, one GBK-encoded,
// one printed in 2022), pre-2019 legacy reports (narrative only; with a 统计表), a v2021 report nested in a
// portal's layout tables, and two v2021 .docx files (the official template filled). Writes each sample, its
// <stem>.truth.json, and the "Past reports and other formats" section of samples/README.md.
// Run: npx tsx scripts/make-samples-past.ts [stem…]   (PDFs need LibreOffice, like scripts/make-samples.ts)
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { type DocxOptions, renderDocx } from "./samples-docx.js";
import { type HtmlOptions, renderHtml, s2Rows, tableHtml } from "./samples-html.js";
import type { Values } from "./samples-model.js";
import { buildNarrative, type NarrativeSpec, type ReportDoc } from "./samples-narrative.js";
import { encodeGbk, pageHtml, portalHtml, statTable, v2019Tables } from "./samples-past-html.js";
import { LEGACY_KEYS, LEGACY_SAMPLES, type LegacySample } from "./samples-past-legacy.js";
import { nestPaths, type PastTruth, printV2019, sortFlags, toV2019Values, truthV2019 } from "./samples-past-model.js";
import { convertToPdf, WORK_DIR } from "./samples-pdf.js";
import { blankPaths, isBlankText, type PrintSpec, printValues } from "./samples-print.js";
import { buildTruth, type SampleSpec } from "./samples-truth.js";
import { makeValues, type ValueSpec } from "./samples-values.js";

const ROOT = join(import.meta.dirname, "..");
const SAMPLES = join(ROOT, "samples");
const TEMPLATE = join(SAMPLES, "source", "template-2021-blank.docx");
const SANS = "Noto Sans CJK SC";
const SERIF = "Noto Serif CJK SC";

interface Made {
  stem: string;
  file: string;
  agency: string;
  year: number;
  exercises: string;
  madeWith: string;
  truth: PastTruth;
}

const write = (truth: PastTruth, stem: string) =>
  writeFileSync(join(SAMPLES, `${stem}.truth.json`), `${JSON.stringify(truth, null, 2)}\n`);

/** The 2019 trial format's own preface (国办公开办函〔2019〕60号). */
function as2019(doc: ReportDoc): ReportDoc {
  return { ...doc, preface: doc.preface.map((p) => p.replace("国办公开办函〔2021〕30号", "国办公开办函〔2019〕60号")) };
}

interface V2019Spec {
  stem: string;
  agency: string;
  year: number;
  exercises: string;
  values: ValueSpec;
  s2?: Record<string, number>;
  print: { seed: number; zeros: readonly string[]; delta: "sign" | "words"; amount: "yuan" | "wan" };
  narrative: NarrativeSpec;
  html: HtmlOptions;
  format: "pdf" | "html" | "html-gbk" | "docx";
}

const V2019_SPECS: V2019Spec[] = [
  {
    stem: "v2019-ruled-2020",
    agency: "常州市武进区卫生健康局",
    year: 2020,
    exercises:
      "2019 trial layout, fully ruled: s2v19 tables (本年新制作数量 …, 上一年项目数量 / 本年增/减 “+3” “-2”, 采购总金额 in 元 “251000元” → 万元), single （六）其他处理 row; narrative counts agree",
    values: { seed: 601, applications: 40, disputes: 3 },
    s2: { "s2v19.procurement.amount_wan": 25.1 },
    print: { seed: 61, zeros: ["0"], delta: "sign", amount: "yuan" },
    narrative: { seed: 61, claims: "table" },
    html: { font: SANS, rules: "all", numberAlign: "center" },
    format: "pdf",
  },
  {
    stem: "v2019-mismatch-2022",
    agency: "佛山市南海区人民政府",
    year: 2022,
    exercises:
      "a 2022 report that still prints the 2019 layout: mapped as v2019 (s2v19 keys, other_processing) with template.version_mismatch; 规章 新制作 by a district (s2.rules_issuer); serif",
    values: { seed: 602, applications: 120, disputes: 6 },
    s2: { "s2v19.rules.new_made": 1, "s2v19.rules.new_published": 1, "s2v19.rules.total_published": 5 },
    print: { seed: 62, zeros: ["0"], delta: "sign", amount: "wan" },
    narrative: { seed: 62, claims: "table" },
    html: { font: SERIF, rules: "all", numberAlign: "right" },
    format: "pdf",
  },
  {
    stem: "v2019-unruled-2020",
    agency: "衡阳市雁峰区财政局",
    year: 2020,
    exercises:
      "2019 layout with no table rules at all, right-aligned numbers, some zeros blank: section 二 columns from the 2019 header words (本年新制作数量 …, 上一年项目数量 / 本年增/减 / 处理决定数量, 采购项目数量 / 采购总金额)",
    values: { seed: 605, applications: 90, disputes: 5 },
    print: { seed: 65, zeros: ["0", ""], delta: "sign", amount: "wan" },
    narrative: { seed: 65, claims: "table" },
    html: { font: SANS, rules: "none", numberAlign: "right" },
    format: "pdf",
  },
  {
    stem: "v2019-docx-2020",
    agency: "连云港市海州区应急管理局",
    year: 2020,
    exercises:
      "2019 layout as a .docx written by LibreOffice (another Word writer: rowspans become w:vMerge runs, colspans w:gridSpan); 本年增/减 “减少2”, 采购总金额 in 元",
    values: { seed: 606, applications: 18, disputes: 1 },
    print: { seed: 66, zeros: ["0"], delta: "words", amount: "yuan" },
    narrative: { seed: 66, claims: "table" },
    html: { font: SANS, rules: "all", numberAlign: "center" },
    format: "docx",
  },
  {
    stem: "v2019-html-2019",
    agency: "绍兴市越城区司法局",
    year: 2019,
    exercises:
      "2019 layout as a UTF-8 HTML page (read from the DOM, rowspan/colspan expanded): 本年增/减 printed “增加3” / “减少2”, zeros blank or —, amount in 万元",
    values: { seed: 603, applications: 25, disputes: 2 },
    print: { seed: 63, zeros: ["", "—", "0"], delta: "words", amount: "wan" },
    narrative: { seed: 63, claims: "table" },
    html: { font: SANS, rules: "all", numberAlign: "center" },
    format: "html",
  },
  {
    stem: "v2019-gbk-2020",
    agency: "株洲市芦淞区人民政府办公室",
    year: 2020,
    exercises:
      "2019 layout as a GBK-encoded HTML page declared by `<meta http-equiv … charset=gb2312>`; 采购总金额 “96300元”; narrative states 上年结转 one too high (text.carried_over)",
    values: { seed: 604, applications: 60, disputes: 4 },
    s2: { "s2v19.procurement.amount_wan": 9.63 },
    print: { seed: 64, zeros: ["0", "0", "/"], delta: "sign", amount: "yuan" },
    narrative: { seed: 64, claims: (t) => ({ ...t, carried_over: (t.carried_over ?? 0) + 1 }) },
    html: { font: SANS, rules: "all", numberAlign: "center" },
    format: "html-gbk",
  },
];

function makeV2019(spec: V2019Spec): Made {
  const values: Values = toV2019Values(makeValues(spec.values), spec.values.seed, spec.s2);
  const printed = printV2019(values, spec.print);
  const built = buildNarrative(spec.agency, spec.year, values, spec.narrative);
  const doc = as2019(built.doc);
  const tables = v2019Tables(printed, spec.html);
  const gbk = spec.format === "html-gbk";
  const html = pageHtml(doc, tables, spec.html, { charset: gbk ? "http-equiv-gb2312" : "utf-8" });
  let file: string;
  if (spec.format === "pdf") {
    file = `${spec.stem}.pdf`;
    const input = join(WORK_DIR, `${spec.stem}.html`);
    writeFileSync(input, html);
    convertToPdf(input, join(SAMPLES, file));
  } else if (spec.format === "docx") {
    file = `${spec.stem}.docx`;
    const input = join(WORK_DIR, `${spec.stem}.html`);
    writeFileSync(input, html);
    convertToDocx(input, join(SAMPLES, file));
  } else {
    file = `${spec.stem}.html`;
    writeFileSync(join(SAMPLES, file), gbk ? encodeGbk(html) : html);
  }
  const how =
    spec.format === "pdf"
      ? `HTML → LibreOffice PDF, ${spec.html.font}; rules: ${spec.html.rules}`
      : spec.format === "docx"
        ? "HTML → LibreOffice .docx (MS Word 2007 XML)"
        : `HTML page${gbk ? " (GBK bytes, gb2312 declared)" : " (UTF-8)"}, read directly`;
  return {
    stem: spec.stem,
    file,
    agency: spec.agency,
    year: spec.year,
    exercises: spec.exercises,
    madeWith: how,
    truth: truthV2019(file, spec.agency, spec.year, values, printed, built.claims),
  };
}

interface V2021Spec {
  stem: string;
  agency: string;
  year: number;
  exercises: string;
  values: ValueSpec;
  print: PrintSpec;
  narrative: NarrativeSpec;
  render: { kind: "docx"; options: DocxOptions } | { kind: "portal" };
}

const V2021_SPECS: V2021Spec[] = [
  {
    stem: "docx-official-2022",
    agency: "嘉兴市南湖区人民政府",
    year: 2022,
    exercises:
      "v2021 report as a .docx (the official blank template filled): tables from word/document.xml with w:gridSpan and w:vMerge, paragraphs by index; zeros 0 or blank",
    values: { seed: 701, applications: 64, disputes: 5 },
    print: { seed: 71, zeros: ["0", "0", ""] },
    narrative: { seed: 71, claims: "table" },
    render: { kind: "docx", options: { font: SANS } },
  },
  {
    stem: "docx-captions-2023",
    agency: "泉州市丰泽区市场监督管理局",
    year: 2023,
    exercises:
      "v2021 .docx with section 二 caption rows deleted and forced line breaks (w:br) inside group labels (“（三）不/予公开”); narrative 办结 count one too low (text.processed)",
    values: { seed: 702, applications: 33, disputes: 2 },
    print: { seed: 72, zeros: ["0"] },
    narrative: { seed: 72, claims: (t) => ({ ...t, processed: (t.processed ?? 0) - 1 }) },
    render: {
      kind: "docx",
      options: {
        font: SERIF,
        omitCaptions: ["第二十条第（五）项", "第二十条第（八）项"],
        labelBreaks: { "（三）不予公开": "（三）不\n予公开", "（四）无法提供": "（四）无\n法提供" },
      },
    },
  },
  {
    stem: "html-nested-2023",
    agency: "烟台市芝罘区住房和城乡建设局",
    year: 2023,
    exercises:
      "v2021 report saved from a government portal: the three data tables nested inside layout tables (banner, navigation column, article cell), breadcrumb and site footer around the report, page <title> with the portal suffix",
    values: { seed: 703, applications: 52, disputes: 3 },
    print: { seed: 73, zeros: ["0", ""] },
    narrative: { seed: 73, claims: "table" },
    render: { kind: "portal" },
  },
];

function makeV2021(spec: V2021Spec): Made {
  const values = makeValues(spec.values);
  const printed = printValues(values, spec.print);
  const built = buildNarrative(spec.agency, spec.year, values, spec.narrative);
  const html: HtmlOptions = { font: SANS, rules: "all", numberAlign: "center" };
  const sampleSpec: SampleSpec = {
    stem: spec.stem,
    agency: spec.agency,
    year: spec.year,
    exercises: spec.exercises,
    values: spec.values,
    print: spec.print,
    narrative: spec.narrative,
    render: spec.render.kind === "docx" ? spec.render : { kind: "html", options: html },
  };
  let file: string;
  let how: string;
  if (spec.render.kind === "docx") {
    file = `${spec.stem}.docx`;
    writeFileSync(join(SAMPLES, file), renderDocx(readFileSync(TEMPLATE), built.doc, printed, spec.render.options));
    how = `official .docx filled, ${spec.render.options.font}${spec.render.options.omitCaptions ? "; caption row(s) deleted" : ""}${spec.render.options.labelBreaks ? "; forced line breaks in labels" : ""}`;
  } else {
    file = `${spec.stem}.html`;
    writeFileSync(join(SAMPLES, file), portalHtml(renderHtml(built.doc, printed, html), "烟台市芝罘区人民政府"));
    how = "HTML portal page (UTF-8), report inside layout tables";
  }
  const truth = buildTruth(sampleSpec, values, blankPaths(values, printed), built.claims, []);
  return {
    stem: spec.stem,
    file,
    agency: spec.agency,
    year: spec.year,
    exercises: spec.exercises,
    madeWith: how,
    truth: { ...truth, file },
  };
}

function makeLegacy(sample: LegacySample): Made {
  const o: HtmlOptions = { font: SANS, rules: "all", numberAlign: "center" };
  const tables: Record<string, string> = sample.stat ? { s2: statTable(sample.stat, o) } : {};
  const html = pageHtml(sample.doc, tables, o, { charset: "utf-8" });
  const file = `${sample.stem}.${sample.format}`;
  if (sample.format === "pdf") {
    const input = join(WORK_DIR, `${sample.stem}.html`);
    writeFileSync(input, html);
    convertToPdf(input, join(SAMPLES, file));
  } else writeFileSync(join(SAMPLES, file), html);
  const paths = [
    ...LEGACY_KEYS.map((k) => `legacy.${k.key}`),
    ...LEGACY_KEYS.flatMap((k) => (k.v2021 ? [k.v2021] : [])),
  ];
  const byPath = new Map<string, number | null>();
  for (const k of LEGACY_KEYS) {
    const value = sample.facts[k.key] ?? null;
    byPath.set(`legacy.${k.key}`, value);
    if (k.v2021) byPath.set(k.v2021, value);
  }
  return {
    stem: sample.stem,
    file,
    agency: sample.agency,
    year: sample.year,
    exercises: sample.exercises,
    madeWith: sample.format === "pdf" ? `HTML → LibreOffice PDF, ${SANS}` : "HTML page (UTF-8), read directly",
    truth: {
      schema: "gongkai.truth/1",
      file,
      report: { agency: sample.agency, year: sample.year, template: "legacy" },
      status: "success",
      values: nestPaths(paths, (p) => byPath.get(p) ?? null),
      blank: [],
      flags: [],
      pages_need_ocr: [],
    },
  };
}

/**
 * A 2024 report on the 2021 template that still prints the 2019 single （六）其他处理 row in section 三 (such
 * mixed reports are real): section 二 under `s2`, section 三 with `other_processing` as printed.
 */
function makeMixed(): Made {
  const stem = "mixed-s3-2019-row-2024";
  const agency = "宜昌市西陵区人民政府";
  const year = 2024;
  const v2021Values = makeValues({ seed: 801, applications: 70, disputes: 4 });
  const values = { ...toV2019Values(v2021Values, 801), ...pick(v2021Values, "s2.") };
  const printed = {
    ...printV2019(values, { seed: 81, zeros: ["0"], delta: "sign", amount: "wan" }),
    ...pick(printValues(v2021Values, { seed: 81, zeros: ["0"] }), "s2."),
  };
  const built = buildNarrative(agency, year, values, { seed: 81, claims: "table" });
  const o: HtmlOptions = { font: SANS, rules: "all", numberAlign: "center" };
  const tables = { ...v2019Tables(printed, o), s2: tableHtml(s2Rows(printed, []), 2, [3, 2, 2, 2], o) };
  const file = `${stem}.pdf`;
  const input = join(WORK_DIR, `${stem}.html`);
  writeFileSync(input, pageHtml(built.doc, tables, o, { charset: "utf-8" }));
  convertToPdf(input, join(SAMPLES, file));
  const base = truthV2019(file, agency, year, values, printed, built.claims);
  const s2Paths = Object.keys(values).filter((p) => p.startsWith("s2."));
  const s2Blank = s2Paths.filter((p) => values[p] === 0 && isBlankText(printed[p] ?? ""));
  const { s2v19: _s2v19, ...rest } = base.values;
  const truth: PastTruth = {
    ...base,
    report: { agency, year, template: "v2021" },
    values: { ...nestPaths(s2Paths, (p) => values[p] ?? null), ...rest },
    blank: [...base.blank.filter((p) => !p.startsWith("s2v19.")), ...s2Blank].sort(),
    flags: sortFlags([
      ...base.flags.filter((f) => !f.path.startsWith("s2v19.")),
      ...s2Blank.map((path) => ({ rule: "cell.blank", path })),
    ]),
  };
  return {
    stem,
    file,
    agency,
    year,
    exercises:
      "mixed layout: the 2021 section 二 with the 2019 single （六）其他处理 row in section 三 — s2 keys, other_processing as printed (no other_* rows), s3.results_total over 18 rows + other_processing, template.version_mismatch",
    madeWith: `HTML → LibreOffice PDF, ${SANS}; rules: all`,
    truth,
  };
}

function pick<T>(record: Record<string, T>, prefix: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k.startsWith(prefix)));
}

/** Converts an HTML file to .docx with LibreOffice (a second Word writer besides the filled official template). */
function convertToDocx(input: string, docxPath: string): void {
  const outDir = join(WORK_DIR, "out-docx");
  mkdirSync(outDir, { recursive: true });
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${WORK_DIR}/lo-profile`,
      "--headless",
      "--infilter=HTML (StarWriter)",
      "--convert-to",
      "docx:MS Word 2007 XML",
      "--outdir",
      outDir,
      input,
    ],
    { stdio: "pipe", timeout: 120_000 },
  );
  copyFileSync(join(outDir, `${basename(input, ".html")}.docx`), docxPath);
}

const README_START = "<!-- past-samples:start -->";
const README_END = "<!-- past-samples:end -->";

function writeReadmeSection(made: readonly Made[]): void {
  const path = join(SAMPLES, "README.md");
  const current = readFileSync(path, "utf8");
  const rows = made.map((m) => {
    const rules = [...new Set(m.truth.flags.map((f) => f.rule))].join(", ");
    return `| \`${m.file}\` | ${m.agency} ${m.year} | ${m.truth.report.template} | ${m.exercises.replaceAll("|", "\\|")} | ${m.madeWith} | ${m.truth.status} | ${m.truth.flags.length}${rules === "" ? "" : ` (${rules})`} |`;
  });
  const section = `${README_START}
## Past reports and other formats

Generated by \`npx tsx scripts/make-samples-past.ts\` (issue 6): the 2019 trial layout, pre-2019 (legacy) reports,
HTML pages and .docx files. Their truth files have the same schema; \`report.template\` says which template the
sample follows, and \`file\` names the input with its extension. Legacy truth files list every \`legacy.*\` key
(null where the report does not state it) and the 2021 keys that share a meaning.

| file | agency, year | template | exercises | made with | status | expected flags |
|---|---|---|---|---|---|---|
${rows.join("\n")}
${README_END}`;
  const start = current.indexOf(README_START);
  const end = current.indexOf(README_END);
  const next =
    start >= 0 && end > start
      ? `${current.slice(0, start)}${section}${current.slice(end + README_END.length)}`
      : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, next);
}

function main(): void {
  const only = process.argv.slice(2);
  mkdirSync(WORK_DIR, { recursive: true });
  const want = (stem: string) => only.length === 0 || only.includes(stem);
  const made: Made[] = [];
  for (const spec of V2019_SPECS) if (want(spec.stem)) made.push(makeV2019(spec));
  for (const sample of LEGACY_SAMPLES) if (want(sample.stem)) made.push(makeLegacy(sample));
  for (const spec of V2021_SPECS) if (want(spec.stem)) made.push(makeV2021(spec));
  if (want("mixed-s3-2019-row-2024")) made.push(makeMixed());
  for (const m of made) {
    write(m.truth, m.stem);
    console.log(`${m.file}: ${m.truth.report.template}, ${m.truth.status}, ${m.truth.flags.length} flags`);
  }
  if (only.length === 0) writeReadmeSection(made);
}

main();
