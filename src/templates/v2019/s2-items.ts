import type { FieldDef, ItemDef } from "../types.js";

const docFields: readonly FieldDef[] = [
  { key: "new_made", label: "本年新制作数量", kind: "count", words: ["本年新制作数量", "新制作"] },
  { key: "new_published", label: "本年新公开数量", kind: "count", words: ["本年新公开数量", "新公开"] },
  { key: "total_published", label: "对外公开总数量", kind: "count", words: ["对外公开总数量", "公开总数"] },
];

const itemFields: readonly FieldDef[] = [
  { key: "prev_year_items", label: "上一年项目数量", kind: "count", words: ["上一年项目数量", "上一年"] },
  { key: "delta", label: "本年增/减", kind: "signed", words: ["本年增/减", "增/减", "增减"] },
  { key: "decisions", label: "处理决定数量", kind: "count", words: ["处理决定数量", "处理决定"] },
];

/**
 * Section 二 of the 2019 trial template (国办公开办函〔2019〕60号): five sub-tables, eight items, under the
 * `s2v19` keys (SPEC §2). Their meanings differ from the 2021 ones, so they are never read into `s2.*`.
 */
export const s2Items: readonly ItemDef[] = [
  {
    key: "rules",
    label: "规章",
    caption: "第二十条第（一）项",
    fingerprint: { any: [], patterns: ["^规章$", "^(?:政府)?规章(?:[（(].*[）)])?$"] },
    fields: docFields,
  },
  {
    key: "normative_docs",
    label: "规范性文件",
    caption: "第二十条第（一）项",
    fingerprint: { any: [["规范性文件"]] },
    fields: docFields,
  },
  {
    key: "admin_license",
    label: "行政许可",
    caption: "第二十条第（五）项",
    fingerprint: { any: [["行政许可"]] },
    fields: itemFields,
  },
  {
    key: "other_services",
    label: "其他对外管理服务事项",
    caption: "第二十条第（五）项",
    fingerprint: { any: [["对外管理服务"], ["管理服务事项"]] },
    fields: itemFields,
  },
  {
    key: "admin_penalty",
    label: "行政处罚",
    caption: "第二十条第（六）项",
    fingerprint: { any: [["行政处罚"]] },
    fields: itemFields,
  },
  {
    key: "admin_coercion",
    label: "行政强制",
    caption: "第二十条第（六）项",
    fingerprint: { any: [["行政强制"]] },
    fields: itemFields,
  },
  {
    key: "admin_fees",
    label: "行政事业性收费",
    caption: "第二十条第（八）项",
    fingerprint: { any: [["事业性收费"], ["行政事业"]] },
    fields: itemFields.slice(0, 2),
  },
  {
    key: "procurement",
    label: "政府集中采购",
    caption: "第二十条第（九）项",
    fingerprint: { any: [["集中采购"], ["政府采购"]] },
    fields: [
      { key: "items", label: "采购项目数量", kind: "count", words: ["采购项目数量", "项目数量"] },
      // The unit is often printed in the cell ("251000元"): the reader normalises it to 万元.
      { key: "amount_wan", label: "采购总金额", kind: "decimal", words: ["采购总金额", "总金额"] },
    ],
  },
];

/** Header words of the 2019 section 二 sub-tables. */
export const s2HeaderMarkers: readonly string[] = [
  "信息内容",
  "本年新制作数量",
  "本年新公开数量",
  "对外公开总数量",
  "上一年项目数量",
  "处理决定数量",
  "采购总金额",
];
