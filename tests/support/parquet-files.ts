/** The three Parquet files of an output folder, opened as the dashboard opens them (parquet-rows.ts), from disk. */
import { join } from 'node:path';
import { asyncBufferFromFile } from 'hyparquet';
import { TABLE_FILES } from '../../src/lib/core/output-contract.ts';
import { parquetFile, type ParquetFile } from '../../src/lib/db/parquet-rows.ts';
import { TABLE_NAMES, type TableName } from '../../src/lib/db/schema.ts';

export async function openParquetFiles(outDir: string): Promise<Record<TableName, ParquetFile>> {
	const opened = await Promise.all(
		TABLE_NAMES.map(async (table) => [table, parquetFile(await asyncBufferFromFile(join(outDir, TABLE_FILES[table].parquet)))] as const)
	);
	return Object.fromEntries(opened) as Record<TableName, ParquetFile>;
}
