/**
 * SQL text for DuckDB, shared by the read step (read-key-figures-duckdb.ts) and the build.
 */

/** A string literal for SQL (file paths cannot be bound as parameters in COPY or read_csv). */
export function sqlString(value: string): string {
	return `'${value.replaceAll("'", "''")}'`;
}
