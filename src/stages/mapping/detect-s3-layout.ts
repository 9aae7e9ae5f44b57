import { registeredTemplates, type TemplateDef, type TemplateVersion } from "../../templates/index.js";
import { findSections } from "./find-sections.js";
import { matchesFingerprint } from "./match-fingerprint.js";
import { isDataRow, type RowRecord } from "./row-record.js";

/**
 * Which layout section 三 prints: the first registered template whose `s3LayoutMark` a row of the section
 * matches (v2021: one of its three （六） rows' words; v2019: （六）其他处理 as a data row), `unknown` when none
 * shows (or no table was found). Reports mix layouts (a 2024 report with the 2021 section 二 and the 2019 single
 * （六） row), so section 三 is mapped with the rows it prints, whatever section 二 says.
 */
export function detectS3Layout(
  records: readonly RowRecord[],
  templates: readonly TemplateDef[] = registeredTemplates(),
): TemplateVersion {
  const [start, end] = findSections(records).s3;
  if (start < 0) return "unknown";
  const table = records.slice(start, end);
  for (const { version, s3LayoutMark: mark } of templates) {
    if (mark === undefined) continue;
    const shown = table.some((r) =>
      mark.where === "text"
        ? matchesFingerprint(r.text, mark.fingerprint)
        : isDataRow(r) && matchesFingerprint(r.label, mark.fingerprint),
    );
    if (shown) return version;
  }
  return "unknown";
}
