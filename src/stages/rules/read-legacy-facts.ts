import type { Cell } from "../../model/cell.js";
import type { NarrativeLine } from "../../model/narrative.js";
import { type Done, done } from "../../model/result.js";
import type { TemplateDef } from "../../templates/index.js";
import { legacyContextWords } from "../../templates/legacy/keys.js";
import type { LegacyKeyDef } from "../../templates/types.js";
import { findStatedNumbers, type StatementPatterns } from "./find-stated-numbers.js";
import { buildNarrativeText, locateOffset } from "./narrative-text.js";

/** Confidence of a fact read from the narrative rather than a table row (the sentence may be about a wider scope). */
const FROM_NARRATIVE = 0.95;
const YUAN_PER_WAN = 10_000;

/**
 * Completes the facts of a legacy report (template `legacy`) after the mapping stage read its 统计表 rows: each
 * fact the table lacks is taken from the first narrative sentence that states it (`raw` = that clause, page and
 * box of its line), 元 amounts in 万元. Facts stated nowhere are null; a fact with a 2021 equivalent is set under
 * that key too. Returns the cells completed (a new map; `mapped` is not changed), with a `table.not_found` issue
 * when the report states none of the facts. A template without `legacyKeys` gets its cells back as they are.
 */
export function readLegacyFacts(
  template: TemplateDef,
  narrativeLines: readonly NarrativeLine[],
  mapped: ReadonlyMap<string, Cell>,
): Done<ReadonlyMap<string, Cell>> {
  const keys = template.legacyKeys ?? [];
  if (keys.length === 0) return done(mapped);
  const cells = new Map(mapped);
  const narrative = buildNarrativeText(narrativeLines);
  for (const fact of keys) {
    const path = `legacy.${fact.key}`;
    if (cells.get(path)?.value != null) continue;
    const stated = findStatedNumbers(narrative, readingOf(fact))[0];
    if (!stated) continue;
    const where = locateOffset(narrative, stated.offset);
    cells.set(path, {
      value: fact.kind === "decimal" && stated.unit === "元" ? stated.value / YUAN_PER_WAN : stated.value,
      raw: stated.clause,
      page: where?.page ?? null,
      bbox: where?.bbox ?? null,
      // A sentence read by OCR is as sure as its least sure item.
      source: where?.ocr === undefined ? "text" : "ocr",
      confidence: Math.min(FROM_NARRATIVE, where?.ocr ?? 1),
      blank: false,
    });
  }
  for (const fact of keys) {
    const path = `legacy.${fact.key}`;
    const cell = cells.get(path) ?? MISSING;
    cells.set(path, cell);
    if (fact.v2021 !== undefined) cells.set(fact.v2021, cell);
  }
  if ([...cells.values()].some((c) => c.value !== null)) return done(cells);
  return done(cells, [
    {
      code: "table.not_found",
      severity: "warning",
      stage: "mapping",
      message: "legacy: no 统计表 row and no stated count of the legacy keys was found",
    },
  ]);
}

/** Clauses about the previous year ("与上年收到申请29件相比", "比上年增加3件"): their numbers are not this year's. */
const PREVIOUS_YEAR = ["相比", "上年", "去年", "上一年", "同比"];

/**
 * How a fact is read from the narrative: never from a clause about the previous year; a fact under a
 * 行政复议 / 行政诉讼 heading only where that is the nearest of the two before it.
 */
function readingOf(fact: LegacyKeyDef): StatementPatterns {
  const own: StatementPatterns = { ...fact, clauseExclude: [...(fact.clauseExclude ?? []), ...PREVIOUS_YEAR] };
  if (fact.context === undefined) return own;
  const words = legacyContextWords[fact.context] ?? [fact.context];
  const rivals = Object.entries(legacyContextWords)
    .filter(([context]) => context !== fact.context)
    .flatMap(([, other]) => other);
  return { ...own, nearestContext: { own: words, rivals } };
}

const MISSING: Cell = { value: null, raw: null, page: null, bbox: null, source: "text", confidence: 0, blank: false };
