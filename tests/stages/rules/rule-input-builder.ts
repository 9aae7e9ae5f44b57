import type { Cell } from "../../../src/model/cell.js";
import type { Flag } from "../../../src/model/flag.js";
import type { RuleDef } from "../../../src/templates/rule-def.js";
import type { RuleInput } from "../../../src/templates/rule-input.js";
import type { TemplateVersion } from "../../../src/templates/template-def.js";
import { listCellPaths } from "../../../src/templates/template-paths.js";
import { v2021 } from "../../../src/templates/v2021/index.js";

export interface InputOptions {
  /** Cell values by path; every other template cell is 0. */
  readonly values?: Readonly<Record<string, number | null>>;
  /** Paths of cells printed blank (value 0). */
  readonly blank?: readonly string[];
  readonly agency?: string | null;
  readonly year?: number | null;
  readonly detectedVersion?: TemplateVersion;
  /** Narrative lines; line i is on page `pages[i]` (default 1). */
  readonly narrative?: readonly string[];
  readonly pages?: readonly number[];
}

/** The page every test cell sits on, so flags' cell refs can be checked. */
export const CELL_PAGE = 3;

/** A v2021 RuleInput from a partial values object: all other cells 0, each cell on page 3 with a box. */
export function buildRuleInput(options: InputOptions = {}): RuleInput {
  const cells = new Map<string, Cell>();
  listCellPaths(v2021).forEach((cellPath, index) => {
    const given = options.values?.[cellPath.path];
    const value = given === undefined ? 0 : given;
    const blank = options.blank?.includes(cellPath.path) ?? false;
    cells.set(cellPath.path, {
      value,
      raw: blank ? "—" : value === null ? null : String(value),
      page: CELL_PAGE,
      bbox: [10, index, 20, index + 1],
      source: "text",
      confidence: 1,
      blank,
    });
  });
  return {
    template: v2021,
    detectedVersion: options.detectedVersion ?? "v2021",
    agency: options.agency === undefined ? "广州市人民政府" : options.agency,
    year: options.year === undefined ? 2023 : options.year,
    cells,
    narrative: (options.narrative ?? []).map((text, i) => ({
      text,
      page: options.pages?.[i] ?? 1,
      bbox: [50, 100 + 20 * i, 500, 115 + 20 * i],
    })),
  };
}

/** A consistent report: every table rule holds and the narrative states the table's counts. */
export const CLEAN_VALUES: Readonly<Record<string, number>> = {
  "s2.rules.made": 2,
  "s2.rules.valid": 40,
  "s2.normative_docs.made": 5,
  "s2.admin_fees.amount_wan": 12.5,
  "s3.new_received.natural": 25,
  "s3.new_received.commercial": 5,
  "s3.new_received.total": 30,
  "s3.carried_over.natural": 2,
  "s3.carried_over.total": 2,
  "s3.granted.natural": 15,
  "s3.granted.commercial": 5,
  "s3.granted.total": 20,
  "s3.partial.natural": 5,
  "s3.partial.total": 5,
  "s3.unable_not_held.natural": 3,
  "s3.unable_not_held.total": 3,
  "s3.total_processed.natural": 23,
  "s3.total_processed.commercial": 5,
  "s3.total_processed.total": 28,
  "s3.carried_forward.natural": 4,
  "s3.carried_forward.total": 4,
  "s4.review.upheld": 1,
  "s4.review.corrected": 1,
  "s4.review.total": 2,
  "s4.suit_direct.pending": 1,
  "s4.suit_direct.total": 1,
};

export const CLEAN_NARRATIVE: readonly string[] = [
  "2023年，广州市人民政府全年通过门户网站发布信息206条，其中政策文件12件。",
  "2023年，本机关共收到政府信息公开申请30件，其中上年结转2件。截至2023年12月31日，已办",
  "结申请28件，结转下年度继续办理4件。",
  "2023年，本机关因政府信息公开被申请行政复议2件，被提起行政诉讼1件，均已依法应诉答复。",
  "本年度收取行政事业性收费125000元，未收取信息处理费。",
];

/** The v2021 rule with this id, narrowed to its kind. */
export function findRule<K extends RuleDef["kind"]>(id: string, kind: K): Extract<RuleDef, { kind: K }> {
  const rule = v2021.rules?.find((r) => r.id === id);
  if (rule === undefined || rule.kind !== kind) throw new Error(`Expected a v2021 rule \`${id}\` of kind ${kind}`);
  return rule as Extract<RuleDef, { kind: K }>;
}

/** Flags reduced to what most tests compare. */
export function summarize(
  flags: readonly Flag[],
): { rule: string; path: string; expected: number | null; actual: number | null }[] {
  return flags.map(({ rule, path, expected, actual }) => ({ rule, path, expected, actual }));
}
