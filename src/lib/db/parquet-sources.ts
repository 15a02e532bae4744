/**
 * The three published Parquet files as range-readable sources, each footer read once per page
 * life: shared by the database's loads (municipality.ts) and the rows a detail page draws before
 * the database is ready (queries/parquet-trend.ts), so the footers are fetched once for both.
 */
import { TABLE_FILES } from '../core/output-contract.ts';
import { loadIndex, rangeFile } from '../data/web-files.ts';
import { parquetFile, type ParquetFile } from './parquet-rows.ts';
import { TABLE_NAMES, type TableName } from './schema.ts';

let files: Promise<Record<TableName, ParquetFile>> | null = null;

export function parquetSources(): Promise<Record<TableName, ParquetFile>> {
	files ??= loadIndex().then(
		(index) =>
			Object.fromEntries(
				TABLE_NAMES.map((table) => [table, parquetFile(rangeFile(TABLE_FILES[table].parquet, index.parquet_bytes[table]))])
			) as Record<TableName, ParquetFile>
	);
	files.catch(() => (files = null));
	return files;
}
