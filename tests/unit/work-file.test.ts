/**
 * The work file (src/lib/drafts/): a supervisor's texts, meeting details, draft targets and focus
 * rules written and read back unchanged; every kind of bad file refused with a message naming what
 * was expected and what was found; a file checked against the page's data; and the browser's
 * storage, cleared and refilled from a file, holding every field again.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Target } from '../../src/lib/core/target.ts';
import { checkWorkFile, type DataContext } from '../../src/lib/drafts/check-work-file.ts';
import { loadLocalWork, saveLocalWork } from '../../src/lib/drafts/local-work.ts';
import { EMPTY_MEETING } from '../../src/lib/drafts/meeting.ts';
import { MAX_TEXT_LENGTH, readWorkFile } from '../../src/lib/drafts/read-work-file.ts';
import { compactWork, emptyWork, isEmptyWork, workFingerprint, type Work } from '../../src/lib/drafts/work.ts';
import { WORK_FILE_MAX_BYTES, workFileName, workFileText, type WorkFile } from '../../src/lib/drafts/work-file.ts';
import { WorkStore, anyUnsavedWork, workStore } from '../../src/lib/drafts/work-store.svelte.ts';
import { savedTime } from '../../src/lib/drafts/saved-time.ts';
import { preset } from '../../src/lib/focus/presets.ts';
import { ruleFileText } from '../../src/lib/focus/rule-file.ts';

/** Text that has broken writers before: quotes, markup, a script, emoji (one with a joiner), æøå, CRLF. */
const HOSTILE = 'Mødet "holdt" i \'Æblehaven\' <script>alert(1)</script> <b>fed</b> & ø å 👩‍👩‍👧 🏘️\r\nny linje \\ slut';

const target = (t: Partial<Target> = {}): Target => ({
	maal_id: 'UDKAST-2026-1',
	niveau: 'omraade',
	enhed_id: '0751-O01',
	indikator: 'fraflytning',
	basisaar: 2025,
	basisvaerdi: 18.5,
	maalaar: 2028,
	maalvaerdi: 15,
	retning: 'ned',
	aftaledokument: 'Aftaledokument 2026, Boligselskabet Lærkereden',
	aftaleaar: 2026,
	boligorganisation_id: '2101',
	beskrivelse: HOSTILE,
	...t
});

function work(): Work {
	const rules = structuredClone(preset('koebenhavn-40-50')!.ruleSet);
	return {
		rules,
		targets: [
			target(),
			target({ maal_id: 'UDKAST-2026-2', niveau: 'kommune', enhed_id: '0751', boligorganisation_id: null, beskrivelse: '' })
		],
		joint: { byudvikling: HOSTILE, eventuelt: 'Intet.' },
		organisations: {
			'2101': {
				dagsorden: { beboerdemokrati: 'Afdelingsmøder i alle afdelinger.', 'naeste-moede': HOSTILE },
				aftaledokument: { fokuspunkter: '1. Ledigheden i Engparken\n\n2. Fraflytningen' },
				moede: {
					dato: '14. oktober 2025',
					sted: 'Rådhuset, lokale "2"',
					deltagereKommune: 'A & B',
					deltagereOrganisation: '',
					naesteMoede: ''
				}
			},
			'2102': { dagsorden: {}, aftaledokument: {}, moede: { ...EMPTY_MEETING, sted: '🏘️' } }
		}
	};
}

const file = (w: Work = work()): WorkFile => ({ kode: '0751', year: 2025, savedAt: '2026-11-29T13:32:00.000Z', work: w });

/** A file's JSON with one change, for the bad-file cases. */
function edited(change: (o: Record<string, unknown>) => void): string {
	const o = JSON.parse(workFileText(file())) as Record<string, unknown>;
	change(o);
	return JSON.stringify(o);
}

function errorsOf(text: string, size = new TextEncoder().encode(text).length, lang: 'da' | 'en' = 'da'): string[] {
	const result = readWorkFile(text, size, lang);
	if (result.ok) throw new Error('the file was accepted');
	return result.errors;
}

