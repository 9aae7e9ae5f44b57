import type { Cell } from "../../model/cell.js";
import { roundBox } from "../../model/geometry.js";
import type { Issue } from "../../model/issue.js";
import type { NarrativeLine } from "../../model/narrative.js";
import type { LegacyKeyDef, TemplateDef } from "../../templates/index.js";
import { findStatedNumbers } from "../rules/find-stated-numbers.js";
import { buildNarrativeText, locateOffset } from "../rules/narrative-text.js";
import { makeCell } from "./make-cell.js";
import { matchesFingerprint } from "./match-fingerprint.js";
import { normalizeLabel } from "./normalize.js";
import { isDataRow, type RowRecord } from "./row-record.js";

export interface MappedLegacy {
  readonly cells: Map<string, Cell>;
  readonly issues: Issue[];
  readonly tableRecords: Set<RowRecord>;
}

/** A free line with a longer label is a sentence ending in a number, not a 统计表 row. */
const MAX_ROW_LABEL = 30;

/** Confidence of a fact read from the narrative rather than a table row (the sentence may be about a wider scope). */
const FROM_NARRATIVE = 0.95;

/**
 * The facts of a pre-2019 report: first from the rows of its 统计表 (a row whose label names a fact, its value
 * the row's first printed value), then, for facts the table lacks, from the narrative's stated numbers. Each fact
 * keeps where it was read: the table cell, or the narrative line (page and box; a locator for HTML/.docx).
 * A fact with a 2021 equivalent is also set under that key. Facts not stated stay null.
 */
export function mapLegacy(records: readonly RowRecord[], template: TemplateDef): MappedLegacy {
  const keys = template.legacyKeys ?? [];
  const cells = new Map<string, Cell>();
  const tableRecords = new Set<RowRecord>();
  const issues: Issue[] = [];
  let context = "";
  for (const record of records) {
    const label = normalizeLabel(record.label);
    const heading = /行政复议|行政诉讼/.exec(label)?.[0];
    if (heading !== undefined) context = heading;
    if (!isDataRow(record)) continue;
    // The first printed value after the label: 统计数 (the 单位 column is text, a 备注 column comes after).
    const slot = record.slots.find((s) => s.raw.trim() !== "") ?? record.slots[0];
    // A free line is a table row only when its label is short (a sentence ending in a number is narrative).
    if (!slot || (!record.ruled && label.length > MAX_ROW_LABEL)) continue;
    const fact = keys.find(
      (k) =>
        !cells.has(`legacy.${k.key}`) &&
        (k.context === undefined || k.context === context) &&
        matchesFingerprint(label, k.fingerprint),
    );
    if (!fact) continue;
    cells.set(`legacy.${fact.key}`, makeCell(slot, 1, fact.kind));
    tableRecords.add(record);
  }
  // Rows of a ruled 统计表 that matched nothing (headings, units) are table too, not narrative.
  const gridIds = new Set([...tableRecords].filter((r) => r.ruled).map((r) => r.gridId));
  for (const record of records) if (record.ruled && gridIds.has(record.gridId)) tableRecords.add(record);
  const lines: NarrativeLine[] = records
    .filter((r) => !r.ruled && !tableRecords.has(r))
    .map((r) => ({ text: r.text, page: r.page, bbox: roundBox(r.box) }));
  const narrative = buildNarrativeText(lines);
  for (const fact of keys) {
    if (cells.has(`legacy.${fact.key}`) || (fact.patterns.length === 0 && !fact.zeroPatterns)) continue;
    const stated = findStatedNumbers(narrative, fact)[0];
    if (!stated) continue;
    const where = locateOffset(narrative, stated.offset);
    const value = fact.kind === "decimal" && stated.unit === "元" ? stated.value / 10_000 : stated.value;
    cells.set(`legacy.${fact.key}`, {
      value,
      raw: stated.clause,
      page: where?.page ?? null,
      bbox: where?.bbox ?? null,
      source: "text",
      confidence: FROM_NARRATIVE,
      blank: false,
    });
  }
  for (const fact of keys) fillFact(fact, cells);
  if (![...cells.values()].some((c) => c.value !== null)) {
    issues.push({
      code: "table.not_found",
      severity: "warning",
      stage: "mapping",
      message: "legacy: no 统计表 row and no stated count of the legacy keys was found",
    });
  }
  return { cells, issues, tableRecords };
}

/** A fact not stated is null; a stated one with a 2021 equivalent is set there too. */
function fillFact(fact: LegacyKeyDef, cells: Map<string, Cell>): void {
  const path = `legacy.${fact.key}`;
  const cell = cells.get(path) ?? makeCell(null, 0);
  cells.set(path, cell);
  if (fact.v2021 !== undefined) cells.set(fact.v2021, cell);
}
