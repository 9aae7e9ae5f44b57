import type { Cell } from "../../model/cell.js";
import type { FieldDef, ItemDef } from "../../templates/index.js";
import { assignRows } from "./assign-rows.js";
import { type Anchor, completeAnchors, findAnchors } from "./find-anchors.js";
import { makeCell } from "./make-cell.js";
import { normalizeLabel } from "./normalize.js";
import { detectAlignment, placeValues } from "./place-values.js";
import { isDataRow, type RowRecord } from "./row-record.js";
import { notFound, PLACED_BY_HEADER, rowConfidence, type TableContext } from "./table-context.js";

/** A free line with a longer label is running text that happens to end in a number, not a table row. */
const MAX_S2_LABEL = 16;

/**
 * Section 二: the template's items by label; multi-column items (规章 本年制发件数 / 本年废止件数 / 现行有效件数,
 * 2019's 上一年项目数量 / 本年增/减 / 处理决定数量) by header columns when unruled. Values go under the
 * template's section key (`s2` or `s2v19`).
 */
export function mapSection2(records: readonly RowRecord[], context: TableContext): void {
  const { template, cells, tableRecords } = context;
  const rows = records.filter((r) => r.ruled || !isDataRow(r) || normalizeLabel(r.label).length <= MAX_S2_LABEL);
  if (rows.length === 0) {
    context.issues.push(notFound("s2", "第二十条 tables (section 二)"));
    return;
  }
  const assignments = assignRows(rows, template.s2Items);
  const itemOf = (key: string) => template.s2Items.find((it) => it.key === key);
  // One set of header anchors per column layout (the fields' header words), from the rows of that layout.
  const anchorsByLayout = new Map<
    string,
    { anchors: Anchor[] | null; alignment: ReturnType<typeof detectAlignment> }
  >();
  const layoutOf = (item: ItemDef) => item.fields.map((f) => f.key).join("|");
  for (const item of template.s2Items) {
    const layout = layoutOf(item);
    if (anchorsByLayout.has(layout) || item.fields.length < 2 || !hasWords(item.fields)) continue;
    const layoutRows = assignments.filter((a) => layoutOf(itemOf(a.key) ?? item) === layout).map((a) => a.record);
    const anchors = completeAnchors(
      findAnchors(
        rows.flatMap((r) => r.items),
        item.fields.map((f) => f.words ?? [f.label]),
      ),
      layoutRows.flatMap((r) => r.slots.filter((s) => s.raw.trim() !== "")),
    );
    anchorsByLayout.set(layout, { anchors, alignment: detectAlignment(layoutRows) });
  }
  for (const a of assignments) {
    tableRecords.add(a.record);
    const item = itemOf(a.key);
    if (!item) continue;
    const layout = anchorsByLayout.get(layoutOf(item));
    const byPosition = a.record.slots.length === item.fields.length;
    const own = a.record.ruled || !layout?.anchors ? null : ownHeaderAnchors(rows, a.record, item.fields);
    const placed = placeValues(
      a.record,
      item.fields.length,
      own ?? layout?.anchors ?? null,
      layout?.alignment ?? context.alignment,
    );
    const confidence = Math.min(rowConfidence(a), byPosition ? 1 : PLACED_BY_HEADER);
    item.fields.forEach((field, i) => {
      const cell = makeCell(placed[i] ?? null, confidence, field.kind);
      const inYuan = field.kind === "decimal" && headerSaysYuan(rows, field.label);
      cells.set(`${template.s2Section}.${item.key}.${field.key}`, inYuan ? yuanToWan(cell) : cell);
    });
  }
}

/** The amount column's header gives its unit as 元 ("采购总金额（元）", "采购总金额（单位：元）"), not 万元. */
function headerSaysYuan(rows: readonly RowRecord[], label: string): boolean {
  const escaped = normalizeLabel(label).replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const unit = new RegExp(`${escaped}（(?:单位:)?元）`);
  return rows.some((r) => unit.test(normalizeLabel(r.text)));
}

/** A 万元 cell whose column is headed in 元: a bare number is divided by 10 000 (an inline unit already was). */
function yuanToWan(cell: Cell): Cell {
  if (cell.value === null || cell.blank || /元$/.test(cell.raw ?? "")) return cell;
  return { ...cell, value: Math.round(cell.value * 100) / 1e6 };
}

/**
 * The columns of the sub-table a row is in, from its own header: the lines above it back to the nearest one that
 * spells at least two of the fields' header words. Sub-tables of one layout (2019's （五） and （六）, both
 * 上一年项目数量 / 本年增/减 / 处理决定数量) are laid out on their own, their columns elsewhere; the layout's anchors
 * are the first table's. Null when no such header is found or its words are not all found.
 */
function ownHeaderAnchors(rows: readonly RowRecord[], record: RowRecord, fields: readonly FieldDef[]): Anchor[] | null {
  const at = rows.indexOf(record);
  const words = fields.map((f) => f.words ?? [f.label]);
  const lines: RowRecord[] = [];
  for (let i = at - 1; i >= 0 && i >= at - 6; i--) {
    const line = rows[i] as RowRecord;
    if (line.page !== record.page) return null;
    if (isDataRow(line)) continue;
    lines.push(line);
    const text = normalizeLabel(line.text);
    const spelled = words.filter((spellings) => spellings.some((w) => text.includes(normalizeLabel(w)))).length;
    if (spelled >= 2) {
      const found = findAnchors(
        lines.flatMap((l) => l.items),
        words,
      );
      return found.every((a) => a !== null) ? (found as Anchor[]) : null;
    }
  }
  return null;
}

function hasWords(fields: readonly FieldDef[]): boolean {
  return fields.every((f) => (f.words ?? []).length > 0);
}
