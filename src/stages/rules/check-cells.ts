import type { Cell } from "../../model/cell.js";
import type { Flag } from "../../model/flag.js";
import type { CellPath } from "../../model/template-paths.js";
import type { LocalText, RuleBase } from "../../templates/rule-def.js";
import type { RuleInput } from "../../templates/rule-input.js";
import { listCellPaths } from "../../templates/template-paths.js";
import { formatNumber, readCellRef } from "./cell-refs.js";
import type { RuleKindDef } from "./rule-kind.js";

/** `integer`: counts integers ≥ 0, decimals ≥ 0, signed integers; `missing`: value null; `blank`: printed blank. */
export type CellCheck = "integer" | "missing" | "blank";

/** A check of every template cell on its own; one flag per failing cell, at the cell's path. */
export interface CellCheckRule extends RuleBase {
  readonly kind: "cell_check";
  readonly check: CellCheck;
}

declare module "../../templates/rule-def.js" {
  interface RuleKinds {
    cell_check: CellCheckRule;
  }
}

/** One flag per template cell that fails the rule's check, at the cell's path. */
export function checkCells(rule: CellCheckRule, input: RuleInput): Flag[] {
  const flags: Flag[] = [];
  for (const cellPath of listCellPaths(input.template)) {
    // A derived cell is not printed: its parts carry their own flags.
    if (cellPath.derived) continue;
    const cell = input.cells.get(cellPath.path);
    const message = describeFailure(rule, cellPath, cell);
    if (message === null) continue;
    const ref = readCellRef(input, cellPath.path);
    flags.push({
      rule: rule.id,
      severity: rule.severity,
      path: cellPath.path,
      cells: [ref],
      expected: null,
      actual: ref.value,
      message,
    });
  }
  return flags;
}

/** The message for a failing cell, or null when the cell passes. */
function describeFailure(rule: CellCheckRule, cellPath: CellPath, cell: Cell | undefined): LocalText | null {
  const at = cell?.page == null ? "" : `（第${cell.page}页）`;
  const atEn = cell?.page == null ? "" : ` (page ${cell.page})`;
  switch (rule.check) {
    case "missing":
      if (cell !== undefined && cell.value !== null) return null;
      return { zh: `${cellPath.path} 未能读取${at}`, en: `${cellPath.path} could not be read${atEn}` };
    case "blank":
      if (cell?.blank !== true) return null;
      return {
        zh: `${cellPath.path} 印为空白或“${cell.raw ?? ""}”${at}，按 0 计`,
        en: `${cellPath.path} is printed blank or "${cell.raw ?? ""}"${atEn}, read as 0`,
      };
    case "integer": {
      const value = cell?.value ?? null;
      if (value === null || isValidValue(cellPath, value)) return null;
      const v = formatNumber(value);
      if (cellPath.kind === "decimal") {
        return {
          zh: `${cellPath.path} = ${v}${at}，金额应为非负数`,
          en: `${cellPath.path} = ${v}${atEn}, expected an amount ≥ 0`,
        };
      }
      const what =
        cellPath.kind === "signed" ? { zh: "整数", en: "an integer" } : { zh: "非负整数", en: "an integer ≥ 0" };
      return {
        zh: `${cellPath.path} = ${v}${at}，应为${what.zh}`,
        en: `${cellPath.path} = ${v}${atEn}, expected ${what.en}`,
      };
    }
  }
}

function isValidValue(cellPath: CellPath, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  switch (cellPath.kind) {
    case "count":
      return Number.isInteger(value) && value >= 0;
    case "signed":
      return Number.isInteger(value);
    case "decimal":
      return value >= 0;
  }
}

/** The `cell_check` rule kind (registered in rule-kinds.ts). */
export const cellCheckKind: RuleKindDef<CellCheckRule> = {
  kind: "cell_check",
  recheckable: true,
  check: (rule, input) => checkCells(rule, input),
};
