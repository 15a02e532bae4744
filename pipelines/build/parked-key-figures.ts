/**
 * The key-figure table put aside in a file while the privacy audit runs (issue 8: national10's
 * peak memory, which comes inside the audit's step).
 *
 * The audit reads only its own inputs (privacy inputs in SharedArrayBuffers, suppression.ts);
 * the table's ten value columns, its years and its 1.24 million `afdeling_id` references are read
 * again only by the key-figure step after it. Kept in memory, they were about 105 MB of the main
 * thread's typed arrays and 10 MB of its V8 heap for the whole audit, while the two workers grow
 * beside them (bench/HISTORY.md, `n10mem`). So the years and value columns are written, byte for
 * byte, to a file inside the output folder being built, the table is emptied (its length kept),
 * and `restore` reads them back into fresh arrays and deletes the file. `afdeling_id` is not
 * written: each row's department is known (rowDepartment), so the same ids are taken from the
 * register again.
 *
 * The file lies inside the new output folder, which ingest.ts removes if the build fails, and
 * build.ts removes it itself on the way out; it never reaches the manifest.
 */
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { keyFigureColumns } from '../../src/lib/core/indicators.ts';
import type { Department, KeyFigureTable } from '../read/model.ts';

/** The file's name inside the output folder being built. */
export const PARKED_FILE = '.noegletal-parkeret';

export interface ParkedKeyFigures {
	/** Reads the table back into `input.keyFigures` and deletes the file. */
	restore(): Promise<void>;
}

/** Writes the table's years and value columns to `dir`, then empties the table (see above). */
export async function parkKeyFigures(
	input: { keyFigures: KeyFigureTable; departments: readonly Department[] },
	rowDepartment: Int32Array,
	dir: string,
	/**
	 * Give the columns' memory back at once (releaseColumns), for a caller that holds no other
	 * view of them; otherwise they go when V8 next collects the main thread's heap.
	 */
	release = false
): Promise<ParkedKeyFigures> {
	const { length } = input.keyFigures;
	const columns = keyFigureColumns();
	const path = join(dir, PARKED_FILE);
	await writeColumns(path, input.keyFigures, columns);
	if (release) releaseColumns(input.keyFigures, columns);
	input.keyFigures = emptyKeyFigures(length);
	return {
		async restore() {
			const aar = new Int32Array(length);
			const values = Object.fromEntries(columns.map((c) => [c, new Float64Array(length)])) as KeyFigureTable['values'];
			const back = await open(path, 'r');
			try {
				let position = 0;
				for (const array of [aar, ...columns.map((c) => values[c]!)]) {
					await readWhole(back, bytesOf(array), position);
					position += array.byteLength;
				}
			} finally {
				await back.close();
			}
			await rm(path, { force: true });
			const afdeling_id = Array.from(rowDepartment, (d) => input.departments[d]!.afdeling_id);
			input.keyFigures = { length, afdeling_id, aar, values };
		}
	};
}

/**
 * The table's years and columns, in that order, into a new file at `path`. A function of its
 * own so that `restore`'s closure cannot hold the table: a closure keeps every variable any
 * closure of its function reads, and an arrow reading the table here kept the whole table alive
 * through the audit (a heap snapshot found it).
 */
async function writeColumns(path: string, kf: KeyFigureTable, columns: readonly string[]): Promise<void> {
	const file = await open(path, 'w');
	try {
		for (const array of [kf.aar, ...columns.map((c) => kf.values[c]!)]) await file.write(bytesOf(array));
	} finally {
		await file.close();
	}
}

/**
 * The columns' memory given back now, not when V8 next collects: the main thread is idle while
 * the audit's workers run, so nothing triggers a collection there, and in a national10 run the
 * parked columns (104 MB) stayed resident, as garbage, through the audit's first two minutes,
 * where its peak comes (bench/HISTORY.md, `n10mem`). Their ArrayBuffers are moved (transferred)
 * into a message on a channel that is then closed: the buffers are detached at once (every view
 * of them reads as empty from then on) and their memory is freed with the dropped message,
 * without a collection.
 */
function releaseColumns(kf: KeyFigureTable, columns: readonly string[]): void {
	const buffers = new Set<ArrayBuffer>();
	for (const array of [kf.aar, ...columns.map((c) => kf.values[c]!)]) {
		if (array.buffer instanceof ArrayBuffer && array.buffer.byteLength > 0) buffers.add(array.buffer);
	}
	const { port1, port2 } = new MessageChannel();
	port1.postMessage(null, [...buffers]);
	port1.close();
	port2.close();
}

/** A table without rows' data: no columns to read, `length` kept for the steps that count rows. */
export function emptyKeyFigures(length = 0): KeyFigureTable {
	const values = Object.fromEntries(keyFigureColumns().map((c) => [c, new Float64Array(0)])) as KeyFigureTable['values'];
	return { length, afdeling_id: [], aar: new Int32Array(0), values };
}

function bytesOf(array: Int32Array | Float64Array): Uint8Array {
	return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** Fills `into` from the file at `position`: a read may return fewer bytes than asked. */
async function readWhole(file: Awaited<ReturnType<typeof open>>, into: Uint8Array, position: number): Promise<void> {
	for (let done = 0; done < into.length; ) {
		const { bytesRead } = await file.read(into, done, into.length - done, position + done);
		if (bytesRead === 0) throw new Error(`${PARKED_FILE}: the file ended ${into.length - done} bytes early`);
		done += bytesRead;
	}
}