describe('writing and reading a work file', () => {
	it('names the file after the municipality and year', () => {
		expect(workFileName('0751', 2025)).toBe('styringsdialog-0751-2025.json');
	});

	it('says what it is at the top, and holds the words as written', () => {
		const text = workFileText(file());
		const o = JSON.parse(text) as Record<string, unknown>;
		expect(Object.keys(o)).toEqual([
			'format',
			'version',
			'kommune_kode',
			'aar',
			'gemt',
			'fokusregler',
			'maaludkast',
			'faellesmoede',
			'boligorganisationer'
		]);
		expect(o.format).toBe('boligbarometer-styringsdialog');
		expect(o.version).toBe(1);
		expect(o.kommune_kode).toBe('0751');
		expect(o.aar).toBe(2025);
		// Organisation 2102 has only a place; empty texts and fields are left out, but a meeting is
		// written with all five fields under their Danish file names.
		expect(o.boligorganisationer).toEqual({
			'2101': {
				dagsorden: { beboerdemokrati: 'Afdelingsmøder i alle afdelinger.', 'naeste-moede': HOSTILE },
				aftaledokument: { fokuspunkter: '1. Ledigheden i Engparken\n\n2. Fraflytningen' },
				moede: {
					dato: '14. oktober 2025',
					sted: 'Rådhuset, lokale "2"',
					deltagere_kommune: 'A & B',
					deltagere_organisation: '',
					naeste_moede: ''
				}
			},
			'2102': {
				dagsorden: {},
				aftaledokument: {},
				moede: { dato: '', sted: '🏘️', deltagere_kommune: '', deltagere_organisation: '', naeste_moede: '' }
			}
		});
		expect(text.endsWith('}\n')).toBe(true);
		// The script is text inside a JSON string, not markup.
		expect(text).toContain('<script>alert(1)</script>');
	});

	it('reads back every field unchanged: texts, meeting, targets and rules', () => {
		const result = readWorkFile(workFileText(file()), 1000);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.file.kode).toBe('0751');
		expect(result.file.year).toBe(2025);
		expect(result.file.savedAt).toBe('2026-11-29T13:32:00.000Z');
		const w = result.file.work;
		expect(w.joint).toEqual({ byudvikling: HOSTILE, eventuelt: 'Intet.' });
		expect(w.organisations['2101']!.dagsorden['naeste-moede']).toBe(HOSTILE);
		expect(w.organisations['2101']!.moede).toEqual({
			dato: '14. oktober 2025',
			sted: 'Rådhuset, lokale "2"',
			deltagereKommune: 'A & B',
			deltagereOrganisation: '',
			naesteMoede: ''
		});
		expect(w.organisations['2102']!.moede.sted).toBe('🏘️');
		expect(w.targets).toEqual([
			target(),
			target({ maal_id: 'UDKAST-2026-2', niveau: 'kommune', enhed_id: '0751', boligorganisation_id: null, beskrivelse: '' })
		]);
		expect(w.rules).toEqual(preset('koebenhavn-40-50')!.ruleSet);
		expect(workFingerprint(w)).toBe(workFingerprint(work()));
	});

	it('writes the default rules as null and reads them back as null', () => {
		const w = { ...work(), rules: structuredClone(preset('tidlig-indsats')!.ruleSet) };
		const o = JSON.parse(workFileText(file(w))) as Record<string, unknown>;
		expect(o.fokusregler).toBeNull();
	});

	it('reads a file with a byte order mark, as an editor may save it', () => {
		expect(readWorkFile('\uFEFF' + workFileText(file()), 1000).ok).toBe(true);
	});

	it('treats typed-and-deleted text as no work', () => {
		const w = emptyWork();
		w.joint.eventuelt = '  ';
		w.organisations['2101'] = { dagsorden: { eventuelt: '' }, aftaledokument: {}, moede: { ...EMPTY_MEETING } };
		expect(isEmptyWork(w)).toBe(true);
		expect(workFingerprint(w)).toBe(workFingerprint(emptyWork()));
		expect(compactWork(w).organisations).toEqual({});
	});
});

