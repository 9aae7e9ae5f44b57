import type { CrossCell, CrossFlag } from "../../model/cross-report.js";
import type { CrossDuplicateRule, CrossRuleDef, CrossSumRule } from "../../templates/cross-rule-def.js";
import { normalizeAgencies } from "./normalize-agency.js";
import type { ReportFacts } from "./report-facts.js";

/**
 * Runs the cross-report rules over reports grouped by normalised agency and year. Reports with the same
 * bytes in one group count once. Flags are sorted (agency, years, rule, path, files), so the result does
 * not depend on the order reports were read in.
 */
export function evaluateCross(reports: readonly ReportFacts[], rules: readonly CrossRuleDef[]): CrossFlag[] {
  const agencies = normalizeAgencies(reports.map((r) => r.agency));
  const byAgency = new Map<string, Map<number, ReportFacts[]>>();
  const sorted = [...reports].sort((a, b) => compare(a.file, b.file));
  for (const report of sorted) {
    const agency = agencies.get(report.agency) ?? report.agency;
    const years = byAgency.get(agency) ?? new Map<number, ReportFacts[]>();
    byAgency.set(agency, years);
    const group = years.get(report.year) ?? [];
    if (!group.some((r) => r.sha256 === report.sha256 && r.sha256 !== "")) group.push(report);
    years.set(report.year, group);
  }
  const flags: CrossFlag[] = [];
  for (const [agency, years] of byAgency) {
    for (const rule of rules) {
      if (rule.kind === "cross_sum") {
        for (const [year, current] of years) {
          for (const cur of current) {
            for (const prev of years.get(year - 1) ?? []) flags.push(...checkSum(rule, agency, prev, cur));
          }
        }
      } else flags.push(...checkDuplicate(rule, agency, [...years.values()].flat()));
    }
  }
  return flags.sort(
    (a, b) =>
      compare(a.agency, b.agency) ||
      (a.years[0] ?? 0) - (b.years[0] ?? 0) ||
      (a.years[1] ?? 0) - (b.years[1] ?? 0) ||
      compare(a.rule, b.rule) ||
      compare(a.path, b.path) ||
      compare(a.files.join("\n"), b.files.join("\n")),
  );
}

function checkSum(rule: CrossSumRule, agency: string, prev: ReportFacts, cur: ReportFacts): CrossFlag[] {
  const flags: CrossFlag[] = [];
  for (const item of rule.forEach) {
    const cite = (term: CrossSumRule["actual"]): CrossCell => {
      const report = term.year === "current" ? cur : prev;
      const path = term.path.replaceAll("{item}", item.key);
      const cell = report.cells.get(path);
      return {
        file: report.file,
        path,
        value: cell?.value ?? null,
        page: cell?.page ?? null,
        bbox: cell?.bbox ?? null,
      };
    };
    const actualCell = cite(rule.actual);
    const terms = rule.expected.map((term) => ({ term, cell: cite(term) }));
    if (actualCell.value === null || terms.some((t) => t.cell.value === null)) continue;
    // Counts are integers; fees are not summed here. Rounding keeps float noise out of the comparison.
    const expected = round(terms.reduce((sum, t) => sum + t.term.sign * (t.cell.value ?? 0), 0));
    const actual = actualCell.value;
    if (expected === actual) continue;
    const fill = (text: string, label: string) =>
      text
        .replaceAll("{item}", label)
        .replaceAll("{year}", String(cur.year))
        .replaceAll("{previous}", String(prev.year))
        .replaceAll("{expected}", String(expected))
        .replaceAll("{actual}", String(actual));
    flags.push({
      rule: rule.id,
      severity: rule.severity,
      path: rule.path.replaceAll("{item}", item.key),
      agency,
      years: [prev.year, cur.year],
      files: [prev.file, cur.file],
      cells: [...terms.filter((t) => t.term.year === "previous"), ...terms.filter((t) => t.term.year === "current")]
        .map((t) => t.cell)
        .concat(actualCell)
        .filter((cell, i, all) => all.findIndex((c) => c.file === cell.file && c.path === cell.path) === i),
      expected,
      actual,
      message: { zh: fill(rule.message.zh, item.label.zh), en: fill(rule.message.en, item.label.en) },
    });
  }
  return flags;
}

function checkDuplicate(rule: CrossDuplicateRule, agency: string, reports: readonly ReportFacts[]): CrossFlag[] {
  const candidates = reports
    .filter((r) => r.tablesKey !== null && r.nonZero >= rule.minNonZero)
    .sort((a, b) => a.year - b.year || compare(a.file, b.file));
  const flags: CrossFlag[] = [];
  for (const [i, prev] of candidates.entries()) {
    for (const cur of candidates.slice(i + 1)) {
      if (cur.year === prev.year || cur.tablesKey !== prev.tablesKey) continue;
      const fill = (text: string) =>
        text
          .replaceAll("{year}", String(cur.year))
          .replaceAll("{previous}", String(prev.year))
          .replaceAll("{count}", String(cur.valueCount));
      flags.push({
        rule: rule.id,
        severity: rule.severity,
        path: rule.path,
        agency,
        years: [prev.year, cur.year],
        files: [prev.file, cur.file],
        cells: [],
        expected: null,
        actual: null,
        message: { zh: fill(rule.message.zh), en: fill(rule.message.en) },
      });
    }
  }
  return flags;
}

/** Code-point order: independent of the locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
