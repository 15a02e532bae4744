/**
 * The zip writer (src/lib/formats/zip.ts): the files come back out with their names and bytes;
 * names outside ASCII carry the UTF-8 flag (bit 11), so Windows Explorer shows LÆSMIG.txt as such;
 * compressed formats are stored, text is deflated; the date is the one given.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipFiles } from '../../src/lib/formats/zip.ts';
import { tinyPng } from './export-report-fixture.ts';

interface CentralEntry {
	name: string;
	flags: number;
	method: number;
	/** MS-DOS date and time words. */
	date: number;
	time: number;
}

/** The central directory's entries, read from the end-of-central-directory record. */
function centralDirectory(zip: Uint8Array): CentralEntry[] {
	const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
	let eocd = zip.length - 22;
	while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
	const count = view.getUint16(eocd + 10, true);
	let offset = view.getUint32(eocd + 16, true);
	const entries: CentralEntry[] = [];
	for (let i = 0; i < count; i++) {
		expect(view.getUint32(offset, true)).toBe(0x02014b50);
		const nameLength = view.getUint16(offset + 28, true);
		const extra = view.getUint16(offset + 30, true);
		const comment = view.getUint16(offset + 32, true);
		entries.push({
			name: strFromU8(zip.subarray(offset + 46, offset + 46 + nameLength)),
			flags: view.getUint16(offset + 8, true),
			method: view.getUint16(offset + 10, true),
			time: view.getUint16(offset + 12, true),
			date: view.getUint16(offset + 14, true)
		});
		offset += 46 + nameLength + extra + comment;
	}
	return entries;
}

const text = (s: string) => new TextEncoder().encode(s);

describe('zipFiles', async () => {
	const png = tinyPng();
	const csv = text('\ufeffÅr;Ledighed (‰)\r\n2024;6,5\r\n'.repeat(20));
	const zip = await zipFiles(
		[
			{ path: 'LÆSMIG.txt', data: text('Indhold') },
			{ path: 'diagrammer/01 Ledighed - udvikling.png', data: png },
			{ path: 'data/Nøgletal 2024.csv', data: csv }
		],
		new Date(2025, 2, 1, 12, 30, 10)
	);

	it('lists the files and gives them back byte for byte', () => {
		const files = unzipSync(zip);
		expect(Object.keys(files)).toEqual(['LÆSMIG.txt', 'diagrammer/01 Ledighed - udvikling.png', 'data/Nøgletal 2024.csv']);
		expect(strFromU8(files['LÆSMIG.txt']!)).toBe('Indhold');
		expect(files['diagrammer/01 Ledighed - udvikling.png']).toEqual(png);
		expect(files['data/Nøgletal 2024.csv']).toEqual(csv);
	});

	it('flags non-ASCII names as UTF-8, stores the PNG, deflates the text, and dates every entry', () => {
		const entries = centralDirectory(zip);
		expect(entries.map((e) => [e.name, (e.flags & 0x800) !== 0, e.method])).toEqual([
			['LÆSMIG.txt', true, 8],
			['diagrammer/01 Ledighed - udvikling.png', false, 0],
			['data/Nøgletal 2024.csv', true, 8]
		]);
		// MS-DOS date: (2025 - 1980) << 9 | 3 << 5 | 1; time: 12 << 11 | 30 << 5 | 10 / 2.
		for (const e of entries) {
			expect(e.date).toBe((45 << 9) | (3 << 5) | 1);
			expect(e.time).toBe((12 << 11) | (30 << 5) | 5);
		}
	});

	it('refuses two files with the same path', async () => {
		await expect(
			zipFiles(
				[
					{ path: 'a.txt', data: text('1') },
					{ path: 'a.txt', data: text('2') }
				],
				new Date(2025, 0, 1)
			)
		).rejects.toThrow('two files named a.txt');
	});
});
