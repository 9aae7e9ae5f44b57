// Further sample specs (see samples-specs.ts): blank styles, number formats, broken arithmetic, narrative
// mismatches, an unreadable text layer and the two section 二 warnings.
import type { SampleSpec } from "./samples-truth.js";

const SANS = "Noto Sans CJK SC";
const SERIF = "Noto Serif CJK SC";

export const MORE_SAMPLE_SPECS: SampleSpec[] = [
  {
    stem: "zero-styles-2021",
    agency: "西安市雁塔区市场监督管理局",
    year: 2021,
    exercises:
      "zeros printed as 0, blank, —, /, - and 无 in ruled tables (all but 0 are blank:true); narrative counts correct",
    values: { seed: 707, applications: 40, disputes: 5 },
    print: { seed: 7, zeros: ["0", "", "—", "/", "-", "无"] },
    narrative: { seed: 7, claims: "table" },
    render: { kind: "html", options: { font: SANS, rules: "all", numberAlign: "center", footer: true } },
  },
  {
    stem: "wrapped-labels-2024",
    agency: "青岛市卫生健康委员会",
    year: 2024,
    exercises:
      "narrow label columns: （二）部分公开（区分处理的…） and the （六） rows wrap over 2–3 lines with numbers vertically centred",
    values: { seed: 808, applications: 150, disputes: 8 },
    print: { seed: 8, zeros: ["0"] },
    narrative: { seed: 8, claims: "none" },
    render: {
      kind: "html",
      options: {
        font: SANS,
        rules: "all",
        numberAlign: "center",
        footer: true,
        s3Widths: [0.9, 1.1, 2.2, 1, 1, 1, 1, 1, 1, 1],
      },
    },
  },
  {
    stem: "no-caption-2022",
    agency: "武汉市自然资源和规划局",
    year: 2022,
    exercises: "section 二 without its 第二十条第（五）项 and 第二十条第（八）项 caption rows",
    values: { seed: 909, applications: 220, disputes: 12 },
    print: { seed: 9, zeros: ["0"] },
    narrative: { seed: 9, claims: "table" },
    render: {
      kind: "docx",
      options: { font: SANS, footer: true, omitCaptions: ["第二十条第（五）项", "第二十条第（八）项"] },
    },
  },
  {
    stem: "fullwidth-large-2023",
    agency: "深圳市公安局交通警察局",
    year: 2023,
    exercises:
      'full-width digits in tables 三 and 四 (１２３), thousands separators (行政处罚 2,345,678; 行政许可 "3 119"; s3 totals ≥ 1,000), fee decimal 12.35 万元',
    values: {
      seed: 1010,
      applications: 1400,
      disputes: 30,
      s2: {
        "s2.admin_license.decisions": 3119,
        "s2.admin_penalty.decisions": 2345678,
        "s2.admin_coercion.decisions": 18342,
        "s2.admin_fees.amount_wan": 12.35,
      },
    },
    print: {
      seed: 10,
      zeros: ["0"],
      fullwidth: (path) => path.startsWith("s3.") || path.startsWith("s4."),
      thousands: (path) => (path === "s2.admin_license.decisions" ? " " : ","),
    },
    narrative: { seed: 10, claims: "none" },
    render: {
      kind: "html",
      options: {
        font: SANS,
        rules: "all",
        numberAlign: "right",
        footer: true,
        s3Widths: [1, 1.2, 3, 1.7, 1.1, 1, 1, 1, 1, 1.7],
      },
    },
  },
  {
    stem: "arith-errors-2023",
    agency: "兰州市城关区人民政府",
    year: 2023,
    exercises:
      "published arithmetic errors: （七）总计/总计 printed 0 beside non-zero results; 予以公开/自然人 one too high; 本年新收/商业企业 and its 总计 two too high; 行政复议 总计 one too high",
    values: {
      seed: 1111,
      applications: 90,
      disputes: 7,
      overrides: { "s3.total_processed.total": 0 },
      adjust: {
        "s3.granted.natural": 1,
        "s3.new_received.commercial": 2,
        "s3.new_received.total": 2,
        "s4.review.total": 1,
      },
    },
    print: { seed: 11, zeros: ["0"] },
    narrative: { seed: 11, claims: "none" },
    render: { kind: "docx", options: { font: SANS, footer: true } },
  },
  {
    stem: "narrative-mismatch-2022",
    agency: "昆明市五华区人民政府",
    year: 2022,
    exercises:
      "narrative counts vs tables: 收到申请 and 上年结转 and 行政复议 disagree, 办结, 结转下年度 and 行政诉讼 agree; dates and 发布信息N条 in the same sentences",
    values: { seed: 1212, applications: 36, disputes: 6 },
    print: { seed: 12, zeros: ["0"] },
    narrative: {
      seed: 12,
      claims: (t) => ({
        ...t,
        new_received: (t.new_received ?? 0) - 1,
        carried_over: (t.carried_over ?? 0) + 2,
        review: (t.review ?? 0) + 1,
      }),
    },
    render: { kind: "docx", options: { font: SANS, footer: true } },
  },
  {
    stem: "garbled-font-2023",
    agency: "长沙市岳麓区住房和城乡建设局",
    year: 2023,
    exercises:
      "unusable text layer: the tables' font (Noto Sans CJK) has its ToUnicode CMap rewritten to Private Use Area code points; title and narrative (Noto Serif CJK) stay readable",
    values: { seed: 1313, applications: 70, disputes: 4 },
    print: { seed: 13, zeros: ["0"] },
    narrative: { seed: 13, claims: "none" },
    render: { kind: "docx", options: { font: SERIF, tableFont: SANS, footer: true } },
    garbleFont: /Sans/,
  },
  {
    stem: "county-rules-2024",
    agency: "彭阳县人民政府",
    year: 2024,
    exercises: "county-level issuer reporting 规章 本年制发件数 2 (s2.rules_issuer); otherwise clean",
    values: {
      seed: 1414,
      applications: 25,
      disputes: 2,
      s2: { "s2.rules.made": 2, "s2.rules.repealed": 0, "s2.rules.valid": 5 },
    },
    print: { seed: 14, zeros: ["0"] },
    narrative: { seed: 14, claims: "table" },
    render: { kind: "docx", options: { font: SANS, footer: true } },
  },
  {
    stem: "fee-unit-2022",
    agency: "固原市财政局",
    year: 2022,
    exercises:
      "fee unit: section 六 says 本年度行政事业性收费金额为3500元 while the 万元 cell shows 3500 (s2.fee_unit); three-line tables, blank zeros",
    values: { seed: 1515, applications: 18, disputes: 1, s2: { "s2.admin_fees.amount_wan": 3500 } },
    print: { seed: 15, zeros: ["", "0"] },
    narrative: {
      seed: 15,
      claims: "table",
      other: ["本年度本机关行政事业性收费金额为3500元，已全额上缴国库；依申请公开政府信息未收取信息处理费。"],
    },
    render: { kind: "html", options: { font: SANS, rules: "three-line", numberAlign: "right", footer: true } },
    feeUnitSuspect: true,
  },
];
