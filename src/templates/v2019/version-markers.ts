/** Header words that identify the 2019 trial template when found in a report (SPEC §1). */
export const markers = [
  "本年新制作数量",
  "本年新公开数量",
  "对外公开总数量",
  "上一年项目数量",
  "本年增/减",
  "政府集中采购",
];

/** Section 三 follows the 2019 rows when （六）其他处理 is a data row of its own (not a group label). */
export const s3LayoutMark = {
  fingerprint: { any: [], patterns: ["^(?:[（(]六[）)])?其他处理$"] },
  where: "data_row",
} as const;
