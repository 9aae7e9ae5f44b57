import type { CellPath } from "../../model/template-paths.js";
import type { NumberKind, TemplateDef } from "../../templates/index.js";
import { registeredTemplates } from "../../templates/index.js";
import { listCellPaths } from "../../templates/template-paths.js";

/** The heading of a value section (`s2`, `s2v19`, `s3`, `s4`, `legacy`): the first registered template's that names it. */
export function sectionLabel(section: string): string | undefined {
  return registeredTemplates().find((t) => t.sectionLabels[section] !== undefined)?.sectionLabels[section];
}

/** What the export says about one value path: where it sits, its Chinese labels, its unit. */
export interface PathInfo {
  readonly path: string;
  readonly section: string;
  readonly row: string;
  readonly column: string;
  readonly kind: NumberKind | null;
  /** Templates defining the path, e.g. `v2021`. */
  readonly templates: readonly string[];
  readonly rowLabel: string | null;
  readonly columnLabel: string | null;
  /** Unit of the value: 万元 for amounts, 件 for counts. */
  readonly unit: string | null;
}

/** Every path of the known templates, in template order (first template first), with labels. */
export function listKnownPaths(): PathInfo[] {
  const byPath = new Map<string, PathInfo>();
  // Every registered template, in registry order: its paths get labels in the data dictionary and their place in
  // the wide table; a path no template has still exports, unlabelled.
  for (const template of registeredTemplates()) {
    for (const cellPath of listCellPaths(template)) {
      const known = byPath.get(cellPath.path);
      if (known !== undefined) {
        byPath.set(cellPath.path, { ...known, templates: [...known.templates, template.version] });
        continue;
      }
      byPath.set(cellPath.path, describeTemplatePath(template, cellPath));
    }
  }
  return [...byPath.values()];
}

let catalog: Map<string, PathInfo> | null = null;

/** Labels of a path; a path no known template has is split into section / row / column, unlabelled. */
export function describePath(path: string): PathInfo {
  catalog ??= new Map(listKnownPaths().map((info) => [info.path, info]));
  const known = catalog.get(path);
  if (known !== undefined) return known;
  const [section = "", row = "", ...rest] = path.split(".");
  return {
    path,
    section,
    row,
    column: rest.join("."),
    kind: null,
    templates: [],
    rowLabel: null,
    columnLabel: null,
    unit: null,
  };
}

function describeTemplatePath(template: TemplateDef, cellPath: CellPath): PathInfo {
  const base = {
    path: cellPath.path,
    section: cellPath.section,
    row: cellPath.row,
    column: cellPath.column,
    kind: cellPath.kind,
    templates: [template.version],
    unit: cellPath.kind === "decimal" ? "万元" : "件",
  };
  if (cellPath.section === "s3") {
    const row = template.s3Rows.find((r) => r.key === cellPath.row);
    const column = template.s3Columns.find((c) => c.key === cellPath.column);
    return { ...base, rowLabel: row?.label ?? null, columnLabel: column?.label ?? null };
  }
  if (cellPath.section === "s4") {
    const group = template.s4Groups.find((g) => g.key === cellPath.row);
    const field = group?.fields.find((f) => f.key === cellPath.column);
    return { ...base, rowLabel: group?.label ?? null, columnLabel: field?.label ?? null };
  }
  const item = template.s2Items.find((i) => i.key === cellPath.row);
  const field = item?.fields.find((f) => f.key === cellPath.column);
  const rowLabel = item === undefined ? null : `${item.caption} ${item.label}`;
  return { ...base, rowLabel, columnLabel: field?.label ?? null };
}

/** The Chinese label of a path as printed: row label / column label. */
export function labelOf(info: PathInfo): string {
  return [info.rowLabel, info.columnLabel].filter((l) => l !== null).join(" / ");
}
