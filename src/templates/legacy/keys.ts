import type { LegacyKeyDef } from "../types.js";

const COUNT_UNIT = "(?:件|条|个|项|份|起|宗|次|人次)";
/** Clauses about disputes, complaints and other business that also count 申请 or 件. */
const NOT_APPLICATIONS = ["复议", "诉讼", "举报", "投诉", "信访", "许可", "审批", "行政事项", "办件"];
/** Clauses about time limits ("收到申请后15个工作日内答复"), not counts. */
const TIME_LIMITS = ["工作日", "日内", "天内", "时限"];

/**
 * The facts a pre-2019 report (no national table) gives, as `legacy.<group>.<field>` keys (SPEC-style; see
 * README "Legacy keys"). They follow the 政府信息公开情况统计表 most such reports print (2008–2018), and
 * are read from its rows (fingerprint) or, failing that, from the narrative (patterns). `v2021` names the
 * 2021 key with the same meaning, where there is one: the value is then also output under that key.
 */
export const legacyKeys: readonly LegacyKeyDef[] = [
  {
    key: "active.published",
    label: "主动公开政府信息数",
    kind: "count",
    fingerprint: { any: [["主动公开政府信息数"], ["主动公开信息数"], ["主动公开", "信息", "数"]], not: ["规范性文件"] },
    patterns: [`主动公开(?:各类)?(?:政府)?信息(?:共计|共|总数|数)?{n}${COUNT_UNIT}`, `主动公开政府信息数为?{n}`],
    clauseExclude: ["规范性文件", "依申请"],
  },
  {
    key: "active.normative_docs",
    label: "其中：主动公开规范性文件数",
    kind: "count",
    fingerprint: { any: [["规范性文件数"], ["主动公开规范性文件"]] },
    patterns: [`(?:主动公开|公开|其中)规范性文件{n}${COUNT_UNIT}`],
  },
  {
    key: "applications.received",
    label: "收到申请数",
    kind: "count",
    fingerprint: {
      any: [["收到申请数"], ["收到", "申请", "数"], ["受理申请数"]],
      not: ["当面", "传真", "网络", "信函", "其他形式"],
    },
    patterns: [
      `(?:收到|受理)[^0-9]{0,16}?申请[^0-9]{0,6}?{n}${COUNT_UNIT}`,
      `收到申请数为?{n}`,
      `(?:收到|受理)[^0-9]{0,6}?{n}${COUNT_UNIT}[^0-9]{0,10}申请`,
    ],
    zeroPatterns: ["^(?:本年度?|全年|[0-9]+年)?[^，。；]{0,12}(?:未|没有)(?:收到|受理|接到)[^，。；]{0,30}申请"],
    clauseExclude: [...NOT_APPLICATIONS, ...TIME_LIMITS],
    v2021: "s3.new_received.total",
  },
  {
    key: "applications.completed",
    label: "申请办结数",
    kind: "count",
    fingerprint: { any: [["申请办结数"], ["办结数"]], not: ["按时", "延期"] },
    patterns: [`(?:已)?办结[^0-9]{0,6}?{n}${COUNT_UNIT}`, `申请办结数为?{n}`],
    clauseExclude: [...NOT_APPLICATIONS, ...TIME_LIMITS, "按时", "延期"],
  },
  {
    key: "answers.already_public",
    label: "属于已主动公开范围数",
    kind: "count",
    fingerprint: { any: [["已主动公开"]] },
    patterns: [`属于已主动公开(?:范围|内容)?的?{n}${COUNT_UNIT}`],
  },
  {
    key: "answers.granted",
    label: "同意公开答复数",
    kind: "count",
    fingerprint: { any: [["同意公开"]], not: ["不同意", "部分"] },
    patterns: [`(?<!不)同意公开(?:答复)?的?{n}${COUNT_UNIT}`, `(?<!不)予以公开的?{n}${COUNT_UNIT}`],
    clauseExclude: ["部分"],
    v2021: "s3.granted.total",
  },
  {
    key: "answers.partial",
    label: "同意部分公开答复数",
    kind: "count",
    fingerprint: { any: [["部分公开"]] },
    patterns: [`(?:同意)?部分公开(?:答复)?的?{n}${COUNT_UNIT}`],
    v2021: "s3.partial.total",
  },
  {
    key: "answers.denied",
    label: "不同意公开答复数",
    kind: "count",
    fingerprint: { any: [["不同意公开"], ["不予公开"]] },
    patterns: [`(?:不同意|不予)公开(?:答复)?的?{n}${COUNT_UNIT}`],
  },
  {
    key: "denial_reasons.state_secret",
    label: "涉及国家秘密",
    kind: "count",
    fingerprint: { any: [["国家秘密"]] },
    patterns: [`(?:涉及|属于)?国家秘密的?{n}${COUNT_UNIT}`],
    v2021: "s3.deny_state_secret.total",
  },
  {
    key: "denial_reasons.commercial_secret",
    label: "涉及商业秘密",
    kind: "count",
    fingerprint: { any: [["商业秘密"]] },
    patterns: [`(?:涉及|属于)?商业秘密的?{n}${COUNT_UNIT}`],
  },
  {
    key: "denial_reasons.privacy",
    label: "涉及个人隐私",
    kind: "count",
    fingerprint: { any: [["个人隐私"]] },
    patterns: [`(?:涉及|属于)?个人隐私的?{n}${COUNT_UNIT}`],
  },
  {
    key: "denial_reasons.security_stability",
    label: "危及国家安全、公共安全、经济安全和社会稳定",
    kind: "count",
    fingerprint: { any: [["社会稳定"], ["三安全"]] },
    patterns: [`(?:社会稳定|三安全一稳定"?)的?{n}${COUNT_UNIT}`],
    v2021: "s3.deny_three_security.total",
  },
  {
    key: "denial_reasons.not_gov_info",
    label: "不是《条例》所指政府信息",
    kind: "count",
    fingerprint: { any: [["所指政府信息"], ["所指的政府信息"]] },
    patterns: [`所指的?政府信息的?{n}${COUNT_UNIT}`],
  },
  {
    key: "denial_reasons.other_law",
    label: "法律法规规定的其他情形",
    kind: "count",
    fingerprint: { any: [["法律法规规定的其他情形"], ["其他情形", "法律法规"]] },
    patterns: [`法律法规规定的其他情形{n}${COUNT_UNIT}`],
  },
  {
    key: "answers.not_this_agency",
    label: "不属于本行政机关公开数",
    kind: "count",
    fingerprint: { any: [["不属于本"], ["非本机关"]] },
    patterns: [`(?:不属于本(?:行政)?机关|非本机关)[^0-9]{0,8}?{n}${COUNT_UNIT}`],
  },
  {
    key: "answers.not_exist",
    label: "申请信息不存在数",
    kind: "count",
    fingerprint: { any: [["信息不存在"]] },
    patterns: [`信息不存在的?{n}${COUNT_UNIT}`],
  },
  {
    key: "answers.supplement",
    label: "告知作出更改补充数",
    kind: "count",
    fingerprint: { any: [["更改补充"]] },
    patterns: [`更改补充的?{n}${COUNT_UNIT}`],
  },
  {
    key: "answers.other_channel",
    label: "告知通过其他途径办理数",
    kind: "count",
    fingerprint: { any: [["其他途径"]] },
    patterns: [`其他途径办理的?{n}${COUNT_UNIT}`],
  },
  {
    key: "review.total",
    label: "行政复议数量",
    kind: "count",
    fingerprint: { any: [["行政复议数"], ["行政复议", "数量"]] },
    patterns: [
      `行政复议(?:申请|案件)?[^0-9和及、]{0,4}?{n}${COUNT_UNIT}`,
      `(?:发生|收到|接到|受理)了?{n}(?:件|起)[^0-9，。；、]{0,16}?行政复议`,
    ],
    zeroPatterns: [
      "(?:未|没有)(?:发生|出现|收到|接到|被提起|被申请|提起)[^，。；]{0,20}行政复议",
      "行政复议[^，。；]{0,6}为零",
    ],
    v2021: "s4.review.total",
  },
  {
    key: "review.upheld",
    label: "行政复议 维持具体行政行为数",
    kind: "count",
    fingerprint: { any: [["维持"]] },
    context: "行政复议",
    patterns: [`(?:维持|驳回)[^0-9，。；、]{0,10}?{n}${COUNT_UNIT}`],
    v2021: "s4.review.upheld",
  },
  {
    key: "review.corrected",
    label: "行政复议 被依法纠错数",
    kind: "count",
    fingerprint: { any: [["纠错"], ["纠正"]] },
    context: "行政复议",
    patterns: [`(?:纠正|纠错|撤销|确认违法)[^0-9，。；、]{0,10}?{n}${COUNT_UNIT}`],
    v2021: "s4.review.corrected",
  },
  {
    key: "review.other",
    label: "行政复议 其他情形数",
    kind: "count",
    fingerprint: { any: [["其他情形"]], not: ["法律法规"] },
    context: "行政复议",
    patterns: [`其他(?:情形|结果|方式)[^0-9，。；、]{0,6}?{n}${COUNT_UNIT}`],
  },
  {
    key: "litigation.total",
    label: "行政诉讼数量",
    kind: "count",
    fingerprint: { any: [["行政诉讼数"], ["行政诉讼", "数量"]] },
    patterns: [
      `行政诉讼(?:案件)?[^0-9和及、]{0,4}?{n}${COUNT_UNIT}`,
      `(?:(?:发生|收到|接到|被提起)了?|^){n}(?:件|起)[^0-9，。；、]{0,16}?行政诉讼`,
    ],
    zeroPatterns: ["(?:未|没有)(?:发生|出现|收到|被提起|提起)[^，。；]{0,24}行政诉讼", "行政诉讼[^，。；]{0,6}为零"],
  },
  {
    key: "litigation.upheld",
    label: "行政诉讼 维持具体行政行为或者驳回原告诉讼请求数",
    kind: "count",
    fingerprint: { any: [["维持"], ["驳回"]] },
    context: "行政诉讼",
    patterns: [`(?:维持|驳回)[^0-9，。；、]{0,10}?{n}${COUNT_UNIT}`],
  },
  {
    key: "litigation.corrected",
    label: "行政诉讼 被依法纠错数",
    kind: "count",
    fingerprint: { any: [["纠错"], ["纠正"]] },
    context: "行政诉讼",
    patterns: [`(?:纠正|纠错|撤销|确认违法)[^0-9，。；、]{0,10}?{n}${COUNT_UNIT}`],
  },
  {
    key: "litigation.other",
    label: "行政诉讼 其他情形数",
    kind: "count",
    fingerprint: { any: [["其他情形"]], not: ["法律法规"] },
    context: "行政诉讼",
    patterns: [`其他(?:情形|结果|方式)[^0-9，。；、]{0,6}?{n}${COUNT_UNIT}`],
  },
  {
    key: "complaints.total",
    label: "举报投诉数量",
    kind: "count",
    fingerprint: { any: [["举报投诉"]] },
    patterns: [`举报投诉[^0-9]{0,6}?{n}${COUNT_UNIT}`],
    zeroPatterns: ["(?:未|没有)(?:发生|收到|接到)[^，。；]{0,16}举报投诉"],
  },
  {
    key: "fees.amount_wan",
    label: "依申请公开信息收取的费用（万元）",
    kind: "decimal",
    fingerprint: { any: [["收取的费用"], ["收取费用"], ["收费"]] },
    patterns: ["(?:收取|收费|费用)[^0-9]{0,16}?{amount}"],
    zeroPatterns: ["(?:未|没有|不)收取(?:任何)?[^，。；]{0,10}费用", "未(?:发生|产生)[^，。；]{0,10}收费"],
    clauseExclude: ["减免"],
  },
];

/** Words that, earlier in a sentence, put a stated outcome (维持 / 纠正 …) under 行政复议 or 行政诉讼. */
export const legacyContextWords: Readonly<Record<string, readonly string[]>> = {
  行政复议: ["复议"],
  行政诉讼: ["诉讼", "起诉", "法院", "判决"],
};

/** Words that put the following 统计表 rows (维持 / 纠错 / 其他情形) under 行政复议 or 行政诉讼. */
export const legacyContexts: readonly string[] = ["行政复议", "行政诉讼"];
