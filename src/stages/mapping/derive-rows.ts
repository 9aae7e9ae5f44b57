import type { Cell } from "../../model/cell.js";
import type { TemplateDef } from "../../templates/index.js";

/**
 * Fills the template's derived section 三 rows (the 2019 （六）其他处理 on a 2021 report) with the per-column
 * sum of their source rows. A derived cell has no printed place (`raw`, `page`, `bbox` null, `source:
 * "derived"`), the confidence of its least certain part, and is null when any part is null: a sum over an
 * unread cell would be a silent guess.
 */
export function deriveRows(template: TemplateDef, cells: Map<string, Cell>): void {
  for (const row of template.s3Derived ?? []) {
    for (const column of template.s3Columns) {
      const parts = row.from.map((from) => cells.get(`s3.${from}.${column.key}`));
      const values = parts.map((p) => p?.value ?? null);
      const complete = values.every((v) => v !== null);
      cells.set(`s3.${row.key}.${column.key}`, {
        value: complete ? values.reduce<number>((a, v) => a + (v ?? 0), 0) : null,
        raw: null,
        page: null,
        bbox: null,
        source: "derived",
        confidence: complete ? Math.min(...parts.map((p) => p?.confidence ?? 0)) : 0,
        blank: false,
      });
    }
  }
}
