import type { TemplateVersion } from "../../templates/index.js";
import { findSections } from "./find-sections.js";
import { normalizeLabel } from "./normalize.js";
import { isDataRow, type RowRecord } from "./row-record.js";

/** The 2019 single row （六）其他处理 (a data row of its own, not the 2021 group label over three rows). */
const SINGLE_OTHER = /^(?:[（(]六[）)])?其他处理$/;
/** Words only the 2021 layout's three （六） rows print. */
const THREE_OTHER = /逾期不补正|不补正|收费通知|缴纳费用/;

/**
 * Which layout section 三 prints, by its （六） rows: `v2019` when （六）其他处理 is a data row and none of the
 * 2021 （六） rows is there, `v2021` when those rows are there, `unknown` when neither shows (no table found).
 * Reports mix layouts (a 2024 report with the 2021 section 二 and the 2019 single （六） row), so section 三 is
 * mapped with the rows it prints, whatever section 二 says.
 */
export function detectS3Layout(records: readonly RowRecord[]): TemplateVersion {
  const [start, end] = findSections(records).s3;
  if (start < 0) return "unknown";
  const table = records.slice(start, end);
  if (table.some((r) => THREE_OTHER.test(normalizeLabel(r.text)))) return "v2021";
  if (table.some((r) => isDataRow(r) && SINGLE_OTHER.test(normalizeLabel(r.label)))) return "v2019";
  return "unknown";
}
