import type { GroupDef } from "../types.js";

const outcomeFields = [
  { key: "upheld", label: "结果维持" },
  { key: "corrected", label: "结果纠正" },
  { key: "other", label: "其他结果" },
  { key: "pending", label: "尚未审结" },
  { key: "total", label: "总计" },
] as const;

/** Section 四: one row of 15 numbers, mapped by position in this order (SPEC §2). */
export const s4Groups: readonly GroupDef[] = [
  { key: "review", label: "行政复议", fields: outcomeFields },
  { key: "suit_direct", label: "行政诉讼 未经复议直接起诉", fields: outcomeFields },
  { key: "suit_after_review", label: "行政诉讼 复议后起诉", fields: outcomeFields },
];

export const s4HeaderMarkers: readonly string[] = ["行政复议", "行政诉讼", "结果维持", "尚未审结", "复议后起诉"];
