import { DuckDBInstance } from "@duckdb/node-api";
import type { ColumnSpec } from "./columns.js";

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
  await withDuckDb((run) =>
    run(
      `COPY (SELECT * FROM read_csv(${sqlString(csvPath)}, header = true, auto_detect = false, delim = ',', ` +
        `quote = '"', escape = '"', nullstr = '', allow_quoted_nulls = false, columns = {${types}})) ` +
        `TO ${sqlString(parquetPath)} (FORMAT parquet, COMPRESSION zstd)`,
    ),
  );
}

export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
