/**
 * The Parquet files' encoder, in a worker thread (parquet-encoder.ts starts it): hyparquet-writer's
 * encoding of a row group is most of the Parquet step's CPU, and here it runs beside the main
 * thread, which meanwhile reads the next rows out of DuckDB. The row groups, and every call into
 * hyparquet-writer, are exactly those the main thread made before: the files are byte for byte
 * the same.
 *
 * Plain JavaScript, not TypeScript: a worker that loads tsx costs about 0.5 s of CPU to start,
 * this one about 0.1 s (it needs only hyparquet-writer and snappy).
 *
 * Messages, in order per file (one worker takes every file, in the order they come):
 *   { type: 'open', file, path, schema, columns }   columns: { name, decode, encoding?, statistics }
 *   { type: 'group', file, rows, data, nulls }       one row group; see columnValues
 *   { type: 'finish', file }                          the footer written, the file closed
 * Each 'group' and 'finish' is answered { type: 'done', file }; a failure { type: 'error', message }.
 */
import { parentPort } from 'node:worker_threads';
import { ParquetWriter, fileWriter } from 'hyparquet-writer';
import { compressSync } from 'snappy';

/** @typedef {{ name: string, decode: 'number' | 'boolean' | 'value' | string[], encoding?: 'PLAIN' | 'RLE_DICTIONARY', statistics: boolean }} Column */
/** @type {Map<number, { writer: ParquetWriter, columns: Column[] }>} */
const files = new Map();

if (!parentPort) throw new Error('parquet-worker.mjs runs as a worker thread');
const port = parentPort;

port.on('message', (message) => {
	try {
		if (message.type === 'open') {
			const writer = new ParquetWriter({
				writer: fileWriter(message.path),
				schema: message.schema,
				createdBy: 'boligbarometer',
				// The same codec (raw snappy blocks, what every Parquet reader decodes), compressed natively.
				compressors: { SNAPPY: (/** @type {Uint8Array} */ bytes) => compressSync(bytes) }
			});
			files.set(message.file, { writer, columns: message.columns });
			return;
		}
		const file = files.get(message.file);
		if (!file) throw new Error(`parquet-worker: file ${message.file} is not open`);
		if (message.type === 'group') {
			const { rows, data, nulls } = message;
			// Synchronous (fileWriter has no flush hook): the values are encoded when this returns.
			void file.writer.write({
				columnData: file.columns.map((c, i) => ({
					name: c.name,
					data: columnValues(c, data[i], nulls[i], rows),
					...(c.encoding ? { encoding: c.encoding } : {}),
					statistics: c.statistics
				})),
				rowGroupSize: rows,
				// One page per column chunk (see parquet-files.ts).
				pageSize: 0
			});
		} else if (message.type === 'finish') {
			void file.writer.finish();
			files.delete(message.file);
		} else throw new Error(`parquet-worker: unknown message ${message.type}`);
		port.postMessage({ type: 'done', file: message.file });
	} catch (error) {
		port.postMessage({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
	}
});

/**
 * A row group's column as hyparquet-writer takes it. `data` is what the main thread sent: for
 * 'value', the JavaScript values themselves; otherwise a typed array with `nulls` (a flag per row,
 * or null when the group has none). A code column becomes its strings, a 0/1 column booleans, and
 * a number column is handed over as the typed array it is when it has no NULL; with NULLs, as a
 * plain array with a hole for each NULL, which keeps its doubles unboxed (reading a hole gives
 * undefined, which hyparquet-writer writes as NULL, as it does null).
 *
 * @param {Column} column
 * @param {any} data
 * @param {Uint8Array | null} nulls
 * @param {number} rows
 */
function columnValues(column, data, nulls, rows) {
	const decode = column.decode;
	if (decode === 'value') return data;
	if (decode === 'number') {
		if (nulls === null) return data;
		/** @type {number[]} */
		const out = new Array(rows);
		for (let r = 0; r < rows; r++) if (!nulls[r]) out[r] = data[r];
		return out;
	}
	/** @type {(string | boolean | null)[]} */
	const out = new Array(rows);
	if (decode === 'boolean') for (let r = 0; r < rows; r++) out[r] = nulls?.[r] ? null : data[r] !== 0;
	else for (let r = 0; r < rows; r++) out[r] = nulls?.[r] ? null : /** @type {string} */ (decode[data[r]]);
	return out;
}
