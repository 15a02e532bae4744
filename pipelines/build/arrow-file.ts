/**
 * An Arrow IPC stream written to a file one record batch at a time, so a municipality with a
 * million key-figure rows never sits in memory whole. apache-arrow's stream writer queues its
 * output in memory; handing it a sink that writes each message straight to the file (a subclass
 * of the queue class it accepts as a sink) keeps only the current batch.
 */
import { AsyncByteQueue, Field, RecordBatch, RecordBatchStreamWriter, Schema, Struct, makeData } from 'apache-arrow';
import { closeSync, openSync, writeSync } from 'node:fs';
import type { ArrowColumn } from './arrow-table.ts';

class FileSink extends AsyncByteQueue {
	constructor(private readonly fd: number) {
		super();
	}
	override write(value: Uint8Array): void {
		writeSync(this.fd, value);
	}
}

export class ArrowStreamFile {
	readonly #fd: number;
	readonly #writer = new RecordBatchStreamWriter();
	#schema: Schema | null = null;

	constructor(path: string) {
		this.#fd = openSync(path, 'w');
	}

	/** Writes one record batch; every batch must have the same columns. */
	write(columns: readonly ArrowColumn[]): void {
		if (!this.#schema) {
			this.#schema = new Schema(columns.map((c) => new Field(c.name, c.data.type, c.nullable)));
			this.#writer.reset(new FileSink(this.#fd), this.#schema);
		}
		const length = columns[0]?.data.length ?? 0;
		const struct = makeData({ type: new Struct(this.#schema.fields), length, nullCount: 0, children: columns.map((c) => c.data) });
		this.#writer.write(new RecordBatch(this.#schema, struct));
	}

	/** Ends the stream (end-of-stream marker) and closes the file. */
	close(): void {
		this.#writer.finish();
		closeSync(this.#fd);
	}
}
