/** Header words that identify the 2021 template when found in a report (SPEC §1). */
export const markers = ["本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额"];

/** Section 三 follows the 2021 rows when it prints one of the three （六） rows' words. */
export const s3LayoutMark = {
  fingerprint: { any: [], patterns: ["逾期不补正|不补正|收费通知|缴纳费用"] },
  where: "text",
} as const;
