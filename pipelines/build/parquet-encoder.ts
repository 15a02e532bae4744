/**
 * The main thread's side of parquet-worker.mjs: Parquet files encoded by hyparquet-writer in one
 * worker thread while the main thread goes on reading rows out of DuckDB. Row groups are sent as
 * they are complete (typed arrays handed over, not copied) and encoded in the order sent.
 *
 * At most MAX_PENDING row groups per file wait in the worker: the main thread fills them faster
 * than they are encoded, and unbounded they would hold a whole file's values in memory.
 */
import { Worker } from 'node:worker_threads';
import type { SchemaElement } from 'hyparquet';

/** How a column's values arrive: as numbers, as 0/1 for booleans, as codes into these strings, or as JavaScript values. */
export type ColumnDecode = 'number' | 'boolean' | 'value' | readonly string[];

export interface EncodedColumn {
	name: string;
	decode: ColumnDecode;
	encoding?: 'PLAIN' | 'RLE_DICTIONARY';
	statistics: boolean;
}

/** One row group's columns: typed arrays (with a NULL flag per row, or null for none) or JavaScript values. */
export interface RowGroup {
	rows: number;
	data: (Float64Array | Int32Array | unknown[])[];
	nulls: (Uint8Array | null)[];
}

const MAX_PENDING = 2;

export class ParquetEncoder {
	private readonly worker: Worker;
	private nextFile = 0;
	private readonly pending = new Map<number, number>();
	private readonly waiting = new Map<number, () => void>();
	private failure: Error | null = null;
	private failed: (error: Error) => void = () => {};
	/** Rejects on the worker's first failure; every wait races it. */
	private readonly failure$: Promise<never>;

	constructor() {
		this.worker = new Worker(new URL('./parquet-worker.mjs', import.meta.url), { execArgv: [] });
		this.failure$ = new Promise<never>((_, reject) => {
			this.failed = reject;
		});
		this.failure$.catch(() => {}); // seen by whoever waits next
		this.worker.on('message', (message: { type: string; file?: number; message?: string }) => {
			if (message.type === 'error') return this.fail(new Error(`Parquet-kodningen fejlede: ${message.message}`));
			const file = message.file!;
			this.pending.set(file, this.pending.get(file)! - 1);
			this.waiting.get(file)?.();
		});
		this.worker.on('error', (error) => this.fail(error));
		this.worker.on('exit', (code) => {
			if (code !== 0) this.fail(new Error(`Parquet-kodningens tråd stoppede med kode ${code}`));
		});
	}

	private fail(error: Error): void {
		if (this.failure) return;
		this.failure = error;
		this.failed(error);
	}

	/** Starts a file; returns its number for write() and finish(). */
	open(path: string, schema: SchemaElement[], columns: EncodedColumn[]): number {
		const file = this.nextFile++;
		this.pending.set(file, 0);
		this.worker.postMessage({ type: 'open', file, path, schema, columns });
		return file;
	}

	/** Sends a row group; its typed arrays are handed to the worker and unusable here after. */
	write(file: number, group: RowGroup): void {
		this.pending.set(file, this.pending.get(file)! + 1);
		const transfer = [...new Set([...group.data, ...group.nulls].filter((a) => ArrayBuffer.isView(a)).map((a) => (a as ArrayBufferView).buffer as ArrayBuffer))];
		this.worker.postMessage({ type: 'group', file, ...group }, transfer);
	}

	/** Resolves once at most MAX_PENDING of the file's row groups wait (rejects if the worker failed). */
	async ready(file: number, limit = MAX_PENDING): Promise<void> {
		while (this.pending.get(file)! > limit) {
			if (this.failure) throw this.failure;
			await Promise.race([new Promise<void>((resolve) => this.waiting.set(file, resolve)), this.failure$]);
		}
		if (this.failure) throw this.failure;
	}

	/** Writes the file's footer and resolves once the whole file is on disk. */
	async finish(file: number): Promise<void> {
		this.pending.set(file, this.pending.get(file)! + 1);
		this.worker.postMessage({ type: 'finish', file });
		await this.ready(file, 0);
	}

	async close(): Promise<void> {
		this.worker.removeAllListeners('exit');
		await this.worker.terminate();
	}
}
