import type { Cell } from "../../model/cell.js";
import type { Flag } from "../../model/flag.js";
import type { Issue } from "../../model/issue.js";
import type { RuleInput } from "../../templates/rule-input.js";
import type { TemplateDef } from "../../templates/template-def.js";
import { evaluateRules } from "./evaluate-rules.js";

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
  return [...issues, ...derivedSuspects(input.template, issues)];
}

/**
 * The derived cells (the 2019 （六）其他处理, summed from printed rows) that add up a suspect cell: each is as
 * likely wrong as its part, so it is named too.
 */
function derivedSuspects(template: TemplateDef, suspects: readonly Issue[]): Issue[] {
  const out: Issue[] = [];
  for (const suspect of suspects) {
    const path = suspect.message.slice(0, suspect.message.indexOf(":"));
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
  const suspects = new Set(
    issues.filter((i) => i.code === "ocr.suspect_cell").map((i) => i.message.slice(0, i.message.indexOf(":"))),
  );
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
