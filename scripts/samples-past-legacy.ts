// The legacy (2008–2018) samples: reports with no national table, facts in the narrative and, for two of
// them, a 政府信息公开情况统计表. Each fact's truth is the number the document prints for it.
import type { ReportDoc } from "./samples-narrative.js";
import type { StatRow } from "./samples-past-html.js";

/** Every legacy key (src/templates/legacy/keys.ts) and its 2021 equivalent, for the truth files. */
export const LEGACY_KEYS: readonly { key: string; v2021?: string }[] = [
  { key: "active.published" },
  { key: "active.normative_docs" },
  { key: "applications.received", v2021: "s3.new_received.total" },
  { key: "applications.completed" },
  { key: "answers.already_public" },
  { key: "answers.granted", v2021: "s3.granted.total" },
  { key: "answers.partial", v2021: "s3.partial.total" },
  { key: "answers.denied" },
  { key: "denial_reasons.state_secret", v2021: "s3.deny_state_secret.total" },
  { key: "denial_reasons.commercial_secret" },
  { key: "denial_reasons.privacy" },
  { key: "denial_reasons.security_stability", v2021: "s3.deny_three_security.total" },
  { key: "denial_reasons.not_gov_info" },
  { key: "denial_reasons.other_law" },
  { key: "answers.not_this_agency" },
  { key: "answers.not_exist" },
  { key: "answers.supplement" },
  { key: "answers.other_channel" },
  { key: "review.total", v2021: "s4.review.total" },
  { key: "review.upheld", v2021: "s4.review.upheld" },
  { key: "review.corrected", v2021: "s4.review.corrected" },
  { key: "review.other" },
  { key: "litigation.total" },
  { key: "litigation.upheld" },
  { key: "litigation.corrected" },
  { key: "litigation.other" },
  { key: "complaints.total" },
  { key: "fees.amount_wan" },
];

export type LegacyFacts = Partial<Record<string, number>>;

export interface LegacySample {
  stem: string;
  agency: string;
  year: number;
  exercises: string;
  doc: ReportDoc;
  /** Rows of the 统计表 printed in section 二 … 七's place, if any. */
  stat?: StatRow[];
  /** The facts as printed (table first, then narrative), keyed by legacy key. */
  facts: LegacyFacts;
  format: "pdf" | "html";
}

const heading = (text: string, paragraphs: string[], table?: "s2" | "s3" | "s4") => ({
  heading: text,
  paragraphs,
  ...(table ? { table } : {}),
});

/** Narrative only: every fact stated in sentences, numbers with thousands separators and 元 fees. */
const narrativeOnly: LegacySample = {
  stem: "legacy-narrative-2012",
  agency: "永登县人民政府办公室",
  year: 2012,
  exercises:
    "legacy narrative-only report (no table): facts from sentences — 主动公开 1,236 条, 受理申请, 同意/部分/不同意公开 with reasons, 复议/诉讼 counts, fees 360元 → 0.036 万元, 未收到举报投诉 = 0",
  format: "pdf",
  doc: {
    title: "永登县人民政府办公室2012年政府信息公开工作年度报告",
    preface: [
      "本报告根据《中华人民共和国政府信息公开条例》要求编制，全文包括概述、主动公开政府信息情况、依申请公开政府信息情况、政府信息公开的收费及减免情况、因政府信息公开申请行政复议和提起行政诉讼的情况、存在的主要问题和改进措施。",
    ],
    sections: [
      heading("一、概述", ["2012年，我县认真贯彻落实《中华人民共和国政府信息公开条例》，健全工作机制，规范公开程序。"]),
      heading("二、主动公开政府信息情况", [
        "2012年，我县共主动公开政府信息1,236条，其中规范性文件18件。公开的主要渠道是县政府门户网站和政务公开栏。",
      ]),
      heading("三、依申请公开政府信息情况", [
        "全年共受理政府信息公开申请46件，其中当面申请12件、网络申请30件、信函申请4件。",
        "已办结46件，其中同意公开31件，同意部分公开6件，不同意公开5件，信息不存在4件。不同意公开的5件中，涉及国家秘密2件，涉及个人隐私3件。",
      ]),
      heading("四、政府信息公开的收费及减免情况", ["全年共收取检索、复制、邮寄等费用360元，未减免收费。"]),
      heading("五、因政府信息公开申请行政复议、提起行政诉讼的情况", [
        "全年发生因政府信息公开申请行政复议1件、提起行政诉讼1件。未收到有关政府信息公开的举报投诉。",
      ]),
      heading("六、存在的主要问题和改进措施", ["公开内容的全面性和及时性有待提高。下一步，我县将进一步完善工作制度。"]),
    ],
  },
  facts: {
    "active.published": 1236,
    "active.normative_docs": 18,
    "applications.received": 46,
    "applications.completed": 46,
    "answers.granted": 31,
    "answers.partial": 6,
    "answers.denied": 5,
    "answers.not_exist": 4,
    "denial_reasons.state_secret": 2,
    "denial_reasons.privacy": 3,
    "fees.amount_wan": 0.036,
    "review.total": 1,
    "litigation.total": 1,
    "complaints.total": 0,
  },
};