describe('a bad file is refused with what was expected and what was found', () => {
	it('not JSON', () => {
		const [e] = errorsOf('Kære kollega, her er udkastet');
		expect(e).toMatch(/^Filen er ikke gyldig JSON \(.+\); en arbejdsfil er en \.json-fil/);
	});

	it('too big, before it is read', () => {
		expect(errorsOf('', WORK_FILE_MAX_BYTES + 1)).toEqual(['Filen fylder 5 MB; en arbejdsfil fylder højst 5 MB. Er det den rigtige fil?']);
		expect(errorsOf('', 12 * 1024 * 1024)[0]).toContain('Filen fylder 12 MB');
	});

	it('not ours: another JSON file, a list, a rule file', () => {
		expect(errorsOf('{"type": "FeatureCollection"}')).toEqual([
			'Filen er ikke en arbejdsfil fra Boligbarometer: forventede "format": "boligbarometer-styringsdialog" øverst i filen, fandt ingenting.'
		]);
		expect(errorsOf('[1, 2]')[0]).toContain('fandt en liste.');
		expect(errorsOf('null')[0]).toContain('fandt null.');
		const rules = errorsOf(ruleFileText(preset('tidlig-indsats')!.ruleSet));
		expect(rules[0]).toContain('fandt "boligbarometer-fokusregler"');
		expect(rules[1]).toBe('Det er en fil med fokusregler; den indlæses under Fokusliste med "Indlæs regler (JSON)".');
	});

	it('a newer format version', () => {
		expect(errorsOf(edited((o) => (o.version = 2)))).toEqual([
			'Filen er skrevet af en nyere udgave af Boligbarometer (formatversion 2); denne udgave læser version 1. Brug den nyeste udgave af dashboardet.'
		]);
		expect(errorsOf(edited((o) => (o.version = '1')))).toEqual(['version: forventede et helt tal fra 1, fandt "1"']);
	});

	it('a municipality code or year of the wrong shape', () => {
		expect(errorsOf(edited((o) => (o.kommune_kode = 751)))).toEqual([
			'kommune_kode: forventede en kommunekode med fire cifre, fx "0751", fandt 751'
		]);
		expect(errorsOf(edited((o) => (o.aar = 1999)))).toEqual(['aar: forventede et årstal fra 2000 til 2100, fandt 1999']);
	});

	it('fields it does not know, at the top and inside', () => {
		const e = errorsOf(
			edited((o) => {
				o.noegletal = [{ afdeling_id: '2101-001', beboere: 3 }];
				(o.boligorganisationer as Record<string, Record<string, unknown>>)['2101']!.ledighed = 61;
			})
		);
		expect(e[0]).toMatch(/^noegletal: ukendt felt; forventede et af "format", "version", /);
		expect(e[1]).toMatch(/^boligorganisationer\.2101\.ledighed: ukendt felt; forventede et af "dagsorden", "aftaledokument", "moede"$/);
	});

	it('a text under a section the document does not have, or not a text', () => {
		expect(errorsOf(edited((o) => ((o.faellesmoede as Record<string, Record<string, unknown>>).tekster!.fokuspunkter = 'x')))).toEqual([
			'faellesmoede.tekster.fokuspunkter: ukendt punkt; forventede et af "byudvikling", "boligpolitik", "resultater", "anvisning", "arbejdsgrupper", "eventuelt", "naeste-moede"'
		]);
		expect(
			errorsOf(
				edited((o) => ((o.boligorganisationer as Record<string, Record<string, Record<string, unknown>>>)['2101']!.moede!.dato = 14))
			)
		).toEqual(['boligorganisationer.2101.moede.dato: forventede en tekst, fandt 14']);
	});

	it('a text longer than any meeting needs', () => {
		const e = errorsOf(
			edited((o) => ((o.faellesmoede as Record<string, Record<string, unknown>>).tekster!.eventuelt = 'x'.repeat(MAX_TEXT_LENGTH + 1)))
		);
		expect(e).toEqual(['faellesmoede.tekster.eventuelt: højst 100.000 tegn, fandt 100.001']);
	});

	it('an organisation id that would reach the prototype', () => {
		const text = workFileText(file()).replace('"2102":', '"__proto__":');
		expect(errorsOf(text)).toEqual(['boligorganisationer.__proto__: forventede et id på 1 til 100 tegn, fandt "__proto__"']);
	});

	it('a target that does not check, or twice', () => {
		const e = errorsOf(
			edited((o) => {
				const targets = o.maaludkast as Record<string, unknown>[];
				targets[1]!.maalvaerdi = 'lav';
				targets.push({ ...targets[0] });
			})
		);
		expect(e).toEqual([
			'maaludkast[1] (UDKAST-2026-2): Målværdien skal være et tal.',
			'maaludkast[2]: målets id "UDKAST-2026-1" står der allerede'
		]);
		expect(errorsOf(edited((o) => (o.maaludkast = {})))).toEqual(['maaludkast: forventede en liste, fandt et objekt']);
		const choice = errorsOf(edited((o) => ((o.maaludkast as Record<string, unknown>[])[0]!.indikator = 'beboere_i_alt')));
		expect(choice).toHaveLength(1);
		expect(choice[0]).toMatch(
			/^maaludkast\[0\]\.indikator \(UDKAST-2026-1\): forventede en af "ledighed", "fraflytning", .*, fandt "beboere_i_alt"$/
		);
	});

	it('rules that do not check', () => {
		const e = errorsOf(edited((o) => ((o.fokusregler as Record<string, unknown>).enheder = ['planet'])));
		expect(e).toHaveLength(1);
		expect(e[0]).toMatch(/^fokusregler: enheder\[0\]: forventede en af "afdeling", "omraade", fandt "planet"/);
	});

	it('in English when the dashboard is in English', () => {
		expect(
			errorsOf(
				edited((o) => (o.version = 3)),
				undefined,
				'en'
			)
		).toEqual(['The file was written by a newer Boligbarometer (format version 3); this one reads version 1. Use the latest dashboard.']);
		expect(errorsOf('{}', 2, 'en')).toEqual([
			'The file is not a Boligbarometer work file: expected "format": "boligbarometer-styringsdialog" at the top, found nothing.'
		]);
		expect(
			errorsOf(
				edited((o) => (o.aar = 'i år')),
				undefined,
				'en'
			)
		).toEqual(['aar: expected a year from 2000 to 2100, found "i år"']);
	});

	it('stops listing after twenty problems and counts the rest', () => {
		const e = errorsOf(
			edited((o) => (o.maaludkast = Array.from({ length: 30 }, (_, i) => ({ ...target({ maal_id: `M${i}` }), maalaar: 'x' }))))
		);
		expect(e).toHaveLength(21);
		expect(e[20]).toBe('… og 10 fejl mere.');
	});
});

