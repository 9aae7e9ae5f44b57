import type { RuleOf } from "../rule-def.js";

/** Clauses about other work that also counts 申请 or 件 (licences, registrations, petitions, hotlines). */
const otherWork = [
  "复议",
  "诉讼",
  "许可",
  "审批",
  "政务服务",
  "热线",
  "诉求",
  "信访",
  "来信",
  "来访",
  "投诉",
  "举报",
  "建议",
  "提案",
  "咨询",
  "留言",
  "登记",
  "备案",
  "仲裁",
  "办件",
  "补贴",
  "救助",
  "企业开办",
  "设立",
  "注册",
  "个体工商户",
];

/**
 * Sentences about other business (a 办结 clause there has no subject of its own: "受理个体工商户设立申请2,046件，
 * 办结2,040件"), or stating a wider scope with the report's own count inside (SPEC §3.8: "全区共收到…1369件，其中
 * 区政府本级36件"): their numbers are not the table's.
 */
const otherBusiness =
  "企业开办|个体工商户|工商登记|不动产登记|设立登记|注册登记|行政许可|行政审批|政务服务|办件|热线|12345";
/** A wider scope than the report's own table (SPEC §3.8), with or without 其中. */
const widerScope = "全区|全市|全县|全省|全州|全盟|全旗|各级|全系统|各部门|各单位|所属单位|下属单位";
const otherSentences = [otherBusiness, widerScope];

/** Outcome words: a clause about how reviews or suits ended, not how many there were. */
const outcomes = ["纠错", "纠正", "败诉", "胜诉", "维持", "撤销", "驳回", "确认违法", "审结"];

const unit = "(?:件|个|宗|起)";
const lead = "(?:共|合计|共计|总计|累计|为|达)?";

