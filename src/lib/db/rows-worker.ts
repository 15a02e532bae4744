/**
 * The Web Worker that reads and decodes a municipality's rows for the database (worker-rows.ts
 * asks it): one table's row ranges from its Parquet file over HTTP range requests, decoded with
 * hyparquet into Arrow (parquet-rows.ts, the same code the main thread would run) and sent back as
 * an Arrow IPC stream, its buffer transferred rather than copied.
 */
import { tableToIPC } from 'apache-arrow';
import { TABLE_FILES } from '../core/output-contract.ts';
import { DataFileError } from '../data/data-error.ts';
import { rangeFile } from '../data/web-files.ts';
import { readParquetRows } from './parquet-rows.ts';
import type { RowsAnswer, RowsRequest } from './worker-rows.ts';

self.onmessage = async ({ data }: MessageEvent<RowsRequest>) => {
	const { id, table, byteLength, metadata, ranges } = data;
	let answer: RowsAnswer;
	try {
		const file = rangeFile(TABLE_FILES[table].parquet, byteLength);
		const rows = await readParquetRows({ file, metadata: () => Promise.resolve(metadata) }, table, ranges);
		const ipc = tableToIPC(rows, 'stream');
		self.postMessage({ id, ipc } satisfies RowsAnswer, { transfer: [ipc.buffer] });
		return;
	} catch (cause) {
		answer = {
			id,
			failed:
				cause instanceof DataFileError
					? { file: cause.file, kind: cause.kind }
					: { message: cause instanceof Error ? cause.message : String(cause) }
		};
	}
	self.postMessage(answer);
};
