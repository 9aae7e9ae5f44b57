import type { ItemDef } from "../types.js";

const docFields = [
  { key: "made", label: "本年制发件数", kind: "count", words: ["本年制发件数", "制发"] },
  { key: "repealed", label: "本年废止件数", kind: "count", words: ["本年废止件数", "废止"] },
  { key: "valid", label: "现行有效件数", kind: "count", words: ["现行有效件数", "有效"] },
] as const;

const decisionFields = [{ key: "decisions", label: "本年处理决定数量", kind: "count" }] as const;

/** Section 二 of the 2021 template: four sub-tables, six items (SPEC §2). */
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
    label: "行政规范性文件",
    caption: "第二十条第（一）项",
    fingerprint: { any: [["规范性文件"]] },
    fields: docFields,
  },
  {
    key: "admin_license",
    label: "行政许可",
    caption: "第二十条第（五）项",
    fingerprint: { any: [["行政许可"]] },
    fields: decisionFields,
  },
  {
    key: "admin_penalty",
    label: "行政处罚",
    caption: "第二十条第（六）项",
    fingerprint: { any: [["行政处罚"]] },
    fields: decisionFields,
  },
  {
    key: "admin_coercion",
    label: "行政强制",
    caption: "第二十条第（六）项",
    fingerprint: { any: [["行政强制"]] },
    fields: decisionFields,
  },
  {
    key: "admin_fees",
    label: "行政事业性收费",
    caption: "第二十条第（八）项",
    fingerprint: { any: [["事业性收费"], ["行政事业"]] },
    fields: [{ key: "amount_wan", label: "本年收费金额（单位：万元）", kind: "decimal" }],
  },
];

/** Header words of the section 二 sub-tables. */
export const s2HeaderMarkers: readonly string[] = [
  "信息内容",
  "本年制发件数",
  "本年废止件数",
  "现行有效件数",
  "本年处理决定数量",
  "本年收费金额",
];