/** The full 2016-style 政府信息公开情况统计表 with its values. */
function fullStat(v: Record<string, number>): { rows: StatRow[]; facts: LegacyFacts } {
  const rows: StatRow[] = [];
  const facts: LegacyFacts = {};
  const row = (label: string, unit: string, key?: string, value?: number) => {
    rows.push({ label, unit, value: value === undefined ? "—" : String(value) });
    if (key !== undefined && value !== undefined) facts[key] = value;
  };
  const g = (k: string) => v[k] ?? 0;
  row("一、主动公开情况", "—");
  row("（一）主动公开政府信息数", "条", "active.published", g("active.published"));
  row("其中：主动公开规范性文件数", "条", "active.normative_docs", g("active.normative_docs"));
  row("三、依申请公开情况", "—");
  row("（一）收到申请数", "件", "applications.received", g("applications.received"));
  row("1.当面申请数", "件", undefined, 20);
  row("2.网络申请数", "件", undefined, g("applications.received") - 20);
  row("（二）申请办结数", "件", "applications.completed", g("applications.completed"));
  row("1.按时办结数", "件", undefined, g("applications.completed") - 3);
  row("2.延期办结数", "件", undefined, 3);
  row("（三）申请答复数", "件", undefined, g("applications.completed"));
  row("1.属于已主动公开范围数", "件", "answers.already_public", g("answers.already_public"));
  row("2.同意公开答复数", "件", "answers.granted", g("answers.granted"));
  row("3.同意部分公开答复数", "件", "answers.partial", g("answers.partial"));
  row("4.不同意公开答复数", "件", "answers.denied", g("answers.denied"));
  row("其中：涉及国家秘密", "件", "denial_reasons.state_secret", g("denial_reasons.state_secret"));
  row("涉及商业秘密", "件", "denial_reasons.commercial_secret", g("denial_reasons.commercial_secret"));
  row("涉及个人隐私", "件", "denial_reasons.privacy", g("denial_reasons.privacy"));
  row(
    "危及国家安全、公共安全、经济安全和社会稳定",
    "件",
    "denial_reasons.security_stability",
    g("denial_reasons.security_stability"),
  );
  row("不是《条例》所指政府信息", "件", "denial_reasons.not_gov_info", g("denial_reasons.not_gov_info"));
  row("法律法规规定的其他情形", "件", "denial_reasons.other_law", g("denial_reasons.other_law"));
  row("5.不属于本行政机关公开数", "件", "answers.not_this_agency", g("answers.not_this_agency"));
  row("6.申请信息不存在数", "件", "answers.not_exist", g("answers.not_exist"));
  row("7.告知作出更改补充数", "件", "answers.supplement", g("answers.supplement"));
  row("8.告知通过其他途径办理数", "件", "answers.other_channel", g("answers.other_channel"));
  row("四、行政复议数量", "件", "review.total", g("review.total"));
  row("（一）维持具体行政行为数", "件", "review.upheld", g("review.upheld"));
  row("（二）被依法纠错数", "件", "review.corrected", g("review.corrected"));
  row("（三）其他情形数", "件", "review.other", g("review.other"));
  row("五、行政诉讼数量", "件", "litigation.total", g("litigation.total"));
  row("（一）维持具体行政行为或者驳回原告诉讼请求数", "件", "litigation.upheld", g("litigation.upheld"));
  row("（二）被依法纠错数", "件", "litigation.corrected", g("litigation.corrected"));
  row("（三）其他情形数", "件", "litigation.other", g("litigation.other"));
  row("六、举报投诉数量", "件", "complaints.total", g("complaints.total"));
  row("七、依申请公开信息收取的费用", "万元", "fees.amount_wan", g("fees.amount_wan"));
  return { rows, facts };
}

