import type { Cell, CellRef } from "../../model/cell.js";
import type { Flag } from "../../model/flag.js";
import type { Issue } from "../../model/issue.js";
import { evaluateRules, markSuspectFlags, ruleKindOf } from "../../stages/rules/index.js";
import {
  registeredTemplates,
  selectTemplate,
  type TemplateDef,
  type TemplateVersion,
  templateFor,
} from "../../templates/index.js";
import type { RuleOf } from "../../templates/rule-def.js";
import type { RuleInput } from "../../templates/rule-input.js";
import type { ReportCorrections } from "./corrections.js";
import type { ExtractedOutput } from "./read-extracted.js";

/** Whether the rules can be run again on an output: its template's rules are known to the export. */
export function canRecheck(output: ExtractedOutput): boolean {
  return templateFor(output.report.template as TemplateVersion) !== undefined;
}

/** The cells of an output with corrections applied: a corrected cell takes the new value and is no longer blank. */
export function applyCorrections(
  output: ExtractedOutput,
  corrections: ReportCorrections | undefined,
): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  for (const [path, cell] of Object.entries(output.cells)) {
    const fix = corrections?.get(path);
    if (fix === undefined || fix.correction.new === cell.value) cells.set(path, cell);
    else cells.set(path, { ...cell, value: fix.correction.new, blank: false });
  }
  return cells;
}

/**
 * The report's flags after corrections. Rules on the tables alone (sums, cell checks, issuer scope) are run
 * again on the corrected cells with the pipeline's own rules engine. Rules that compare with the narrative
 * cannot run again (outputs keep no running text): their flags are kept, with the table side recomputed from
 * the corrected cells; a narrative flag whose recomputed table side now agrees is dropped. A correction can
 * therefore remove a narrative flag but not raise a new one. Without corrections, or for a template the export
 * does not know (`canRecheck` false), the output's flags are returned.
 */
export function recheckFlags(output: ExtractedOutput, corrections: ReportCorrections | undefined): Flag[] {
  if (corrections === undefined || corrections.size === 0) return output.flags;
  const template = templateOf(output);
  if (template === undefined) return output.flags;
  const cells = applyCorrections(output, corrections);
  const input: RuleInput = {
    template,
    detectedVersion: output.report.template as TemplateVersion,
    agency: output.report.agency,
    year: output.report.year,
    cells,
    narrative: [],
    pageless: output.source.pages === null,
  };
  const rules = template.rules ?? [];
  // Rules of a kind that reads what an output does not keep (the narrative): their flags are carried over, adjusted.
  const tableRuleIds = new Set(rules.filter((r) => ruleKindOf(r.kind).recheckable).map((r) => r.id));
  // A fee flag without a narrative amount (`expected` null) comes from the plausibility limit, which needs no
  // narrative: it is recomputed, unless the output has a narrative-based flag of that rule.
  const feeRuleIds = new Set(rules.filter((r) => r.kind === "unit_plausible").map((r) => r.id));
  const narrativeFee = new Set(
    output.flags.filter((f) => feeRuleIds.has(f.rule) && f.expected !== null).map((f) => f.rule),
  );
  // The OCR checksum's suspects (`ocr.suspect_cell`) that no correction settled keep their rules' failures
  // uncertain readings, as extraction marked them; a corrected cell is a person's reading, no longer a suspect.
  const suspects = output.issues.filter(
    (issue) =>
      issue.code === "ocr.suspect_cell" && !corrections.has(issue.message.slice(0, issue.message.indexOf(":"))),
  ) as unknown as Issue[];
  const recomputed = markSuspectFlags(evaluateRules(input), suspects, template).filter(
    (flag) => tableRuleIds.has(flag.rule) || (feeRuleIds.has(flag.rule) && !narrativeFee.has(flag.rule)),
  );
  const carried = output.flags
    .filter((flag) => !tableRuleIds.has(flag.rule) && !(feeRuleIds.has(flag.rule) && flag.expected === null))
    .flatMap((flag) => adjustNarrativeFlag(flag, template, cells));
  return [...recomputed, ...carried].sort((a, b) => compareText(a.rule, b.rule) || compareText(a.path, b.path));
}

/**
 * The template the report was checked with: its version's, with section 三 taken from the layout its cells show,
 * as the pipeline's `selectTemplate` does from the page: another table template's section 三 when the output
 * holds a cell, read and not derived, of a row only that template prints (a v2021 report printing the 2019
 * single （六）其他处理 row; a v2019 report printing the three 2021 （六） rows).
 */
function templateOf(output: ExtractedOutput): TemplateDef | undefined {
  const version = output.report.template as TemplateVersion;
  const base = templateFor(version);
  if (base === undefined) return undefined;
  const own = new Set(base.s3Rows.map((r) => r.key));
  const printed = (row: string) =>
    Object.entries(output.cells).some(([path, cell]) => path.startsWith(`s3.${row}.`) && cell.source !== "derived");
  const other = registeredTemplates().find(
    (t) => t !== base && t.layout === "table" && t.s3Rows.some((r) => !own.has(r.key) && printed(r.key)),
  );
  return selectTemplate(version, other?.version ?? "unknown");
}

function adjustNarrativeFlag(flag: Flag, template: TemplateDef, cells: ReadonlyMap<string, Cell>): Flag[] {
  const refs = flag.cells.map((ref) => refreshRef(ref, cells));
  if (refs.every((ref, i) => ref.value === flag.cells[i]?.value)) return [flag];
  const rule = (template.rules ?? []).find((r) => r.id === flag.rule);
  if (rule?.kind === "narrative_equals") return recheckNarrativeEquals(flag, rule, refs, cells);
  if (rule?.kind === "unit_plausible") {
    const table = refs[0]?.value ?? null;
    // `expected` is the narrative's amount in 万元 (null for the plausibility limit, which is re-run below).
    if (table === null || (flag.expected !== null && table === flag.expected)) return [];
    return [withTableNote({ ...flag, cells: refs, actual: table }, table)];
  }
  return [{ ...flag, cells: refs }];
}

/** The narrative number is the flag's `actual`; the table side is summed again from the corrected cells. */
function recheckNarrativeEquals(
  flag: Flag,
  rule: RuleOf<"narrative_equals">,
  refs: readonly CellRef[],
  cells: ReadonlyMap<string, Cell>,
): Flag[] {
  const sum = (paths: readonly string[]) => {
    let total = 0;
    for (const path of paths) {
      const value = cells.get(path)?.value ?? null;
      if (value === null) return null;
      total += value;
    }
    return Math.round(total * 1e6) / 1e6;
  };
  const expected = sum(rule.target);
  if (expected === null) return [];
  const accepted = [expected, ...(rule.alsoAccept ?? []).map(sum)];
  if (accepted.includes(flag.actual)) return [];
  return [withTableNote({ ...flag, cells: [...refs], expected }, expected)];
}

function withTableNote(flag: Flag, table: number): Flag {
  return {
    ...flag,
    message: {
      zh: `${flag.message.zh}（更正后表格值 ${table}）`,
      en: `${flag.message.en} (table value after correction: ${table})`,
    },
  };
}

function refreshRef(ref: CellRef, cells: ReadonlyMap<string, Cell>): CellRef {
  const cell = cells.get(ref.path);
  return cell === undefined ? ref : { ...ref, value: cell.value };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
