import type { ColumnDef, DerivedRowDef, RowDef } from "../types.js";

/** Section 三: the 25 data rows in printed order, matched by keyword fingerprints (SPEC §2, §3.3). */
export const s3Rows: readonly RowDef[] = [
  {
    key: "new_received",
    label: "一、本年新收政府信息公开申请数量",
    fingerprint: { any: [["本年新收"], ["新收", "申请"]] },
  },
  {
    key: "carried_over",
    label: "二、上年结转政府信息公开申请数量",
    fingerprint: { any: [["上年结转"]], not: ["结转下"] },
  },
  { key: "granted", label: "（一）予以公开", fingerprint: { any: [["予以公开"]] } },
  {
    key: "partial",
    label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    fingerprint: { any: [["部分公开"], ["区分处理"]] },
  },
  { key: "deny_state_secret", label: "1.属于国家秘密", fingerprint: { any: [["国家秘密"]] } },
  {
    key: "deny_law_forbidden",
    label: "2.其他法律行政法规禁止公开",
    fingerprint: { any: [["禁止公开"], ["法律行政"], ["行政法规"]] },
  },
  { key: "deny_three_security", label: "3.危及“三安全一稳定”", fingerprint: { any: [["三安全"], ["一稳定"]] } },
  { key: "deny_third_party", label: "4.保护第三方合法权益", fingerprint: { any: [["第三方"]] } },
  { key: "deny_internal_affairs", label: "5.属于三类内部事务信息", fingerprint: { any: [["内部事务"]] } },
  { key: "deny_process_info", label: "6.属于四类过程性信息", fingerprint: { any: [["过程性"]] } },
  { key: "deny_enforcement_file", label: "7.属于行政执法案卷", fingerprint: { any: [["执法案卷"]] } },
  { key: "deny_admin_query", label: "8.属于行政查询事项", fingerprint: { any: [["行政查询"]] } },
  { key: "unable_not_held", label: "1.本机关不掌握相关政府信息", fingerprint: { any: [["不掌握"]] } },
  {
    key: "unable_need_create",
    label: "2.没有现成信息需要另行制作",
    fingerprint: { any: [["另行制作"], ["没有现成"]] },
  },
  { key: "unable_unclear", label: "3.补正后申请内容仍不明确", fingerprint: { any: [["补正后"], ["仍不明确"]] } },
  { key: "reject_petition", label: "1.信访举报投诉类申请", fingerprint: { any: [["信访"], ["举报投诉"]] } },
  { key: "reject_repeat", label: "2.重复申请", fingerprint: { any: [["重复申请"]] } },
  { key: "reject_publication", label: "3.要求提供公开出版物", fingerprint: { any: [["出版物"]] } },
  { key: "reject_massive", label: "4.无正当理由大量反复申请", fingerprint: { any: [["大量反复"]] } },
  {
    key: "reject_confirm",
    label: "5.要求行政机关确认或重新出具已获取信息",
    fingerprint: { any: [["确认或重新出具"], ["重新出具"], ["已获取信息"]] },
  },
  {
    key: "other_no_supplement",
    label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    fingerprint: { any: [["逾期不补正"], ["不补正"]] },
  },
  {
    key: "other_fee_unpaid",
    label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    fingerprint: { any: [["收费通知"], ["缴纳费用"]] },
  },
  {
    key: "other_other",
    label: "3.其他",
    // "其他" alone is ambiguous (其他处理, 其他情形, the 其他 column): only the bare item label counts.
    fingerprint: { any: [], patterns: ["^(?:[（(]六[）)])?(?:其他处理)?(?:3\\.?)?其他$"] },
  },
  {
    key: "total_processed",
    label: "（七）总计",
    fingerprint: {
      any: [
        ["（七）", "总计"],
        ["（七）", "合计"],
      ],
      patterns: ["^(?:三、本年度办理结果)?(?:总计|合计)$"],
    },
  },
  {
    key: "carried_forward",
    label: "四、结转下年度继续办理",
    fingerprint: { any: [["结转下"], ["下年度", "继续办理"], ["继续办理"]] },
  },
];

/** Section 三 columns, left to right (SPEC §2). */
export const s3Columns: readonly ColumnDef[] = [
  { key: "natural", label: "自然人", aliases: ["自然人"] },
  { key: "commercial", label: "商业企业", aliases: ["商业企业", "商业"] },
  { key: "research", label: "科研机构", aliases: ["科研机构", "科研"] },
  { key: "social", label: "社会公益组织", aliases: ["社会公益组织", "公益组织", "社会公益", "社会"] },
  { key: "legal", label: "法律服务机构", aliases: ["法律服务机构", "法律服务"] },
  { key: "other_org", label: "其他", aliases: ["其他"] },
  { key: "total", label: "总计", aliases: ["总计", "合计"] },
];

/** Label-only group cells of section 三 (no numbers of their own). */
export const s3GroupLabels: readonly string[] = [
  "三、本年度办理结果",
  "（三）不予公开",
  "（四）无法提供",
  "（五）不予处理",
  "（六）其他处理",
];

/** Header words of the section 三 table, used to locate it. */
export const s3HeaderMarkers: readonly string[] = ["勾稽关系", "申请人情况", "自然人", "法人或其他组织", "商业企业"];

/** The 2019 layout's single （六）其他处理 row, derived from the three 2021 （六） rows (SPEC §2). */
export const s3Derived: readonly DerivedRowDef[] = [
  {
    key: "other_processing",
    label: "（六）其他处理",
    from: ["other_no_supplement", "other_fee_unpaid", "other_other"],
  },
];
