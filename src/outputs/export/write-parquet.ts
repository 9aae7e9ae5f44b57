import { DuckDBInstance } from "@duckdb/node-api";
import { type ColumnSpec, LIST_SEPARATOR } from "./columns.js";

/** DuckDB options: extensions it does not carry are never fetched (the export runs offline). */
const DUCKDB_OPTIONS = { autoinstall_known_extensions: "false", threads: "1" };

/** Runs `fn` on a fresh in-memory DuckDB connection and always closes it. */
export async function withDuckDb<T>(fn: (run: (sql: string) => Promise<Record<string, unknown>[]>) => Promise<T>) {
  const instance = await DuckDBInstance.create(":memory:", DUCKDB_OPTIONS);
  const connection = await instance.connect();
  try {
    return await fn(async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJS());
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * Converts a CSV written by `writeCsv` into Parquet with DuckDB, reading every column with its declared type
 * (no type sniffing: a column that is empty in this export keeps its type). Quoted "" stays an empty string; an
 * unquoted empty field is NULL.
 */
export async function convertCsvToParquet(csvPath: string, parquetPath: string, columns: readonly ColumnSpec[]) {
  const types = columns.map((c) => `${sqlString(c.name)}: ${sqlString(c.type)}`).join(", ");
  const select = columns.map(selectColumn).join(", ");
  await withDuckDb((run) =>
    run(
      `COPY (SELECT ${select} FROM read_csv(${sqlString(csvPath)}, header = true, auto_detect = false, delim = ',', ` +
        `quote = '"', escape = '"', nullstr = '', allow_quoted_nulls = false, columns = {${types}})) ` +
        `TO ${sqlString(parquetPath)} (FORMAT parquet, COMPRESSION zstd)`,
    ),
  );
}

/**
 * A column as Parquet stores it: list columns (' ; '-joined in the CSV) become LISTs of their element type, an
 * empty field an empty list; a byte-order mark the CSV may start with is not part of the first column's name.
 */
function selectColumn(column: ColumnSpec): string {
  const name = sqlIdentifier(column.name);
  if (column.list === undefined) return name;
  const items = `string_split(${name}, ${sqlString(LIST_SEPARATOR)})`;
  const typed = column.list === "VARCHAR" ? items : `list_transform(${items}, x -> CAST(x AS ${column.list}))`;
  return `CASE WHEN ${name} IS NULL THEN NULL WHEN ${name} = '' THEN []::${column.list}[] ELSE ${typed} END AS ${name}`;
}

export function sqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
