// Narrative text of a sample report: title, sections 一 … 六, and the count sentences ("claims") that the
// extractor compares with the tables (text.* rules). Claims not stated are simply absent from the text.
import { get, makeRng, type Values } from "./samples-model.js";

export type TableId = "s2" | "s3" | "s4";
export interface Section {
  heading: string;
  paragraphs: string[];
  table?: TableId;
  /** Paragraphs printed after the table. */
  after?: string[];
}
export interface ReportDoc {
  title: string;
  preface: string[];
  sections: Section[];
}

export const CLAIM_KEYS = [
  "new_received",
  "processed",
  "carried_over",
  "carried_forward",
  "review",
  "litigation",
] as const;
export type ClaimKey = (typeof CLAIM_KEYS)[number];
export type Claims = Partial<Record<ClaimKey, number>>;

export interface NarrativeSpec {
  seed: number;
  /** "table": state every count as the table has it; "none": state none; or explicit numbers. */
  claims: "table" | "none" | ((table: Claims) => Claims);
  /** Extra filler paragraphs before section 三's table (moves the table down the page). */
  padding?: number;
  /** Paragraphs for section 六 (default: a sentence about fees). */
  other?: string[];
}

/** Where each claim is compared in the tables, and the flag it raises when it differs. */
export const CLAIM_RULES: Record<ClaimKey, { rule: string; path: string; actual: (v: Values) => number }> = {
  new_received: {
    rule: "text.new_received",
    path: "s3.new_received.total",
    actual: (v) => get(v, "s3.new_received.total"),
  },
  processed: {
    rule: "text.processed",
    path: "s3.total_processed.total",
    actual: (v) => get(v, "s3.total_processed.total"),
  },
  carried_over: {
    rule: "text.carried_over",
    path: "s3.carried_over.total",
    actual: (v) => get(v, "s3.carried_over.total"),
  },
  carried_forward: {
    rule: "text.carried_forward",
    path: "s3.carried_forward.total",
    actual: (v) => get(v, "s3.carried_forward.total"),
  },
  review: { rule: "text.review", path: "s4.review.total", actual: (v) => get(v, "s4.review.total") },
  litigation: {
    rule: "text.litigation",
    path: "s4.suit_direct.total",
    actual: (v) => get(v, "s4.suit_direct.total") + get(v, "s4.suit_after_review.total"),
  },
};

const FILLER = [
  "坚持“公开为常态、不公开为例外”原则，围绕中心工作，及时准确公开重点领域信息，不断提升政务公开质量和实效。",
  "严格落实信息发布审核制度，对拟公开信息实行“先审查、后公开”和“一事一审”，确保公开内容合法、准确、及时。",
  "加强政府网站和政务新媒体管理，规范栏目设置，定期开展自查，及时更新“法定主动公开内容”专栏。",
  "围绕群众关注的热点问题，通过新闻发布会、政策问答、图文解读等形式开展政策解读，增强解读的针对性和可读性。",
  "完善依申请公开受理、审查、答复、归档等工作流程，规范答复文书格式，严格按照法定时限答复申请人。",
  "组织开展政务公开业务培训，邀请专家讲解《中华人民共和国政府信息公开条例》，提升工作人员业务能力。",
  "将政务公开工作纳入年度绩效考核，明确责任分工，形成主要负责同志亲自抓、分管负责同志具体抓的工作格局。",
  "畅通政民互动渠道，认真办理网民留言和咨询，对群众反映的问题做到件件有回音、事事有着落。",
];

function pick(rng: () => number, n: number): string[] {
  const pool = [...FILLER];
  const out: string[] = [];
  for (let i = 0; i < n && pool.length > 0; i++) out.push(...pool.splice(Math.floor(rng() * pool.length), 1));
  return out;
}

function resolveClaims(spec: NarrativeSpec, v: Values): Claims {
  if (spec.claims === "none") return {};
  const table: Claims = {};
  for (const key of CLAIM_KEYS) table[key] = CLAIM_RULES[key].actual(v);
  return spec.claims === "table" ? table : spec.claims(table);
}

function section3Paragraph(year: number, c: Claims): string[] {
  if (c.new_received === undefined && c.processed === undefined)
    return ["本年度收到和处理政府信息公开申请情况见下表。"];
  const parts = [`${year}年，本机关共收到政府信息公开申请${c.new_received ?? "若干"}件`];
  if (c.carried_over !== undefined) parts.push(`上年结转${c.carried_over}件`);
  const first = `${parts.join("，")}。`;
  const done = c.processed === undefined ? "" : `截至${year}年12月31日，已办结申请${c.processed}件`;
  const fwd = c.carried_forward === undefined ? "" : `结转下年度继续办理${c.carried_forward}件`;
  const second = [done, fwd].filter((s) => s !== "").join("，");
  return [first + (second === "" ? "" : `${second}。`), "具体情况如下："];
}

function section4Paragraph(year: number, c: Claims): string {
  if (c.review === undefined && c.litigation === undefined) return "本年度政府信息公开行政复议、行政诉讼情况如下：";
  if (c.review === 0 && c.litigation === 0)
    return `${year}年，本机关未发生因政府信息公开引起的行政复议、行政诉讼案件。`;
  const review = c.review === undefined ? "" : `被申请行政复议${c.review}件`;
  const suits = c.litigation === undefined ? "" : `被提起行政诉讼${c.litigation}件`;
  return `${year}年，本机关因政府信息公开${[review, suits].filter((s) => s !== "").join("，")}，均已依法应诉答复。`;
}

/** Builds the report text; returns the document and the counts it states. */
export function buildNarrative(
  agency: string,
  year: number,
  v: Values,
  spec: NarrativeSpec,
): { doc: ReportDoc; claims: Claims } {
  const rng = makeRng(spec.seed);
  const claims = resolveClaims(spec, v);
  const padding = pick(makeRng(spec.seed + 1), spec.padding ?? 0);
  const doc: ReportDoc = {
    title: `${agency}${year}年政府信息公开工作年度报告`,
    preface: [
      `本报告根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制，所列数据统计期限自${year}年1月1日起至${year}年12月31日止。`,
    ],
    sections: [
      {
        heading: "一、总体情况",
        paragraphs: [
          `${year}年，${agency}深入贯彻落实党中央、国务院关于全面推进政务公开的决策部署，${pick(rng, 1).join("")}`,
          `（一）主动公开。全年通过门户网站发布信息${206 + (spec.seed % 97)}条，其中政策文件${12 + (spec.seed % 9)}件，${pick(rng, 1).join("")}`,
          `（二）依申请公开。${pick(rng, 1).join("")}`,
          `（三）平台建设。${pick(rng, 1).join("")}`,
          `（四）监督保障。${pick(rng, 1).join("")}`,
        ],
      },
      { heading: "二、主动公开政府信息情况", paragraphs: [], table: "s2" },
      {
        heading: "三、收到和处理政府信息公开申请情况",
        paragraphs: [...padding, ...section3Paragraph(year, claims)],
        table: "s3",
      },
      { heading: "四、政府信息公开行政复议、行政诉讼情况", paragraphs: [section4Paragraph(year, claims)], table: "s4" },
      {
        heading: "五、存在的主要问题及改进情况",
        paragraphs: [
          "本年度政府信息公开工作取得一定成效，但仍存在公开内容不够全面、政策解读形式较为单一等问题。",
          `下一步，${pick(rng, 1).join("")}`,
        ],
      },
      {
        heading: "六、其他需要报告的事项",
        paragraphs: spec.other ?? ["本年度未收取信息处理费。"],
      },
    ],
  };
  return { doc, claims };
}
