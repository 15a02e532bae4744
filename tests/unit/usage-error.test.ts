/**
 * The terminal's usage errors in Danish (pipelines/usage-error.ts), from node:util's own parseArgs
 * errors for the mistakes a new user makes on the command line.
 */
import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { usageErrorText } from '../../pipelines/usage-error.ts';

const KNOWN = ['--input', '--out', '--json'];
/** The Danish text for the error parseArgs throws on these arguments, as ingest-cli.ts parses them. */
function said(args: string[]): string {
	try {
		parseArgs({
			args,
			strict: true,
			allowPositionals: false,
			options: { input: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } }
		});
	} catch (error) {
		return usageErrorText(error, 'npm run ingest', KNOWN);
	}
	throw new Error('parseArgs took the arguments');
}

describe('usageErrorText', () => {
	it('names a misspelt option and the ones there are', () => {
		expect(said(['--inptu', 'mine'])).toBe('ukendt tilvalg "--inptu": forventede --input, --out, --json.');
	});
	it('says an option lacks its value', () => {
		expect(said(['--input'])).toBe('--input mangler sin værdi: forventede --input efterfulgt af en sti.');
	});
	it('says a switch takes no value', () => {
		expect(said(['--json=ja'])).toBe('--json tager ingen værdi: forventede --json alene.');
	});
	it('explains the missing -- when npm passed on only the values', () => {
		// `npm run ingest --input mine --out static/data` reaches the program as `mine static/data`.
		expect(said(['mine', 'static/data'])).toBe(
			'uventet argument "mine": forventede kun --input, --out, --json. Husk `--` efter `npm run ingest` (`npm run ingest -- --input …`): uden det beholder npm tilvalgene selv og sender kun deres værdier videre.'
		);
	});
	it('passes any other error on as it is', () => {
		expect(usageErrorText(new Error('noget andet'), 'npm start', ['--demo'])).toBe('noget andet');
	});
});
