/**
 * The output schema: the columns of the three published tables (afdelinger, noegletal,
 * aggregater), written once. Everything else that names these columns is derived from this
 * table: the row types (DepartmentRow, KeyFigureRow, AggregateRow), the browser's CREATE TABLE
 * and copy SQL (src/lib/db/schema.ts), the select lists of the pipeline's COPY to Parquet and of
 * the dashboard's queries, the row decoders, the Parquet writer's schema (pipelines/build/
 * parquet-files.ts) and the browser's Arrow tables (src/lib/db/parquet-rows.ts).
 * tests/unit/output-schema.test.ts checks the Parquet files the pipeline writes, the DDL and the
 * tables in data/README.md against it.
 *
 * Order is the files' column order. `type` is the DuckDB type of the Parquet column and of the
 * browser's table; ARROW_TYPES gives the type of the Arrow table the browser inserts. `nullable`
 * is the promise to readers (NOT NULL in the DDL, OPTIONAL in the Parquet schema; REQUIRED
 * otherwise).
 *
 * No DOM and no Node imports: the pipeline and the dashboard import this alike.
 */

export type Level = 'omraade' | 'boligorganisation' | 'kommune' | 'land';
export const LEVELS: readonly Level[] = ['omraade', 'boligorganisation', 'kommune', 'land'];

export type SqlType = 'VARCHAR' | 'SMALLINT' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN';

/** The Arrow type of each SQL type in the browser's decoded tables (as apache-arrow prints it). */
export const ARROW_TYPES = {
	VARCHAR: 'Utf8',
	SMALLINT: 'Int16',
	INTEGER: 'Int32',
	DOUBLE: 'Float64',
	BOOLEAN: 'Bool'
} as const satisfies Record<SqlType, string>;

export interface OutputColumn {
	readonly name: string;
	readonly type: SqlType;
	readonly nullable: boolean;
	/** The values a VARCHAR column may hold, when they are a fixed list; narrows the row type. */
	readonly values?: readonly string[];
	/** What the column holds, in Danish and in English (data/README.md shows both). */
	readonly da: string;
	readonly en: string;
}

export const OUTPUT_SCHEMA = {
	afdelinger: [
		{ name: 'afdeling_id', type: 'VARCHAR', nullable: false, da: 'som i `afdelinger.csv`', en: 'as in `afdelinger.csv`' },
		{ name: 'afdeling_navn', type: 'VARCHAR', nullable: false, da: '', en: '' },
		{ name: 'boligorganisation_id', type: 'VARCHAR', nullable: false, da: '', en: '' },
		{ name: 'boligorganisation_navn', type: 'VARCHAR', nullable: false, da: '', en: '' },
		{ name: 'kommune_kode', type: 'VARCHAR', nullable: false, da: 'fire cifre, `0101`', en: 'four digits, `0101`' },
		{
			name: 'kommune_navn',
			type: 'VARCHAR',
			nullable: true,
			da: 'fra den officielle kodeliste, ellers `kommuner.geojson`',
			en: 'from the official code list, else `kommuner.geojson`'
		},
		{ name: 'omraade_id', type: 'VARCHAR', nullable: true, da: '', en: '' },
		{ name: 'omraade_navn', type: 'VARCHAR', nullable: true, da: 'navnet fra `omraader.geojson`', en: 'the name from the area file' },
		{ name: 'boligtype', type: 'VARCHAR', nullable: true, da: '`familie`, `ældre`, `ungdom`', en: '' },
		{ name: 'opfoerelsesaar', type: 'SMALLINT', nullable: true, da: 'opførelsesår', en: 'year built' },
		{ name: 'lat', type: 'DOUBLE', nullable: true, da: 'WGS84', en: '' },
		{ name: 'lon', type: 'DOUBLE', nullable: true, da: 'WGS84', en: '' }
	],
	noegletal: [
		{ name: 'afdeling_id', type: 'VARCHAR', nullable: false, da: '', en: '' },
		{ name: 'aar', type: 'SMALLINT', nullable: false, da: '', en: '' },
		{
			name: 'indikator',
			type: 'VARCHAR',
			nullable: false,
			da: 'en af de syv indbyggede (`src/lib/core/builtin-indicators.ts`) eller en erklæret i `indikatorer.csv` (`web/index.json`)',
			en: 'one of the seven built in or one declared in `indikatorer.csv` (`web/index.json`)'
		},
		{
			name: 'vaerdi',
			type: 'DOUBLE',
			nullable: true,
			da: 'nøgletallet i sin enhed (‰, %, kr./m², karakter); NULL når det mangler eller er diskretioneret',
			en: 'the figure in its unit; NULL when missing or withheld'
		},
		{
			name: 'diskretioneret',
			type: 'BOOLEAN',
			nullable: false,
			da: 'sand: tallet er skjult af hensyn til beboerne (se nedenfor)',
			en: 'true: withheld to protect residents'
		},
		{
			name: 'taeller',
			type: 'DOUBLE',
			nullable: true,
			da: 'tælleren; for vægtede gennemsnit værdi × vægt',
			en: 'numerator; for weighted means value × weight'
		},
		{
			name: 'naevner',
			type: 'DOUBLE',
			nullable: true,
			da: 'nævneren; for vægtede gennemsnit vægten',
			en: 'denominator; for weighted means the weight'
		}
	],
	aggregater: [
		{ name: 'niveau', type: 'VARCHAR', nullable: false, values: LEVELS, da: '', en: '' },
		{
			name: 'enhed_id',
			type: 'VARCHAR',
			nullable: false,
			da: 'områdets id, organisationens id, kommunekoden eller `DK`',
			en: "the area's or organisation's id, the municipality code, or `DK`"
		},
		{ name: 'aar', type: 'SMALLINT', nullable: false, da: '', en: '' },
		{ name: 'indikator', type: 'VARCHAR', nullable: false, da: 'som i `noegletal`', en: 'as in `noegletal`' },
		{
			name: 'vaerdi',
			type: 'DOUBLE',
			nullable: true,
			da: 'NULL når diskretioneret eller nævneren er 0',
			en: 'NULL when withheld or the denominator is 0'
		},
		{ name: 'antal_afdelinger', type: 'INTEGER', nullable: false, da: 'afdelinger, der indgår', en: 'departments included' },
		{ name: 'diskretioneret', type: 'BOOLEAN', nullable: false, da: '', en: '' }
	]
} as const satisfies Record<string, readonly OutputColumn[]>;

