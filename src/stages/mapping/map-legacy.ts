import type { Cell } from "../../model/cell.js";
import type { Issue } from "../../model/issue.js";
import type { TemplateDef } from "../../templates/index.js";
import { makeCell } from "./make-cell.js";
import { matchesFingerprint } from "./match-fingerprint.js";
import { normalizeLabel } from "./normalize.js";
import { isDataRow, type RowRecord } from "./row-record.js";

export interface MappedLegacy {
  readonly cells: Map<string, Cell>;
  readonly issues: Issue[];
  readonly tableRecords: Set<RowRecord>;
}

const YUAN_PER_WAN = 10_000;

/** A decimal row whose label or 单位 cell says 元 (not 万元): "收取的费用（元）" | 元 | 558. */
function inYuan(kind: "count" | "decimal", record: RowRecord): boolean {
  return kind === "decimal" && /(?<!万)元/.test(record.text) && !/万元/.test(record.text);
}

function toWan(cell: Cell): Cell {
  return cell.value === null ? cell : { ...cell, value: cell.value / YUAN_PER_WAN };
}

/** A free line with a longer label is a sentence ending in a number, not a 统计表 row. */
const MAX_ROW_LABEL = 30;

/**
 * The facts a pre-2019 report's 统计表 gives: a row whose label matches a legacy key's fingerprint (under the
 * key's 行政复议 / 行政诉讼 heading, where it has one) gives its first printed value, with the cell's place.
 * The rows of a matched ruled table are table, not narrative. Facts the table lacks are read from the
 * narrative afterwards (stages/rules/read-legacy-facts.ts).
 */
export function mapLegacy(records: readonly RowRecord[], template: TemplateDef): MappedLegacy {
  const keys = template.legacyKeys ?? [];
  const cells = new Map<string, Cell>();
  const tableRecords = new Set<RowRecord>();
  let context = "";
  for (const record of records) {
    const label = normalizeLabel(record.label);
    const heading = /行政复议|行政诉讼/.exec(label)?.[0];
    if (heading !== undefined) context = heading;
    if (!isDataRow(record)) continue;
    // The first printed value after the label: 统计数 (the 单位 column is text, a 备注 column comes after).
    const slot = record.slots.find((s) => s.raw.trim() !== "") ?? record.slots[0];
    if (!slot || (!record.ruled && label.length > MAX_ROW_LABEL)) continue;
    const fact = keys.find(
      (k) =>
        !cells.has(`legacy.${k.key}`) &&
        (k.context === undefined || k.context === context) &&
        matchesFingerprint(label, k.fingerprint),
    );
    if (!fact) continue;
    const cell = makeCell(slot, 1, fact.kind);
    cells.set(`legacy.${fact.key}`, inYuan(fact.kind, record) ? toWan(cell) : cell);
    tableRecords.add(record);
  }
  // Rows of a ruled 统计表 that matched nothing (headings, units) are table too, not narrative.
  const gridIds = new Set([...tableRecords].filter((r) => r.ruled).map((r) => r.gridId));
  for (const record of records) if (record.ruled && gridIds.has(record.gridId)) tableRecords.add(record);
  return { cells, issues: [], tableRecords };
}
