import type { Cell } from "../../model/cell.js";
import type { Issue } from "../../model/issue.js";
import { type TemplateDef, type TemplateVersion, templateFor } from "../../templates/index.js";
import { listCellPaths } from "../../templates/template-paths.js";
import { deriveRows } from "./derive-rows.js";
import { findSections } from "./find-sections.js";
import { MISSING_CELL } from "./make-cell.js";
import { mapSection2 } from "./map-s2.js";
import { mapSection3 } from "./map-s3.js";
import { mapSection4 } from "./map-s4.js";
import { detectAlignment } from "./place-values.js";
import { isDataRow, type RowRecord } from "./row-record.js";
import { doubtBesideStrays } from "./stray-values.js";
import type { TableContext } from "./table-context.js";

export interface MappedTables {
  readonly cells: Map<string, Cell>;
  readonly issues: Issue[];
  /** Records that belong to a table (excluded from the narrative). */
  readonly tableRecords: Set<RowRecord>;
}

/** Maps the records of the three tables onto the template's cells (SPEC §2); cells not found are null. */
export function mapTables(
  records: readonly RowRecord[],
  template: TemplateDef,
  detectedVersion: TemplateVersion = template.version,
): MappedTables {
  const spans = findSections(records);
  const slice = (span: readonly [number, number]) => (span[0] < 0 ? [] : records.slice(span[0], span[1]));
  const tables = [slice(spans.s2), slice(spans.s3), slice(spans.s4)] as const;
  const context: TableContext = {
    template,
    cells: new Map(),
    issues: [],
    tableRecords: new Set(),
    alignment: detectAlignment(tables.flat().filter(isDataRow)) ?? "centre",
  };
  // A section 二 laid out as another version's (2019: 本年新制作数量, 上一年项目数量 …) has other meanings under
  // other keys: never read it into this template's keys (SPEC §2). Its own keys come with its own template.
  const detectedS2 = templateFor(detectedVersion)?.s2Section;
  if (detectedS2 !== undefined && detectedS2 !== template.s2Section) {
    context.issues.push({
      code: "template.section2_not_read",
      severity: "warning",
      stage: "mapping",
      message: `Section 二 is laid out as the ${detectedVersion} template; its values are not read into the ${template.version} keys`,
    });
  } else mapSection2(tables[0], context);
  mapSection3(tables[1], context);
  mapSection4(tables[2], context);
  doubtBesideStrays(context.cells, context.tableRecords);
  // Several 三 tables (本机关 and 所属单位, or several reports bound in one file): say which one was read.
  const headers = records.filter((r) => /勾稽关系/.test(r.text)).map((r) => r.page);
  if (headers.length > 1) {
    context.issues.push({
      code: "table.several",
      severity: "warning",
      stage: "mapping",
      message: `${headers.length} section 三 table headers found (pages ${headers.join(", ")}): several tables or a repeated header; the first table was read`,
    });
  }
  for (const { path, derived } of listCellPaths(template)) {
    if (!derived && !context.cells.has(path)) context.cells.set(path, MISSING_CELL);
  }
  deriveRows(template, context.cells);
  return { cells: context.cells, issues: context.issues, tableRecords: context.tableRecords };
}
