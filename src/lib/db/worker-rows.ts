/**
 * A municipality's rows read and decoded in a Web Worker (rows-worker.ts), handed to the database
 * as Arrow IPC bytes. Decoded on the main thread (every column of its row groups by hyparquet, then
 * Arrow and its IPC), København's rows were one task of 0.7-4.4 s on a loaded 2-core machine
 * right after a detail page's first chart: the page could not answer a click, paint, or say its
 * chart was drawn until it ended. In the worker the main thread only passes the bytes on.
 *
 * The footers the page has already read (the early trend's, parquet-sources.ts) go to the worker
 * with each request, so it asks only for the row groups. If the worker cannot run, the rows are
 * read here as before; a file that is missing or not what the pipeline writes fails as it would here.
 */
import { tableToIPC } from 'apache-arrow';
import type { FileMetaData } from 'hyparquet';
import { TABLE_FILES, type RowRange } from '../core/output-contract.ts';
import { DataFileError, type DataErrorKind } from '../data/data-error.ts';
import { asDataFileError, readFromFiles, type ReadTable } from './load-municipality.ts';
import type { ParquetFile } from './parquet-rows.ts';
import type { TableName } from './schema.ts';

/** What the page asks the worker for: one table's rows of the ranges, from the file of that size. */
export interface RowsRequest {
	id: number;
	table: TableName;
	byteLength: number;
	metadata: FileMetaData;
	ranges: readonly RowRange[];
}

/** The worker's answer: the rows as an Arrow IPC stream, or why not (a DataFileError's file and kind, or a message). */
export type RowsAnswer =
	{ id: number; ipc: Uint8Array } | { id: number; failed: { file: string; kind: DataErrorKind } | { message: string } };

/** The worker could not start or died: its reads are done on the main thread instead. */
class WorkerUnavailable extends Error {}

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, { resolve: (ipc: Uint8Array) => void; reject: (cause: unknown) => void }>();

function rowsWorker(): Worker {
	if (worker) return worker;
	const started = new Worker(new URL('./rows-worker.ts', import.meta.url), { type: 'module' });
	started.onmessage = ({ data }: MessageEvent<RowsAnswer>) => {
		const waiting = pending.get(data.id);
		if (!waiting) return;
		pending.delete(data.id);
		if ('ipc' in data) waiting.resolve(data.ipc);
		else waiting.reject('kind' in data.failed ? new DataFileError(data.failed.file, data.failed.kind) : new Error(data.failed.message));
	};
	started.onerror = (event) => {
		event.preventDefault();
		for (const waiting of pending.values()) waiting.reject(new WorkerUnavailable(event.message));
		pending.clear();
		started.terminate();
		if (worker === started) worker = null;
	};
	worker = started;
	return started;
}

function ask(request: Omit<RowsRequest, 'id'>): Promise<Uint8Array> {
	return new Promise((resolve, reject) => {
		const id = nextId++;
		pending.set(id, { resolve, reject });
		try {
			rowsWorker().postMessage({ ...request, id } satisfies RowsRequest);
		} catch (cause) {
			pending.delete(id);
			reject(new WorkerUnavailable(String(cause)));
		}
	});
}

/** Reads each table's rows of `ranges` in the worker, as IPC bytes for the database's insert. */
export function readInWorker(files: Record<TableName, ParquetFile>, ranges: Record<TableName, readonly RowRange[]>): ReadTable<Uint8Array> {
	const here = readFromFiles(files, ranges);
	return async (table) => {
		let metadata: FileMetaData;
		try {
			metadata = await files[table].metadata();
		} catch (cause) {
			throw asDataFileError(table, cause);
		}
		try {
			return await ask({ table, byteLength: files[table].file.byteLength, metadata, ranges: ranges[table] });
		} catch (cause) {
			if (cause instanceof WorkerUnavailable || typeof Worker === 'undefined') return tableToIPC(await here(table), 'stream');
			if (cause instanceof DataFileError) throw cause;
			throw new DataFileError(TABLE_FILES[table].parquet, 'corrupt', { cause });
		}
	};
}
