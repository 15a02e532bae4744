/**
 * The published Parquet files, written by DuckDB's COPY: zstd, and row groups sized for the
 * dashboard's queries (a department's or a unit's rows sit together, so min/max statistics on
 * the leading sort column let a reader skip the rest).
 *
 *   afdelinger.parquet  sorted by afdeling_id
 *   noegletal.parquet   sorted by afdeling_id, aar, indikator
 *   aggregater.parquet  sorted by niveau, enhed_id, indikator, aar
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { join } from 'node:path';
import { OUTPUT_FILES } from '../../src/lib/core/output-contract.ts';
import { selectList, type TableName } from '../../src/lib/core/output-schema.ts';
import { sqlString } from '../duckdb/sql.ts';
import { keyFigureRowsSql } from './key-figure-rows.ts';

/** About 120,000 rows: some 1,000 departments' key figures per row group. */
export const ROW_GROUP_SIZE = 122_880;

export type ParquetCounts = Record<TableName, number>;

export async function writeParquetFiles(connection: DuckDBConnection, dir: string): Promise<ParquetCounts> {
	const copy = async (query: string, file: string) => {
		const options = `FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_SIZE}`;
		const reader = await connection.runAndReadAll(`COPY (${query}) TO ${sqlString(join(dir, file))} (${options})`);
		return Number(reader.getRows()[0]?.[0] ?? 0);
	};
	// Columns in the output schema's order (src/lib/core/output-schema.ts).
	const afdelinger = await copy(`SELECT ${selectList('afdelinger')} FROM afdelinger`, OUTPUT_FILES.departments);
	const noegletal = await copy(`SELECT ${selectList('noegletal')} FROM (${keyFigureRowsSql()})`, OUTPUT_FILES.keyFigures);
	const aggregater = await copy(`SELECT ${selectList('aggregater')} FROM aggregater`, OUTPUT_FILES.aggregates);
	return { afdelinger, noegletal, aggregater };
}
