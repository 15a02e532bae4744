/**
 * The browser database's three tables, declared once with the contract's columns (see
 * src/lib/core/output-contract.ts). Each municipality's Arrow files are inserted into a staging table
 * and copied in with explicit casts, so the queries see the same types whatever integer width or
 * string encoding the Arrow file used, and a file missing a column fails loudly as corrupt.
 *
 * The tables hold every municipality loaded so far. Departments and their key figures belong to
 * one municipality; aggregate rows for an organisation or the country repeat across municipality
 * files, so they are copied in only once.
 *
 * Only identifiers and constants are spliced into this SQL, never values.
 */
export type TableName = 'afdelinger' | 'noegletal' | 'aggregater';

export const TABLE_NAMES: readonly TableName[] = ['afdelinger', 'noegletal', 'aggregater'];

const COLUMNS: Record<TableName, readonly (readonly [string, string])[]> = {
	afdelinger: [
		['afdeling_id', 'VARCHAR'],
		['afdeling_navn', 'VARCHAR'],
		['boligorganisation_id', 'VARCHAR'],
		['boligorganisation_navn', 'VARCHAR'],
		['kommune_kode', 'VARCHAR'],
		['kommune_navn', 'VARCHAR'],
		['omraade_id', 'VARCHAR'],
		['omraade_navn', 'VARCHAR'],
		['boligtype', 'VARCHAR'],
		['opfoerelsesaar', 'INTEGER'],
		['lat', 'DOUBLE'],
		['lon', 'DOUBLE']
	],
	noegletal: [
		['afdeling_id', 'VARCHAR'],
		['aar', 'INTEGER'],
		['indikator', 'VARCHAR'],
		['vaerdi', 'DOUBLE'],
		['diskretioneret', 'BOOLEAN'],
		['taeller', 'DOUBLE'],
		['naevner', 'DOUBLE']
	],
	aggregater: [
		['niveau', 'VARCHAR'],
		['enhed_id', 'VARCHAR'],
		['aar', 'INTEGER'],
		['indikator', 'VARCHAR'],
		['vaerdi', 'DOUBLE'],
		['antal_afdelinger', 'INTEGER'],
		['diskretioneret', 'BOOLEAN']
	]
};

/** The key that makes a row unique across municipality files. */
const KEYS: Record<TableName, readonly string[]> = {
	afdelinger: ['afdeling_id'],
	noegletal: ['afdeling_id', 'aar', 'indikator'],
	aggregater: ['niveau', 'enhed_id', 'aar', 'indikator']
};

export function createTableSql(table: TableName): string {
	const columns = COLUMNS[table].map(([name, type]) => `${name} ${type}`).join(', ');
	return `CREATE TABLE IF NOT EXISTS ${table} (${columns})`;
}

/** The staging table a municipality's Arrow file is inserted into before the copy. */
export function stageName(table: TableName): string {
	return `stage_${table}`;
}

/** Copies the staging table in, cast to the declared types, skipping rows already present. */
export function copyFromStageSql(table: TableName): string {
	const names = COLUMNS[table].map(([name]) => name);
	const casts = COLUMNS[table].map(([name, type]) => `CAST(s.${name} AS ${type})`).join(', ');
	const same = KEYS[table].map((key) => `t.${key} = CAST(s.${key} AS ${typeOf(table, key)})`).join(' AND ');
	return (
		`INSERT INTO ${table} (${names.join(', ')}) SELECT ${casts} FROM ${stageName(table)} s ` +
		`WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE ${same})`
	);
}

export function dropStageSql(table: TableName): string {
	return `DROP TABLE IF EXISTS ${stageName(table)}`;
}

function typeOf(table: TableName, column: string): string {
	const found = COLUMNS[table].find(([name]) => name === column);
	if (!found) throw new Error(`no column ${column} in ${table}`);
	return found[1];
}
