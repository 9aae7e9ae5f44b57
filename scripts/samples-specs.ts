// One spec per sample. Values come from a seeded PRNG (samples-values.ts); everything else is stated here.
import { HAIYUAN_DOC } from "./samples-haiyuan.js";
import { CHROMIUM_SAMPLE_SPECS } from "./samples-specs-chromium.js";
import { MORE_SAMPLE_SPECS } from "./samples-specs-more.js";
import type { SampleSpec } from "./samples-truth.js";

export const SANS = "Noto Sans CJK SC";
export const SERIF = "Noto Serif CJK SC";

const ALL_ZERO_S2 = {
  "s2.normative_docs.made": 0,
  "s2.normative_docs.repealed": 0,
  "s2.normative_docs.valid": 0,
  "s2.admin_license.decisions": 0,
  "s2.admin_penalty.decisions": 0,
  "s2.admin_coercion.decisions": 0,
};

const BASE_SAMPLE_SPECS: SampleSpec[] = [
  {
    stem: "ruled-clean-2023",
    agency: "苏州市生态环境局",
    year: 2023,
    exercises:
      "clean baseline: fully ruled official template, every zero printed as 0, narrative states all six counts correctly; no flags at all",
    values: { seed: 101, applications: 48, disputes: 4, s2: { "s2.normative_docs.made": 3 } },
    print: { seed: 1, zeros: ["0"] },
    narrative: { seed: 1, claims: "table" },
    render: { kind: "docx", options: { font: SANS, footer: true } },
  },
  {
    stem: "three-line-2022",
    agency: "成都市武侯区教育局",
    year: 2022,
    exercises:
      "three-line tables (rule above, below the header, below the last row) for all three tables; zeros mostly blank, so columns come from alignment; serif",
    values: { seed: 202, applications: 30, disputes: 3 },
    print: { seed: 2, zeros: ["", "", "0"] },
    narrative: { seed: 2, claims: "none" },
    render: { kind: "html", options: { font: SERIF, rules: "three-line", numberAlign: "center", footer: true } },
  },
  {
    stem: "unruled-2024",
    agency: "广西壮族自治区人民政府",
    year: 2024,
    exercises:
      "no rules at all; right-aligned numbers with blank and — zeros; custom column widths; 规章 made by a provincial government (自治区: no s2.rules_issuer)",
    values: {
      seed: 303,
      applications: 420,
      disputes: 14,
      s2: { "s2.rules.made": 4, "s2.rules.repealed": 1, "s2.rules.valid": 186 },
    },
    print: { seed: 3, zeros: ["", "—", "0"] },
    narrative: { seed: 3, claims: "table" },
    render: {
      kind: "html",
      options: { font: SANS, rules: "none", numberAlign: "right", s3Widths: [1.2, 1.4, 5, 1, 1, 1, 1, 1.1, 1, 1.1] },
    },
  },
  {
    stem: "vertical-merged-2022",
    agency: "南京市司法局",
    year: 2022,
    exercises:
      "merged cells with vertical text: 三、本年度办理结果 one character per line, （三）不/予公开 style group labels, header words broken (结果/维持, 法律服/务机构); serif",
    values: { seed: 404, applications: 64, disputes: 6 },
    print: { seed: 4, zeros: ["0"] },
    narrative: { seed: 4, claims: "table" },
    render: {
      kind: "docx",
      options: {
        font: SERIF,
        footer: true,
        labelBreaks: {
          "三、本年度办理结果": [..."三、本年度办理结果"].join("\n"),
          "（三）不予公开": "（三）不\n予公开",
          "（四）无法提供": "（四）无\n法提供",
          "（五）不予处理": "（五）不\n予处理",
          "（六）其他处理": "（六）其\n他处理",
          结果维持: "结果\n维持",
          结果纠正: "结果\n纠正",
          法律服务机构: "法律服\n务机构",
        },
      },
    },
  },
  {
    stem: "page-split-2023",
    agency: "合肥市庐阳区人民政府",
    year: 2023,
    exercises:
      'table 三 split over two pages with "- N -" footers between; row （六）2 has its wrapped label at the foot of one page and its numbers at the top of the next; narrow label column wraps long labels over 2–3 lines',
    values: { seed: 505, applications: 120, disputes: 5 },
    print: { seed: 5, zeros: ["0"] },
    narrative: { seed: 5, claims: "table" },
    render: {
      kind: "docx",
      options: {
        font: SANS,
        footer: true,
        s3Grid: [560, 760, 1800, 946, 946, 946, 946, 946, 946, 946],
        sinkNumbers: { row: "other_fee_unpaid", lines: 4 },
      },
    },
    splitRow: "other_fee_unpaid",
  },
  {
    stem: "haiyuan-2021",
    agency: "海原县工业信息化和商务局",
    year: 2021,
    exercises:
      'the reference report text (seed-report-haiyuan-2021.txt) with all-zero tables; section 二 starts without its 第二十条第（一）项 caption as in the source; narrative "全年共收到依申请公开 0 件" agrees',
    values: { seed: 606, applications: 0, disputes: 0, s2: ALL_ZERO_S2 },
    print: { seed: 6, zeros: ["0"] },
    narrative: { seed: 6, claims: (t) => ({ new_received: t.new_received ?? 0 }) },
    render: { kind: "docx", options: { font: SERIF, footer: true, omitCaptions: ["第二十条第（一）项"] } },
    customDoc: () => HAIYUAN_DOC,
  },
];

export const SAMPLE_SPECS: SampleSpec[] = [...BASE_SAMPLE_SPECS, ...MORE_SAMPLE_SPECS, ...CHROMIUM_SAMPLE_SPECS];