describe('a file against the page’s data', () => {
	const data: DataContext = {
		kode: '0751',
		kommuneLabel: 'Aarhus Kommune',
		year: 2025,
		years: [2023, 2024, 2025],
		labelOf: (kode) => ({ '0751': 'Aarhus Kommune', '0461': 'Odense Kommune' })[kode] ?? null,
		organisations: new Set(['2101', '2102']),
		departments: new Set(['2101-001']),
		areas: new Set(['0751-O01']),
		indicators: ['ledighed', 'fraflytning']
	};

	it('opens a file that fits, without a word', () => {
		expect(checkWorkFile(file(), data)).toEqual({ errors: [], notices: [] });
	});

	it('refuses another municipality or year, naming both', () => {
		expect(checkWorkFile({ ...file(), kode: '0461' }, data).errors).toEqual([
			'Filen er til Odense Kommune (kommunekode 0461), men siden viser Aarhus Kommune (0751). Vælg Odense Kommune øverst, og åbn filen igen.'
		]);
		expect(checkWorkFile({ ...file(), kode: '0999' }, data).errors[0]).toContain('Filen er til 0999 (kommunekode 0999)');
		expect(checkWorkFile({ ...file(), year: 2024 }, data).errors).toEqual([
			'Filen er til året 2024, men siden viser 2025. Vælg 2024 øverst, og åbn filen igen.'
		]);
		expect(checkWorkFile({ ...file(), year: 2019 }, data).errors).toEqual([
			'Filen er til året 2019, som data ikke har; data har årene 2023, 2024, 2025.'
		]);
		expect(checkWorkFile({ ...file(), year: 2024 }, data, 'en').errors).toEqual([
			'The file is for 2024, but the page shows 2025. Choose 2024 at the top and open the file again.'
		]);
	});

	it('refuses a target on a key figure the data lacks, or on another municipality', () => {
		const w = work();
		w.targets[0]!.indikator = 'uden_for_arbejdsmarked';
		w.targets[1]!.enhed_id = '0461';
		expect(checkWorkFile(file(w), data).errors).toEqual([
			'maaludkast[0] (UDKAST-2026-1): nøgletallet "uden_for_arbejdsmarked" findes ikke i data; forventede et af "ledighed", "fraflytning"',
			'maaludkast[1] (UDKAST-2026-2): et mål for kommunen skal have enhed_id "0751", fandt "0461"'
		]);
	});

	it('keeps texts and targets of units the data no longer has, and says so', () => {
		const w = work();
		w.organisations['2199'] = { dagsorden: { eventuelt: 'Om en nedlagt organisation' }, aftaledokument: {}, moede: { ...EMPTY_MEETING } };
		w.organisations['2198'] = { dagsorden: {}, aftaledokument: {}, moede: { ...EMPTY_MEETING } };
		w.targets.push(target({ maal_id: 'UDKAST-2026-3', niveau: 'afdeling', enhed_id: '2101-099' }));
		const check = checkWorkFile(file(w), data);
		expect(check.errors).toEqual([]);
		// 2198 holds nothing, so there is nothing to keep or say.
		expect(check.notices).toEqual([
			'Målet UDKAST-2026-3 gælder afdeling "2101-099", som ikke findes i data for kommunen; målet er bevaret, men kan ikke følges i tallene.',
			'Boligorganisation "2199" findes ikke længere i data for kommunen; teksterne til den er bevaret i arbejdet og kommer med, når det gemmes.'
		]);
		expect(checkWorkFile(file(w), data, 'en').notices[0]).toBe(
			'Target UDKAST-2026-3 concerns department "2101-099", which is not in the municipality\'s data; the target is kept but cannot be followed in the figures.'
		);
	});
});

