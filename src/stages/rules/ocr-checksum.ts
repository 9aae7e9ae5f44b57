import { type Cell, UNCERTAIN_BELOW } from "../../model/cell.js";
import type { Flag } from "../../model/flag.js";
import type { Issue } from "../../model/issue.js";
import type { RuleInput } from "../../templates/rule-input.js";
import type { TemplateDef } from "../../templates/template-def.js";
import { evaluateRules } from "./evaluate-rules.js";
import { buildNarrativeText } from "./narrative-text.js";
import { ruleKindOf } from "./rule-kinds.js";

/** Ids of the template's arithmetic rules (`checksum: true`), whose failure a single misread cell can explain. */
function checksumRuleIds(template: TemplateDef): ReadonlySet<string> {
  return new Set((template.rules ?? []).filter((r) => r.checksum === true).map((r) => r.id));
}

/**
 * The rules as a checksum on OCR: for each OCR cell cited by a failing arithmetic rule, the value that would
 * make that rule pass is tried; when it makes every failing arithmetic rule pass (and breaks none), and it is
 * one digit away from what was read (a digit misread, dropped or doubled), the cell is named by an
 * `ocr.suspect_cell` issue with the printed reading and the candidate. The value itself is never changed.
 */
export function findSuspectCells(input: RuleInput, flags: readonly Flag[]): Issue[] {
  const checksum = checksumRuleIds(input.template);
  const failing = flags.filter((f) => isChecksumFailure(f, checksum));
  if (failing.length === 0) return [];
  const key = (f: Flag) => `${f.rule} ${f.path}`;
  const failingKeys = new Set(failing.map(key));
  const candidates = new Map<string, Set<number>>();
  for (const flag of failing) {
    if (flag.expected === null || flag.actual === null) continue;
    for (const ref of flag.cells) {
      const cell = input.cells.get(ref.path);
      if (cell?.source !== "ocr" || cell.value === null) continue;
      // The flagged cell may stand on either side of the equation: try both corrections.
      const diff = flag.expected - flag.actual;
      const set = candidates.get(ref.path) ?? new Set<number>();
      for (const v of [cell.value + diff, cell.value - diff]) if (v >= 0 && Number.isInteger(v)) set.add(v);
      candidates.set(ref.path, set);
    }
  }
  const issues: Issue[] = [];
  for (const [path, values] of candidates) {
    const cell = input.cells.get(path) as Cell;
    for (const value of values) {
      if (value === cell.value || !oneDigitApart(String(cell.value), String(value))) continue;
      const cells = new Map(input.cells);
      cells.set(path, { ...cell, value });
      const after = evaluateRules({ ...input, cells }).filter((f) => isChecksumFailure(f, checksum));
      if (after.length > 0 || [...failingKeys].length === 0) continue;
      issues.push({
        code: "ocr.suspect_cell",
        severity: "warning",
        stage: "rules",
        message: `${path}: read as ${cell.raw ?? cell.value} (confidence ${cell.confidence}); ${value} would make every failing rule pass (${[...failingKeys].join(", ")}) — likely a misread, value kept as printed`,
        ...(cell.page !== null ? { page: cell.page } : {}),
      });
      break;
    }
  }
  // Two cells that would each make every failing rule pass (a group total and one of its parts, which no other
  // rule checks): the rules cannot tell which, nor from a publication's own error. Neither is named.
  const sole = issues.length === 1 ? issues : [];
  const named = new Set(sole.map(suspectPath));
  const unexplained = unexplainedSuspects(input, flags, checksum).filter((i) => !named.has(suspectPath(i)));
  const all = [...sole, ...unexplained];
  return [...all, ...derivedSuspects(input.template, all)];
}

function suspectPath(issue: Issue): string {
  return issue.message.slice(0, issue.message.indexOf(":"));
}

/**
 * A failing arithmetic rule already marked as an uncertain reading whose failure its uncertain cells cannot
 * explain (they would have to fall below zero): a sure cell of it is misread, or the publication is wrong. The one
 * sure cell one digit away from a value that makes the rule pass, breaks no passing rule and worsens no other
 * failing rule through it, is named (none when several are). A cell that an `error` flag cites is never named, so
 * no publication error is turned into a warning by this guess.
 */
