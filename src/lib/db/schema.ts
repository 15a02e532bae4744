/**
 * The browser database's three tables, declared with the output schema's columns and types (see
 * src/lib/core/output-schema.ts), the Parquet files' own. Each municipality's decoded rows (an
 * Arrow table, parquet-rows.ts) are inserted into a staging table and copied in with explicit
 * casts, so the queries see the declared types whatever Arrow type a value came as, and a table
 * missing a column fails loudly as corrupt.
 *
 * The tables hold every municipality loaded so far. Departments and their key figures belong to
 * one municipality; aggregate rows for an organisation or the country are read again with each municipality that
 * needs them, so they are copied in only once.
 *
 * Only identifiers and constants are spliced into this SQL, never values.
 */
import { ROW_KEYS, TABLE_NAMES, columnsOf, columnDefinitions, columnNames, type TableName } from '../core/output-schema.ts';

export { TABLE_NAMES, type TableName };

export function createTableSql(table: TableName): string {
	return `CREATE TABLE IF NOT EXISTS ${table} (${columnDefinitions(table)})`;
}

/** The staging table a municipality's decoded rows are inserted into before the copy. */
export function stageName(table: TableName): string {
	return `stage_${table}`;
}

/** Copies the staging table in, cast to the declared types, skipping rows already present. */
export function copyFromStageSql(table: TableName): string {
	const names = columnNames(table);
	const casts = columnsOf(table)
		.map(({ name, type }) => `CAST(s.${name} AS ${type})`)
		.join(', ');
	const keys: readonly string[] = ROW_KEYS[table];
	const same = columnsOf(table)
		.filter(({ name }) => keys.includes(name))
		.map(({ name, type }) => `t.${name} = CAST(s.${name} AS ${type})`)
		.join(' AND ');
	return (
		`INSERT INTO ${table} (${names.join(', ')}) SELECT ${casts} FROM ${stageName(table)} s ` +
		`WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE ${same})`
	);
}

export function dropStageSql(table: TableName): string {
	return `DROP TABLE IF EXISTS ${stageName(table)}`;
}
