import { describePath, labelOf } from "../extracted/index.js";

/** Section numbers as the template prints them. */
const SECTION_NUMBERS: Readonly<Record<string, string>> = { s2: "二、", s2v19: "二、", s3: "三、", s4: "四、" };

/** Section 三 rows under a label-only group cell (（三）不予公开 …): the group's number goes before the row's. */
const S3_GROUPS: readonly (readonly [RegExp, string])[] = [
  [/^deny_/, "（三）"],
  [/^unable_/, "（四）"],
  [/^reject_/, "（五）"],
  [/^other_(?:no_supplement|fee_unpaid|other)$/, "（六）"],
];

/**
 * A value path as oversight staff read it on the printed table: section number, group, row label · column label,
 * e.g. `s3.deny_three_security.natural` → 三、（三）3.危及“三安全一稳定” · 自然人. A path no template knows stays as is.
 */
export function cellLabel(path: string): string {
  const info = describePath(path);
  if (info.rowLabel === null && info.columnLabel === null) return labelOf(info) || path;
  const group = info.section === "s3" ? (S3_GROUPS.find(([pattern]) => pattern.test(info.row))?.[1] ?? "") : "";
  const row = `${SECTION_NUMBERS[info.section] ?? ""}${group}${info.rowLabel ?? info.row}`;
  return info.columnLabel === null ? row : `${row} · ${info.columnLabel}`;
}

/**
 * A flag's path (a cell, a row `s3.granted`, a column `s3.total`, a group `s4.review`) in the template's words.
 */
export function pathLabel(path: string): string {
  const parts = path.split(".");
  if (parts.length >= 3) return cellLabel(path);
  const [section = "", key = ""] = parts;
  const number = SECTION_NUMBERS[section] ?? "";
  const asRow = describePath(`${section}.${key}.total`);
  if (asRow.rowLabel !== null) {
    const group = section === "s3" ? (S3_GROUPS.find(([pattern]) => pattern.test(key))?.[1] ?? "") : "";
    return `${number}${group}${asRow.rowLabel}`;
  }
  const asColumn = describePath(`${section}.granted.${key}`);
  if (asColumn.columnLabel !== null) return `${number}${asColumn.columnLabel}（列）`;
  return path;
}