/** Section 三 and 四 counts as the narrative states them (SPEC §4 text.*). */
export const narrativeRules: readonly RuleOf<"narrative_equals">[] = [
  {
    kind: "narrative_equals",
    id: "text.new_received",
    severity: "warning",
    path: "s3.new_received.total",
    target: ["s3.new_received.total"],
    // "共收到申请36件，其中上年结转2件" often counts the carried-over requests in the 36.
    alsoAccept: [["s3.new_received.total", "s3.carried_over.total"]],
    patterns: [
      `(?:收到|受理|新收|接收|接到)[^0-9]{0,16}?申请(?:公开)?(?:件)?(?:数量)?${lead}{n}${unit}`,
      `(?:政府信息公开|依申请公开|信息公开)申请(?:受理|收到|新收)${lead}{n}${unit}`,
      `(?:政府信息公开|依申请公开|信息公开)申请(?:数量|总数)${lead}{n}${unit}`,
    ],
    // "未收到申请人…异议" is about the requesters, not the requests.
    zeroPatterns: ["(?:未|没有)(?:收到|受理|接到)(?:任何)?(?:政府信息公开|依申请公开|信息公开)?申请(?!人)"],
    // "在收到的申请中涉及房屋征收的申请20件" is a share of them.
    clauseExclude: [...otherWork, "结转", "申请中", "涉及", "办结", "答复"],
    sentenceExclude: otherSentences,
    label: { zh: "本年新收政府信息公开申请", en: "new disclosure requests received" },
  },
  {
    kind: "narrative_equals",
    id: "text.processed",
    severity: "warning",
    path: "s3.total_processed.total",
    target: ["s3.total_processed.total"],
    patterns: [
      `(?:办结|答复|办理完毕|办理完成|处理完毕)(?:了)?(?:政府信息公开|依申请公开)?(?:申请)?${lead}{n}${unit}`,
      `(?:共|累计)?处理(?:了)?(?:政府信息公开|依申请公开)申请${lead}{n}${unit}`,
    ],
    // Ways and partial counts of answering: "以电子邮件形式答复28件", "补正后答复3件", "其中按时办结…".
    clauseExclude: [
      ...otherWork,
      ...["结转", "继续办理", "按时", "按期", "逾期", "延期", "当场", "现场", "口头", "电话"],
      ...["补正", "形式", "方式", "邮件", "邮寄", "网上", "书面", "其中"],
    ],
    sentenceExclude: otherSentences,
    label: { zh: "本年办结申请", en: "requests processed" },
  },
  {
    kind: "narrative_equals",
    id: "text.carried_over",
    severity: "warning",
    path: "s3.carried_over.total",
    target: ["s3.carried_over.total"],
    patterns: [
      `上一?年度?结转(?:的)?(?:政府信息公开)?(?:申请)?${lead}{n}${unit}`,
      `{n}${unit}(?:申请)?(?:为|系|是)上一?年度?结转`,
    ],
    zeroPatterns: ["(?:无|没有)上一?年度?结转"],
    clauseExclude: otherWork,
    sentenceExclude: otherSentences,
    label: { zh: "上年结转申请", en: "requests carried over from last year" },
  },
  {
    kind: "narrative_equals",
    id: "text.carried_forward",
    severity: "warning",
    path: "s3.carried_forward.total",
    target: ["s3.carried_forward.total"],
    patterns: [
      `(?:结转|转入)(?:至|到|入)?下一?年度?(?:继续)?(?:办理|处理)?(?:的)?(?:申请)?${lead}{n}${unit}`,
      // "尚有5件未到答复期限结转下年度": a short reason may stand between the count and 结转.
      `{n}${unit}(?:政府信息公开|依申请公开)?(?:申请)?[^0-9]{0,8}?(?:需|将|予以)?(?:结转|转入)(?:至|到|入)?下一?年度?`,
    ],
    zeroPatterns: ["(?:无|没有|不存在)(?:需要?)?(?:结转|转入)(?:至|到|入)?下一?年度?"],
    clauseExclude: [...otherWork, "上年", "上一年"],
    sentenceExclude: otherSentences,
    label: { zh: "结转下年度申请", en: "requests carried forward to next year" },
  },
  {
    kind: "narrative_equals",
    id: "text.review",
    severity: "warning",
    path: "s4.review.total",
    target: ["s4.review.total"],
    // "行政诉讼和行政复议共3件" is a combined count: not taken.
    patterns: [
      `(?<!行政诉讼.*)行政复议(?:的)?(?:案件|申请)?(?:收到|受理|发生)?[:：]?${lead}{n}${unit}`,
      `(?:共有|共|发生)?{n}${unit}行政复议(?:案件)?(?!和|及|与|、)`,
    ],
    zeroPatterns: [
      "(?:未|没有)(?:发生|出现|收到|产生|被申请)[^0-9]{0,30}?行政复议",
      "无(?:政府信息公开)?行政复议",
      "行政复议(?:和|及|与|、)行政诉讼(?:案件)?均为(?:0|零)",
    ],
    clauseExclude: outcomes,
    sentenceExclude: [widerScope],
    label: { zh: "行政复议", en: "administrative reviews" },
  },
  {
    kind: "narrative_equals",
    id: "text.litigation",
    severity: "warning",
    path: "s4.suit_direct.total",
    target: ["s4.suit_direct.total", "s4.suit_after_review.total"],
    patterns: [
      `(?<!行政复议.*)行政诉讼(?:的)?(?:案件)?(?:收到|受理|发生)?[:：]?${lead}{n}${unit}`,
      `(?:共有|共|发生)?{n}${unit}行政诉讼(?:案件)?(?!和|及|与|、)`,
    ],
    zeroPatterns: [
      "(?:未|没有)(?:发生|出现|产生|被提起|被起诉)[^0-9]{0,30}?行政诉讼",
      "无(?:政府信息公开)?行政(?:复议(?:和|及|与|、))?诉讼",
      "行政复议(?:和|及|与|、)行政诉讼(?:案件)?均为(?:0|零)",
    ],
    clauseExclude: outcomes,
    sentenceExclude: [widerScope],
    label: { zh: "行政诉讼", en: "administrative lawsuits" },
  },
];
