import { createHash } from "node:crypto";
import type { Box } from "../../model/geometry.js";
import type { CrossRuleDef } from "../../templates/cross-rule-def.js";

/** What the cross-report rules need of one output: small, so thousands of reports fit in memory. */
export interface ReportFacts {
  /** The output JSON's path relative to the checked folder, `/`-separated. */
  readonly file: string;
  readonly sha256: string;
  /** The agency as printed (normalised later, over all reports together). */
  readonly agency: string;
  readonly year: number;
  /** The cells the rules read: value, page and box. */
  readonly cells: ReadonlyMap<string, FactCell>;
  /** A hash of every table value when none is null, else null (such tables are not compared). */
  readonly tablesKey: string | null;
  readonly valueCount: number;
  readonly nonZero: number;
}

export interface FactCell {
  readonly value: number | null;
  readonly page: number | null;
  readonly bbox: Box | null;
}

/** The cell paths the rules read, placeholders filled. */
export function crossPaths(rules: readonly CrossRuleDef[]): Set<string> {
  const paths = new Set<string>();
  for (const rule of rules) {
    if (rule.kind !== "cross_sum") continue;
    for (const item of rule.forEach) {
      for (const term of [rule.actual, ...rule.expected]) paths.add(term.path.replaceAll("{item}", item.key));
    }
  }
  return paths;
}

interface OutputLike {
  schema?: unknown;
  status?: unknown;
  source?: { sha256?: unknown };
  report?: { agency?: unknown; year?: unknown };
  values?: unknown;
  cells?: Record<string, { value?: unknown; page?: unknown; bbox?: unknown }>;
}

/**
 * The facts of one parsed output, or null when it cannot take part: not a gongkai report, failed, or
 * without agency or year.
 */
export function readReportFacts(file: string, json: unknown, paths: ReadonlySet<string>): ReportFacts | null {
  const output = json as OutputLike;
  if (typeof output !== "object" || output === null || output.schema !== "gongkai.report/1") return null;
  const agency = output.report?.agency;
  const year = output.report?.year;
  if (output.status === "failure" || typeof agency !== "string" || typeof year !== "number") return null;
  const cells = new Map<string, FactCell>();
  for (const path of paths) {
    const cell = output.cells?.[path];
    if (!cell) continue;
    cells.set(path, {
      value: typeof cell.value === "number" ? cell.value : null,
      page: typeof cell.page === "number" ? cell.page : null,
      bbox: Array.isArray(cell.bbox) ? (cell.bbox as Box) : null,
    });
  }
  const leaves = collectLeaves(output.values);
  const complete = leaves.length > 0 && leaves.every((v) => v !== null);
  return {
    file,
    sha256: typeof output.source?.sha256 === "string" ? output.source.sha256 : "",
    agency,
    year,
    cells,
    tablesKey: complete ? createHash("sha256").update(JSON.stringify(output.values)).digest("hex") : null,
    valueCount: leaves.length,
    nonZero: leaves.filter((v) => v !== null && v !== 0).length,
  };
}

function collectLeaves(values: unknown, into: (number | null)[] = []): (number | null)[] {
  if (values === null || typeof values === "number") into.push(values);
  else if (typeof values === "object" && values !== undefined) {
    for (const value of Object.values(values)) collectLeaves(value, into);
  }
  return into;
}