/** localStorage as a Map, as the browser keeps it: strings under string keys. */
class MemoryStorage {
	readonly map = new Map<string, string>();
	blocked = false;
	get length() {
		return this.map.size;
	}
	key(i: number) {
		return [...this.map.keys()][i] ?? null;
	}
	getItem(k: string) {
		return this.map.get(k) ?? null;
	}
	setItem(k: string, v: string) {
		if (this.blocked) throw new DOMException('quota', 'QuotaExceededError');
		this.map.set(k, String(v));
	}
	removeItem(k: string) {
		this.map.delete(k);
	}
	clear() {
		this.map.clear();
	}
}

describe('the work in the browser', () => {
	let storage: MemoryStorage;
	beforeEach(() => {
		storage = new MemoryStorage();
		(globalThis as { localStorage?: unknown }).localStorage = storage;
	});

	it('reads what the pages kept before the work file existed, under their keys', () => {
		storage.setItem('boligbarometer:dagsorden:faelles:0751:0751:2025', JSON.stringify({ eventuelt: 'Gammel tekst', ukendt: 'x' }));
		storage.setItem('boligbarometer:dagsorden:aftale:0751:2101:2025', JSON.stringify({ fokuspunkter: 'Fokus' }));
		storage.setItem('boligbarometer:dagsorden:moede:0751:2101:2025', JSON.stringify({ ...EMPTY_MEETING, dato: '1. maj' }));
		storage.setItem('boligbarometer:dagsorden:dagsorden:0751:2101:2024', JSON.stringify({ eventuelt: 'Sidste år' }));
		storage.setItem('boligbarometer:maaludkast:0751', JSON.stringify([target(), { maal_id: 'halvt' }]));
		const w = loadLocalWork('0751', 2025);
		expect(w.joint).toEqual({ eventuelt: 'Gammel tekst' });
		expect(w.organisations['2101']!.aftaledokument).toEqual({ fokuspunkter: 'Fokus' });
		expect(w.organisations['2101']!.moede.dato).toBe('1. maj');
		expect(w.organisations['2101']!.dagsorden).toEqual({});
		expect(w.targets).toEqual([target()]);
	});

	it('save, clear storage, open the file: every field is back', () => {
		const store = new WorkStore('0751', 2025);
		store.replace(work(), new Date('2026-11-29T13:00:00Z'));
		store.work.organisations['2101']!.dagsorden.eventuelt = 'Skrevet efter åbningen 👍';
		store.edited(new Date('2026-11-29T13:05:00Z'));
		expect(store.unsaved).toBe(true);
		const text = store.saveToFile(new Date('2026-11-29T13:32:00Z'));
		expect(store.unsaved).toBe(false);
		expect(JSON.parse(text).gemt).toBe('2026-11-29T13:32:00.000Z');

		storage.clear();
		const fresh = new WorkStore('0751', 2025);
		expect(isEmptyWork(fresh.work)).toBe(true);
		expect(fresh.unsaved).toBe(false);
		const read = readWorkFile(text, text.length);
		if (!read.ok) throw new Error(read.errors.join('\n'));
		fresh.replace(read.file.work);
		expect(fresh.unsaved).toBe(false);
		const expected = work();
		expected.organisations['2101']!.dagsorden.eventuelt = 'Skrevet efter åbningen 👍';
		expect(compactWork(fresh.work)).toEqual(compactWork(expected));
		// And kept in the browser again: a reload finds the same work.
		expect(compactWork(loadLocalWork('0751', 2025))).toEqual(compactWork(expected));
	});

	it('keeps draft targets per year: two years never write over each other’s drafts', () => {
		storage.setItem('boligbarometer:maaludkast:0751', JSON.stringify([target()]));
		const y2024 = new WorkStore('0751', 2024);
		const y2025 = new WorkStore('0751', 2025);
		// Both start from the drafts kept per municipality before the work file.
		expect(y2024.list.map((t) => t.maal_id)).toEqual(['UDKAST-2026-1']);
		y2024.add(target({ maal_id: 'UDKAST-2025-1' }));
		y2025.remove('UDKAST-2026-1');
		y2025.add(target({ maal_id: 'UDKAST-2026-2' }));
		expect(loadLocalWork('0751', 2024).targets.map((t) => t.maal_id)).toEqual(['UDKAST-2026-1', 'UDKAST-2025-1']);
		expect(loadLocalWork('0751', 2025).targets.map((t) => t.maal_id)).toEqual(['UDKAST-2026-2']);
		// Emptied, the year's drafts stay empty rather than falling back to the old key.
		y2025.clear();
		expect(loadLocalWork('0751', 2025).targets).toEqual([]);
		expect(storage.getItem('boligbarometer:maaludkast:0751')).toBe(JSON.stringify([target()]));
	});

	it('removes the keys of texts emptied since, and only this municipality and year’s', () => {
		storage.setItem('boligbarometer:dagsorden:dagsorden:0751:2101:2024', '{"eventuelt":"Sidste år"}');
		storage.setItem('andet:nøgle', 'x');
		const w = work();
		expect(saveLocalWork('0751', 2025, w)).toBe(true);
		expect(storage.getItem('boligbarometer:dagsorden:moede:0751:2102:2025')).not.toBeNull();
		w.organisations['2102']!.moede.sted = '';
		saveLocalWork('0751', 2025, w);
		expect(storage.getItem('boligbarometer:dagsorden:moede:0751:2102:2025')).toBeNull();
		expect(storage.getItem('boligbarometer:dagsorden:dagsorden:0751:2101:2024')).toBe('{"eventuelt":"Sidste år"}');
		expect(storage.getItem('andet:nøgle')).toBe('x');
	});

	it('asks before leaving only after an edit in this page life that is not in a file', () => {
		saveLocalWork('0461', 2024, work());
		const store = workStore('0461', 2024);
		// Kept from an earlier visit: shown as not in a file, but reading it does not stop the way out.
		expect(store.unsaved).toBe(true);
		expect(anyUnsavedWork()).toBe(false);
		store.work.joint.eventuelt = 'Nyt';
		store.edited();
		expect(anyUnsavedWork()).toBe(true);
		store.saveToFile();
		expect(anyUnsavedWork()).toBe(false);
		store.add(target({ maal_id: 'UDKAST-2026-9', enhed_id: '0461-O01' }));
		expect(anyUnsavedWork()).toBe(true);
	});

	it('says when the browser cannot keep the work', () => {
		const store = new WorkStore('0751', 2025);
		storage.blocked = true;
		store.work.joint.eventuelt = 'x';
		store.edited();
		expect(store.browserOk).toBe(false);
		expect(store.unsaved).toBe(true);
	});
});

describe('when the work was kept', () => {
	// TZ is Europe/Copenhagen in the tests: 13:32 UTC is 14:32 in Copenhagen in November.
	it('says the clock time today, and the date too on another day', () => {
		const now = new Date('2026-11-29T20:00:00Z');
		expect(savedTime('2026-11-29T13:32:00Z', now, 'da')).toBe('14:32');
		expect(savedTime('2026-11-28T13:32:00Z', now, 'da')).toBe('28.11.2026 14:32');
		expect(savedTime('2026-11-28T13:32:00Z', now, 'en')).toBe('28/11/2026 14:32');
		expect(savedTime('ikke en tid', now, 'da')).toBe('');
	});
});