function unexplainedSuspects(input: RuleInput, flags: readonly Flag[], checksum: ReadonlySet<string>): Issue[] {
  const narrative = buildNarrativeText(input.narrative);
  const gapOf = (cells: ReadonlyMap<string, Cell>, flag: Flag): number => {
    const rule = (input.template.rules ?? []).find((r) => r.id === flag.rule);
    if (!rule) return 0;
    const found = ruleKindOf(rule.kind)
      .check(rule, { ...input, cells }, narrative)
      .find((f) => f.path === flag.path);
    return found?.expected != null && found.actual != null ? found.expected - found.actual : 0;
  };
  const withValue = (path: string, value: number) => {
    const cells = new Map(input.cells);
    cells.set(path, { ...(input.cells.get(path) as Cell), value });
    return cells;
  };
  const failingKeys = new Set(flags.filter((f) => isChecksumFailure(f, checksum)).map((f) => `${f.rule} ${f.path}`));
  const citedByError = new Set(flags.filter((f) => f.severity === "error").flatMap((f) => f.cells.map((c) => c.path)));
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const flag of flags) {
    if (!checksum.has(flag.rule) || flag.uncertain_reading !== true) continue;
    const gap = gapOf(input.cells, flag);
    if (gap === 0) continue;
    const cited = flag.cells
      .map((ref) => ({ path: ref.path, cell: input.cells.get(ref.path) }))
      .filter((c): c is { path: string; cell: Cell } => c.cell?.source === "ocr");
    if (!cited.some(({ cell }) => cell.confidence < UNCERTAIN_BELOW)) continue;
    // What the uncertain cells can close: a cell the gap shrinks with when it grows can grow without bound; one it
    // shrinks with when it falls can give up at most its own value.
    let reach = 0;
    for (const { path, cell } of cited.filter((c) => c.cell.confidence < UNCERTAIN_BELOW)) {
      const value = cell.value ?? 0;
      if (Math.abs(gapOf(withValue(path, value + 1), flag)) < Math.abs(gap)) reach = Number.POSITIVE_INFINITY;
      else if (value > 0 && Math.abs(gapOf(withValue(path, value - 1), flag)) < Math.abs(gap)) reach += value;
    }
    if (reach >= Math.abs(gap)) continue;
    const named: Issue[] = [];
    for (const { path, cell } of cited) {
      if (cell.confidence < UNCERTAIN_BELOW || cell.value === null || seen.has(path) || citedByError.has(path))
        continue;
      for (const value of [cell.value + gap, cell.value - gap]) {
        if (value < 0 || !oneDigitApart(String(cell.value), String(value))) continue;
        const cells = withValue(path, value);
        if (gapOf(cells, flag) !== 0) continue;
        const after = evaluateRules({ ...input, cells }).filter((f) => isChecksumFailure(f, checksum));
        if (after.some((f) => !failingKeys.has(`${f.rule} ${f.path}`))) continue;
        const worse = flags.some(
          (f) =>
            f !== flag &&
            failingKeys.has(`${f.rule} ${f.path}`) &&
            f.cells.some((c) => c.path === path) &&
            Math.abs(gapOf(cells, f)) > Math.abs(gapOf(input.cells, f)),
        );
        if (worse) continue;
        named.push({
          code: "ocr.suspect_cell",
          severity: "warning",
          stage: "rules",
          message: `${path}: read as ${cell.raw ?? cell.value} (confidence ${cell.confidence}); ${value} would make ${flag.rule} ${flag.path} pass, which its uncertain cells cannot — likely a misread, value kept as printed`,
          ...(cell.page !== null ? { page: cell.page } : {}),
        });
        break;
      }
    }
    // Only a cell the rule singles out: two that would each balance it leave the fault unknown.
    if (named.length === 1) {
      seen.add(suspectPath(named[0] as Issue));
      issues.push(named[0] as Issue);
    }
  }
  return issues;
}

/**
 * The derived cells (the 2019 （六）其他处理, summed from printed rows) that add up a suspect cell: each is as
 * likely wrong as its part, so it is named too.
 */
function derivedSuspects(template: TemplateDef, suspects: readonly Issue[]): Issue[] {
  const out: Issue[] = [];
  for (const suspect of suspects) {
    const path = suspectPath(suspect);
    const [section, row, column] = path.split(".");
    if (section !== "s3") continue;
    for (const derived of template.s3Derived ?? []) {
      if (!derived.from.includes(row ?? "")) continue;
      out.push({
        ...suspect,
        message: `s3.${derived.key}.${column}: the sum of ${derived.from.map((r) => `s3.${r}.${column}`).join(" + ")}, which includes ${path}, a likely misread — value kept as summed`,
      });
    }
  }
  return out;
}

/**
 * Arithmetic errors that cite a cell an `ocr.suspect_cell` issue names become warnings with `uncertain_reading`:
 * the checksum says the reading, not the publication, is the likely fault (SPEC §4).
 */
export function markSuspectFlags(flags: readonly Flag[], issues: readonly Issue[], template: TemplateDef): Flag[] {
  const suspects = new Set(issues.filter((i) => i.code === "ocr.suspect_cell").map(suspectPath));
  if (suspects.size === 0) return [...flags];
  const checksum = checksumRuleIds(template);
  return flags.map((flag) =>
    flag.severity === "error" && checksum.has(flag.rule) && flag.cells.some((c) => suspects.has(c.path))
      ? {
          ...flag,
          severity: "warning",
          uncertain_reading: true,
          message: {
            zh: `${flag.message.zh}（读数存疑：校验和指出单元格可能识别错误）`,
            en: `${flag.message.en} (uncertain reading: the checksum names a likely misread cell)`,
          },
        }
      : flag,
  );
}

/** A failing arithmetic rule: an error, or the same failure marked as an uncertain reading. */
function isChecksumFailure(flag: Flag, checksum: ReadonlySet<string>): boolean {
  return checksum.has(flag.rule) && (flag.severity === "error" || flag.uncertain_reading === true);
}

/** Whether two digit strings differ by one substituted, inserted or deleted digit. */
export function oneDigitApart(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length === b.length) {
    let diff = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff++;
    return diff === 1;
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length - short.length !== 1) return false;
  for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}
