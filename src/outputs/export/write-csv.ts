import { writeFile } from "node:fs/promises";

export type CsvValue = string | number | boolean | null;

/**
 * RFC 4180 CSV, UTF-8 without BOM, `\n` line ends; null is an empty field. Numbers are written as JavaScript prints
 * them (no thousands separators, `.` decimal point).
 */
export function formatCsv(columns: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [columns.map(quoteField).join(",")];
  for (const row of rows) lines.push(row.map(formatField).join(","));
  return `${lines.join("\n")}\n`;
}

/**
 * Writes a CSV; with `bom`, a UTF-8 byte-order mark first, which Excel needs to read UTF-8 (without it, Excel
 * on Chinese Windows decodes the file as GBK). pandas reads either (`encoding="utf-8-sig"` drops the mark).
 */
export async function writeCsv(
  path: string,
  columns: readonly string[],
  rows: readonly (readonly CsvValue[])[],
  { bom = false }: { bom?: boolean } = {},
) {
  await writeFile(path, `${bom ? "\uFEFF" : ""}${formatCsv(columns, rows)}`);
}

function formatField(value: CsvValue): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return quoteField(value);
}

function quoteField(text: string): string {
  return /[",\n\r]/.test(text) || text === "" ? `"${text.replaceAll('"', '""')}"` : text;
}
