import type { Cell } from "../../model/cell.js";
import { describePath, sectionLabel } from "../extracted/index.js";
import { cellLabel } from "./cell-label.js";
import { escapeHtml, formatValue } from "./html.js";
import type { ReviewedCell } from "./review-model.js";

interface Section {
  readonly key: string;
  readonly rows: Map<string, { label: string; cells: Map<string, { path: string; label: string; cell: Cell }> }>;
}

/**
 * The extracted tables as HTML, one per section in output order: a grid when every row has the same columns
 * (section 三, 四), else one line per value (section 二). Each value cell carries `data-path` for the page script.
 */
export function renderTables(
  cells: Readonly<Record<string, Cell>>,
  flagged: ReadonlyMap<string, string>,
  reviewed: Readonly<Record<string, ReviewedCell>>,
): string {
  const sections = new Map<string, Section>();
  for (const [path, cell] of Object.entries(cells)) {
    const info = describePath(path);
    const section = sections.get(info.section) ?? { key: info.section, rows: new Map() };
    sections.set(info.section, section);
    const row = section.rows.get(info.row) ?? { label: info.rowLabel ?? info.row, cells: new Map() };
    section.rows.set(info.row, row);
    row.cells.set(info.column, { path, label: info.columnLabel ?? info.column, cell });
  }
  return [...sections.values()].map((s) => renderSection(s, flagged, reviewed)).join("\n");
}

function renderSection(
  section: Section,
  flagged: ReadonlyMap<string, string>,
  reviewed: Readonly<Record<string, ReviewedCell>>,
): string {
  const rows = [...section.rows.values()];
  const columnKeys = [...(rows[0]?.cells.keys() ?? [])];
  const grid =
    rows.length > 1 && rows.every((r) => r.cells.size === columnKeys.length && columnKeys.every((k) => r.cells.has(k)));
  const caption = `<caption>${escapeHtml(sectionLabel(section.key) ?? section.key)}</caption>`;
  if (grid) {
    const first = rows[0];
    const head = columnKeys.map((k) => `<th>${escapeHtml(first?.cells.get(k)?.label ?? k)}</th>`).join("");
    const body = rows
      .map((r) => {
        const tds = columnKeys.map((k) => {
          const entry = r.cells.get(k);
          return entry === undefined ? "<td></td>" : valueCell(entry.path, entry.cell, flagged, reviewed[entry.path]);
        });
        return `<tr><th scope="row">${escapeHtml(r.label)}</th>${tds.join("")}</tr>`;
      })
      .join("\n");
    return `<table class="values grid" data-section="${section.key}">${caption}<thead><tr><th></th>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
  }
  const body = rows
    .flatMap((r) =>
      [...r.cells.values()].map(
        (entry) =>
          `<tr><th scope="row">${escapeHtml(r.label)}</th><th>${escapeHtml(entry.label)}</th>${valueCell(entry.path, entry.cell, flagged, reviewed[entry.path])}</tr>`,
      ),
    )
    .join("\n");
  return `<table class="values list" data-section="${section.key}">${caption}<tbody>\n${body}\n</tbody></table>`;
}

function valueCell(
  path: string,
  cell: Cell,
  flagged: ReadonlyMap<string, string>,
  review: ReviewedCell | undefined,
): string {
  const classes = ["v", `src-${cell.source}`];
  if (cell.value === null) classes.push("missing");
  if (cell.blank) classes.push("blank");
  const severity = flagged.get(path);
  if (severity !== undefined) classes.push(`flag-${severity}`);
  let title = `${cellLabel(path)} · “${cell.raw ?? ""}” · ${cell.source} ${cell.confidence}${cell.page === null ? "" : ` · 第${cell.page}页`}`;
  let text = formatValue(cell.value);
  if (review !== undefined) {
    classes.push(review.checked ? "checked" : "corrected");
    title += review.checked
      ? ` · checked by ${review.who} ${review.when}`
      : ` · corrected ${formatValue(review.printed)} → ${formatValue(review.value)} by ${review.who} (${review.why}) ${review.when}`;
    if (!review.checked) text = `${formatValue(review.value)}`;
  }
  return `<td class="${classes.join(" ")}" data-path="${escapeHtml(path)}" title="${escapeHtml(title)}" tabindex="0">${escapeHtml(text)}</td>`;
}
