/**
 * Where a municipality's rows lie in a published Parquet file, in bytes: each row range of
 * web/index.json's `raekker` (whole row groups, parquet-files.ts) as the bytes its row groups'
 * column chunks span, read back from the written file's own footer (hyparquet). app.html's inline
 * script asks for these bytes as soon as the index is in, so a detail page's first read of its
 * municipality's rows does not wait for the app's JavaScript, and the database's later read of the
 * same row groups takes the same response.
 */
import { asyncBufferFromFile, parquetMetadataAsync } from 'hyparquet';
import type { RowRange } from '../../src/lib/core/output-contract.ts';

interface GroupSpan {
	rows: RowRange;
	bytes: RowRange;
}

/** Each row group's rows and the bytes from its first column chunk's first page to its last chunk's end. */
async function groupSpans(path: string): Promise<GroupSpan[]> {
	const metadata = await parquetMetadataAsync(await asyncBufferFromFile(path));
	const spans: GroupSpan[] = [];
	let row = 0;
	for (const group of metadata.row_groups) {
		let start = Infinity;
		let end = 0;
		for (const chunk of group.columns) {
			const meta = chunk.meta_data;
			if (!meta) throw new Error(`${path}: a column chunk without its metadata`);
			const dictionary = meta.dictionary_page_offset === undefined ? Infinity : Number(meta.dictionary_page_offset);
			const first = Math.min(dictionary, Number(meta.data_page_offset));
			start = Math.min(start, first);
			end = Math.max(end, first + Number(meta.total_compressed_size));
		}
		const rows = Number(group.num_rows);
		spans.push({ rows: [row, row + rows], bytes: [start, end] });
		row += rows;
	}
	return spans;
}

/**
 * A function from row ranges of the file at `path` to the byte ranges ([start, end), touching ones
 * joined) of the row groups holding them. A row range that does not start and end at row group
 * boundaries, or whose groups' bytes are not one after another, is an error: the index would then
 * send a browser for the wrong bytes.
 */
export async function byteRangesOf(path: string): Promise<(rows: readonly RowRange[]) => RowRange[]> {
	const spans = await groupSpans(path);
	return (rows) => {
		const out: RowRange[] = [];
		for (const [start, end] of rows) {
			if (start === end) continue;
			const groups = spans.filter((s) => s.rows[0] >= start && s.rows[1] <= end);
			const covered = groups.reduce((n, g) => n + g.rows[1] - g.rows[0], 0);
			if (covered !== end - start) throw new Error(`${path}: rows ${start}-${end} are not whole row groups`);
			for (const [i, g] of groups.entries()) {
				if (i > 0 && g.bytes[0] !== groups[i - 1]!.bytes[1]) throw new Error(`${path}: the row groups of rows ${start}-${end} are not one after another`);
			}
			const bytes: RowRange = [groups[0]!.bytes[0], groups.at(-1)!.bytes[1]];
			const last = out.at(-1);
			if (last && last[1] === bytes[0]) last[1] = bytes[1];
			else out.push(bytes);
		}
		return out;
	};
}
