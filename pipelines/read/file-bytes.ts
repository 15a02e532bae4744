/**
 * The read step's input files read one after another into one buffer, made once at the size of
 * the largest (issue 8's memory goal). One `readFileSync` per file left each file's bytes behind
 * as garbage (national10: 79 MB besides the largest file), which V8 collects when it sees fit,
 * often not before the privacy audit, and which glibc then keeps resident in its main arena.
 *
 * The bytes a read returns are valid only until the next read: every reader of the read step
 * finishes with a file before the next is read and keeps no view of its bytes (what it keeps,
 * strings and numbers, are copies), and an Excel workbook is copied before it is unpacked
 * (read-workbook.ts). A file that grew since its size was known is read whole all the same: the
 * buffer grows.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export class FileBytes {
	private buffer: Buffer;

	/** `size`: the largest file expected, in bytes (a guess: a larger file grows the buffer). */
	constructor(size: number) {
		this.buffer = Buffer.allocUnsafeSlow(Math.max(1, size));
	}

	/** The whole file, in this object's buffer until the next read. Throws as readFileSync does. */
	read(path: string): Uint8Array {
		const fd = openSync(path, 'r');
		try {
			let length = 0;
			this.ensure(fstatSync(fd).size, 0);
			for (;;) {
				if (length === this.buffer.length) {
					// Full: the end of the file, or a file that grew since fstat (read on, into more room).
					const n = readSync(fd, PROBE, 0, PROBE.length, null);
					if (n === 0) break;
					this.ensure(Math.max(2 * length, length + n), length);
					PROBE.copy(this.buffer, length, 0, n);
					length += n;
					continue;
				}
				const n = readSync(fd, this.buffer, length, this.buffer.length - length, null);
				if (n === 0) break;
				length += n;
			}
			// A plain Uint8Array, not a Buffer: Uint8Array's slice() copies, Buffer's gives a view of
			// the whole shared buffer (read-workbook.ts hands a slice's ArrayBuffer to the unzipper).
			return new Uint8Array(this.buffer.buffer, this.buffer.byteOffset, length);
		} finally {
			closeSync(fd);
		}
	}

	/** Room for `size` bytes, the first `keep` of them kept. */
	private ensure(size: number, keep: number): void {
		if (size <= this.buffer.length) return;
		const larger = Buffer.allocUnsafeSlow(size);
		this.buffer.copy(larger, 0, 0, keep);
		this.buffer = larger;
	}
}

/** Where a read looks past a full buffer: most files end exactly there. */
const PROBE = Buffer.allocUnsafeSlow(64 * 1024);
