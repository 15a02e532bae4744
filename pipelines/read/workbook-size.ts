/**
 * How large a workbook is unpacked, counted before exceljs loads it. exceljs holds the whole
 * package and every cell in memory, about 18 bytes of memory per byte of XML (a sheet of 124,000
 * rows and 12 columns is 51 MB of XML and took 0.9 GB; data/README.md), and a ZIP packs repeated
 * text a thousandfold: a 1.8 MB workbook whose shared strings unpack to 813 MB took 42 s and 1 GB
 * and then failed as an internal error (exit 3). Above MAX_UNPACKED the workbook is refused with
 * a message saying to save the table as CSV, which is read without that limit.
 *
 * The count is of the bytes actually inflated, not the sizes the ZIP declares (a ZIP can declare
 * any size), and it stops at the limit, so a bomb costs at most MAX_UNPACKED bytes of inflating
 * (about 0.5 s) and no memory beyond one slice's output.
 */
import { Unzip, UnzipInflate } from 'fflate';

/** 64 MiB of XML: room for the 51 MB sheet above, under about 1.2 GB in exceljs. */
export const MAX_UNPACKED = 64 * 1024 * 1024;

/** Bytes of the ZIP pushed at a time: a slice of a thousandfold bomb unpacks to at most 64 MB. */
const SLICE = 64 * 1024;

/** Stops the inflating once the limit is passed (thrown through fflate's push). */
class OverLimit extends Error {}

/**
 * The unpacked size of the ZIP's entries, or null when it passes `limit` (counting stops there).
 * Throws what fflate throws for a broken ZIP, as unpacking it would.
 */
export function unpackedSize(bytes: Uint8Array, limit = MAX_UNPACKED): number | null {
	let total = 0;
	const unzip = new Unzip((entry) => {
		entry.ondata = (error, chunk) => {
			if (error) throw error;
			total += chunk.length;
			if (total > limit) throw new OverLimit();
		};
		entry.start();
	});
	unzip.register(UnzipInflate);
	try {
		// In slices: fflate inflates what one push gives it at once, so a bomb pushed whole would be
		// unpacked whole before the first count.
		for (let at = 0; at < bytes.length; at += SLICE) unzip.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length);
	} catch (error) {
		if (error instanceof OverLimit) return null;
		throw error;
	}
	return total;
}
