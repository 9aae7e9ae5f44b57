import type { Cell } from "../../model/cell.js";
import type { Issue } from "../../model/issue.js";
import type { TemplateDef } from "../../templates/index.js";
import type { RowAssignment } from "./assign-rows.js";
import type { Alignment } from "./place-values.js";
import type { RowRecord } from "./row-record.js";

/** What the section mappers share: the template, the cells and issues they fill, the table lines they claim. */
export interface TableContext {
  readonly template: TemplateDef;
  readonly cells: Map<string, Cell>;
  readonly issues: Issue[];
  /** Records that belong to a table (excluded from the narrative). */
  readonly tableRecords: Set<RowRecord>;
  /** How the document's numbers sit in their cells, for tables with too few values to tell on their own. */
  readonly alignment: Alignment;
}

/** Confidence of a cell by how its row was identified. */
export const ROW_CONFIDENCE: Record<RowAssignment["by"], number> = {
  label: 1,
  neighbour: 1,
  sequence: 0.85,
  blank_row: 0.9,
};

/** Confidence of a row whose template row another one had (almost) as much evidence for. */
export const AMBIGUOUS_ROW = 0.8;

/** The confidence of a row's cells from how it was identified. */
export function rowConfidence(assignment: RowAssignment): number {
  return Math.min(ROW_CONFIDENCE[assignment.by], assignment.ambiguous ? AMBIGUOUS_ROW : 1);
}

/** Confidence of a cell placed by header positions instead of its ruled cell or its place in the row. */
export const PLACED_BY_HEADER = 0.95;

export function notFound(section: string, what: string): Issue {
  return {
    code: "table.not_found",
    severity: "warning",
    stage: "mapping",
    message: `${section}: could not locate ${what}`,
  };
}
