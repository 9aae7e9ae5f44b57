/** How a value is read: a count (integer ≥ 0), a decimal ≥ 0 (万元), or a signed integer (本年增/减). */
export type NumberKind = "count" | "decimal" | "signed";

/** One value of a template: its dotted path (`s3.granted.natural`) and how its number is read. */
export interface CellPath {
  readonly path: string;
  readonly section: "s2" | "s2v19" | "s3" | "s4" | "legacy";
  readonly row: string;
  readonly column: string;
  readonly kind: NumberKind;
  /** Computed from other cells (TemplateDef.s3Derived), never printed in this layout. */
  readonly derived?: true;
}

/** Nested `{ s2: { rules: { made: 3 } } }` values from flat path → value pairs. */
export function nestValues(
  flat: ReadonlyMap<string, number | null>,
): Record<string, Record<string, Record<string, number | null>>> {
  const out: Record<string, Record<string, Record<string, number | null>>> = {};
  for (const [path, value] of flat) {
    const [section, row, column] = path.split(".");
    if (section === undefined || row === undefined || column === undefined) continue;
    const sectionValues = (out[section] ??= {});
    const rowValues = (sectionValues[row] ??= {});
    rowValues[column] = value;
  }
  return out;
}
