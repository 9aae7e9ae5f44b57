import { assignRows } from "./assign-rows.js";
import { completeAnchors, findAnchors } from "./find-anchors.js";
import { makeCell } from "./make-cell.js";
import { normalizeLabel } from "./normalize.js";
import { detectAlignment, placeValues } from "./place-values.js";
import { isDataRow, type RowRecord } from "./row-record.js";
import { notFound, PLACED_BY_HEADER, rowConfidence, type TableContext } from "./table-context.js";

/** A free line with a longer label is running text that happens to end in a number, not a table row. */
const MAX_S2_LABEL = 16;
const DOC_WORDS = [
  ["本年制发件数", "制发"],
  ["本年废止件数", "废止"],
  ["现行有效件数", "有效"],
];

/** Section 二: six items by label; the three document counts by header columns when unruled. */
export function mapSection2(records: readonly RowRecord[], context: TableContext): void {
  const { template, cells, tableRecords } = context;
  const rows = records.filter((r) => r.ruled || !isDataRow(r) || normalizeLabel(r.label).length <= MAX_S2_LABEL);
  if (rows.length === 0) {
    context.issues.push(notFound("s2", "第二十条 tables (section 二)"));
    return;
  }
  const docRows = rows.filter((r) => isDataRow(r) && /规章|规范性文件/.test(r.label));
  const docAnchors = completeAnchors(
    findAnchors(
      rows.flatMap((r) => r.items),
      DOC_WORDS,
    ),
    docRows.flatMap((r) => r.slots.filter((s) => s.raw.trim() !== "")),
  );
  const alignment = detectAlignment(docRows) ?? context.alignment;
  for (const a of assignRows(rows, template.s2Items)) {
    tableRecords.add(a.record);
    const item = template.s2Items.find((it) => it.key === a.key);
    if (!item) continue;
    const byPosition = a.record.slots.length === item.fields.length;
    const placed = placeValues(a.record, item.fields.length, item.fields.length === 3 ? docAnchors : null, alignment);
    const confidence = Math.min(rowConfidence(a), byPosition ? 1 : PLACED_BY_HEADER);
    item.fields.forEach((field, i) => {
      cells.set(`s2.${item.key}.${field.key}`, makeCell(placed[i] ?? null, confidence));
    });
  }
}
