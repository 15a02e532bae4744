/**
 * What a query needs from a database: run SQL with bound parameters and return plain row objects.
 * The browser implements it with DuckDB-WASM prepared statements (duckdb.ts); the unit tests with
 * @duckdb/node-api over the same tables, so the same SQL is checked against hand-worked figures.
 */
export type SqlParam = string | number | boolean | null;

export type Row = Record<string, unknown>;

export type QueryRunner = (sql: string, params: readonly SqlParam[]) => Promise<Row[]>;

/** Row values as the queries' types want them, whichever engine returned them. */
export const asString = (v: unknown): string => String(v);
export const asNullableString = (v: unknown): string | null => (v == null ? null : String(v));
export const asNumber = (v: unknown): number => Number(v);
export const asNullableNumber = (v: unknown): number | null => (v == null ? null : Number(v));
export const asBoolean = (v: unknown): boolean => v === true;
