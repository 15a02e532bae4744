/**
 * Typed arrays in SharedArrayBuffers, which the audit's worker threads (audit-pool.ts) read
 * without a copy each. The privacy inputs are made in them from the start (suppression.ts), so
 * the audit hands over the arrays themselves instead of copying them as it starts (national10:
 * about 31 MB that duplicated the key-figure table's own columns; bench/HISTORY.md, `n10mem`).
 */

type Typed = Int32Array | Float64Array | Uint8Array;

/** A zero-filled array of `length` elements in a SharedArrayBuffer. */
export function sharedArray<T extends Typed>(Type: { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }, length: number): T {
	return new Type(new SharedArrayBuffer(length * Type.BYTES_PER_ELEMENT));
}

/**
 * Copies of typed arrays in SharedArrayBuffers, the same source giving the same copy; an array
 * already in one is its own copy.
 */
export function sharedCopies() {
	const copies = new Map<ArrayBufferView, ArrayBufferView>();
	return <T extends Typed>(array: T): T => {
		if (array.buffer instanceof SharedArrayBuffer) return array;
		let copy = copies.get(array) as T | undefined;
		if (!copy) {
			copy = sharedArray(array.constructor as { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }, array.length);
			copy.set(array);
			copies.set(array, copy);
		}
		return copy;
	};
}
