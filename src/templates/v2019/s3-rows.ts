import type { RowDef } from "../types.js";
import { s3Rows as rows2021 } from "../v2021/s3-rows.js";

const OTHER_2021 = new Set(["other_no_supplement", "other_fee_unpaid", "other_other"]);

/** （六）其他处理: one data row in the 2019 layout (SPEC §2). */
const otherProcessing: RowDef = {
  key: "other_processing",
  label: "（六）其他处理",
  fingerprint: { any: [], patterns: ["^(?:[（(]六[）)])?其他处理$", "^(?:[（(]六[）)])其他$"] },
};

/**
 * Section 三 of the 2019 layout: the 2021 rows with the three （六） rows replaced by the single
 * `other_processing` row — 23 rows.
 */
export const s3Rows: readonly RowDef[] = rows2021.flatMap((row) => {
  if (row.key === "other_no_supplement") return [otherProcessing];
  return OTHER_2021.has(row.key) ? [] : [row];
});

/** Label-only group cells of the 2019 section 三 (（六）其他处理 is a data row here). */
export const s3GroupLabels: readonly string[] = [
  "三、本年度办理结果",
  "（三）不予公开",
  "（四）无法提供",
  "（五）不予处理",
];