export type TableName = keyof typeof OUTPUT_SCHEMA;
export const TABLE_NAMES = Object.keys(OUTPUT_SCHEMA) as readonly TableName[];

export type ColumnOf<T extends TableName> = (typeof OUTPUT_SCHEMA)[T][number];
export type ColumnName<T extends TableName> = ColumnOf<T>['name'];

/** The columns that make a row unique in each file: one department, one department-year-indicator, one unit-year-indicator. */
export const ROW_KEYS = {
	afdelinger: ['afdeling_id'],
	noegletal: ['afdeling_id', 'aar', 'indikator'],
	aggregater: ['niveau', 'enhed_id', 'aar', 'indikator']
} as const satisfies { readonly [T in TableName]: readonly ColumnName<T>[] };

/** The TypeScript type of one column's values. */
type ValueOf<C extends OutputColumn> =
	| (C extends { values: readonly (infer V)[] } ? V : C['type'] extends 'VARCHAR' ? string : C['type'] extends 'BOOLEAN' ? boolean : number)
	| (C['nullable'] extends true ? null : never);

/** A row of a table, as the dashboard's queries and the pipeline see it. */
export type RowOf<T extends TableName> = { -readonly [C in ColumnOf<T> as C['name']]: ValueOf<C> };

/** A row of afdelinger.parquet. */
export type DepartmentRow = RowOf<'afdelinger'>;
/** A row of noegletal.parquet: one department, year and indicator. */
export type KeyFigureRow = RowOf<'noegletal'>;
/** A row of aggregater.parquet: one level, unit, year and indicator. */
export type AggregateRow = RowOf<'aggregater'>;

export function columnsOf<T extends TableName>(table: T): readonly ColumnOf<T>[] {
	return OUTPUT_SCHEMA[table] as readonly ColumnOf<T>[];
}

export function columnNames<T extends TableName>(table: T): ColumnName<T>[] {
	return columnsOf(table).map((c) => c.name as ColumnName<T>);
}

/** The column's position in the files. */
export function columnIndex<T extends TableName>(table: T, name: ColumnName<T>): number {
	return columnNames(table).indexOf(name);
}

/**
 * The select list of a table's columns, in order: `prefix` before each name, or an expression
 * from `expressions` (then `AS name`), for queries whose source holds a column in another form.
 */
export function selectList<T extends TableName>(
	table: T,
	options: { prefix?: string; expressions?: Partial<Record<ColumnName<T>, string>> } = {}
): string {
	const expressions: Partial<Record<string, string>> = options.expressions ?? {};
	return columnNames(table)
		.map((name) => {
			const expression = expressions[name];
			return expression === undefined ? `${options.prefix ?? ''}${name}` : `${expression} AS ${name}`;
		})
		.join(', ');
}

/**
 * `name TYPE [NOT NULL], …`: the column definitions of a CREATE TABLE; of the columns `only`, when
 * given. A column the schema says is not nullable is NOT NULL, so a load that would break the
 * promise fails where it happens instead of in a reader.
 */
export function columnDefinitions<T extends TableName>(table: T, only?: readonly ColumnName<T>[]): string {
	return (columnsOf(table) as readonly OutputColumn[])
		.filter((c) => !only || only.includes(c.name as ColumnName<T>))
		.map((c) => `${c.name} ${c.type}${c.nullable ? '' : ' NOT NULL'}`)
		.join(', ');
}

/**
 * A row from a database result (plain JavaScript values, whichever engine returned them) as the
 * table's row type. Values in a `values` list are taken as given, not checked.
 */
export function decodeRow<T extends TableName>(table: T, row: Readonly<Record<string, unknown>>): RowOf<T> {
	const out: Record<string, unknown> = {};
	for (const c of columnsOf(table) as readonly OutputColumn[]) {
		const v = row[c.name];
		if (v == null && c.nullable) out[c.name] = null;
		else if (c.type === 'VARCHAR') out[c.name] = String(v);
		else if (c.type === 'BOOLEAN') out[c.name] = v === true;
		else out[c.name] = Number(v);
	}
	return out as RowOf<T>;
}