const table2016 = fullStat({
  "active.published": 2345,
  "active.normative_docs": 21,
  "applications.received": 58,
  "applications.completed": 58,
  "answers.already_public": 6,
  "answers.granted": 30,
  "answers.partial": 5,
  "answers.denied": 6,
  "denial_reasons.state_secret": 1,
  "denial_reasons.commercial_secret": 1,
  "denial_reasons.privacy": 2,
  "denial_reasons.security_stability": 0,
  "denial_reasons.not_gov_info": 1,
  "denial_reasons.other_law": 1,
  "answers.not_this_agency": 4,
  "answers.not_exist": 5,
  "answers.supplement": 1,
  "answers.other_channel": 1,
  "review.total": 2,
  "review.upheld": 1,
  "review.corrected": 1,
  "review.other": 0,
  "litigation.total": 1,
  "litigation.upheld": 1,
  "litigation.corrected": 0,
  "litigation.other": 0,
  "complaints.total": 0,
  "fees.amount_wan": 0.05,
});

/** The national 统计表 printed in full (ruled, three columns), the narrative repeating some of its counts. */
const withTable: LegacySample = {
  stem: "legacy-table-2016",
  agency: "芜湖市镜湖区人民政府",
  year: 2016,
  exercises:
    "legacy report with the full 政府信息公开情况统计表 (统计指标 | 单位 | 统计数, 36 rows): every fact from its row, 维持 / 纠错 / 其他情形 told apart under 行政复议 and 行政诉讼, fees in 万元",
  format: "pdf",
  doc: {
    title: "芜湖市镜湖区人民政府2016年政府信息公开工作年度报告",
    preface: ["本报告由区政府办公室根据《中华人民共和国政府信息公开条例》要求编制。"],
    sections: [
      heading("一、概述", ["2016年，我区扎实推进政府信息公开工作，各项工作有序开展。"]),
      heading("二、主动公开政府信息情况", ["全年主动公开政府信息的具体数量见附表。"]),
      heading("三、依申请公开政府信息情况", ["依申请公开的办理情况见附表，所有申请均在法定期限内答复。"]),
      heading("四、政府信息公开的收费及减免情况", ["收费情况见附表。"]),
      heading("五、因政府信息公开申请行政复议、提起行政诉讼的情况", ["具体情况见附表。"]),
      heading("六、存在的主要问题和改进措施", ["信息公开的深度和广度还需加强。"]),
      heading("附表：政府信息公开情况统计表", [], "s2"),
    ],
  },
  stat: table2016.rows,
  facts: table2016.facts,
};

/** An HTML page with an abridged 统计表 (units in the label column) and the other facts in sentences. */
const htmlAbridged: LegacySample = {
  stem: "legacy-html-2017",
  agency: "桂林市七星区教育局",
  year: 2017,
  exercises:
    "legacy report as an HTML page: an abridged two-column 统计表 (units inside the labels) gives the application counts; 主动公开, 行政复议 and fees (1.2万元) only in sentences; 未发生行政诉讼 = 0",
  format: "html",
  doc: {
    title: "桂林市七星区教育局2017年政府信息公开工作年度报告",
    preface: ["根据《中华人民共和国政府信息公开条例》规定，现公布本局2017年政府信息公开工作年度报告。"],
    sections: [
      heading("一、概述", ["2017年，我局围绕教育重点工作，做好政府信息公开。"]),
      heading("二、主动公开政府信息情况", ["全年主动公开政府信息412条，其中规范性文件3件。"]),
      heading("三、依申请公开政府信息情况", ["全年依申请公开情况如下表："], "s2"),
      heading("四、政府信息公开的收费及减免情况", ["本年度共收取信息检索、复制费用1.2万元。"]),
      heading("五、因政府信息公开申请行政复议、提起行政诉讼的情况", [
        "本年度因政府信息公开被申请行政复议2件，未发生因政府信息公开提起的行政诉讼。",
      ]),
      heading("六、存在的主要问题和改进措施", ["公开形式还不够丰富，下一步将加以改进。"]),
    ],
  },
  stat: [
    { label: "收到申请数（件）", unit: "", value: "19" },
    { label: "其中：网络申请（件）", unit: "", value: "11" },
    { label: "申请办结数（件）", unit: "", value: "19" },
    { label: "同意公开答复数（件）", unit: "", value: "12" },
    { label: "同意部分公开答复数（件）", unit: "", value: "3" },
    { label: "不同意公开答复数（件）", unit: "", value: "2" },
    { label: "申请信息不存在数（件）", unit: "", value: "2" },
  ],
  facts: {
    "active.published": 412,
    "active.normative_docs": 3,
    "applications.received": 19,
    "applications.completed": 19,
    "answers.granted": 12,
    "answers.partial": 3,
    "answers.denied": 2,
    "answers.not_exist": 2,
    "review.total": 2,
    "litigation.total": 0,
    "fees.amount_wan": 1.2,
  },
};

export const LEGACY_SAMPLES: readonly LegacySample[] = [narrativeOnly, withTable, htmlAbridged];
