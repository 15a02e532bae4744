/**
 * Reading a work file (work-file.ts) and checking it on its own, before anything on screen
 * changes: size, JSON, that it is ours, the format version, and every field. What the file says
 * about the data (municipality, year, units, key figures) is checked against the page's data in
 * check-work-file.ts.
 *
 * A checked file is rebuilt field by field from what it may hold, so nothing else it carries (a
 * figure, a name, a field of a newer format) reaches the browser or the next saved file. Texts are
 * kept exactly as written: they are shown in text fields and written into documents as text,
 * never as HTML.
 */
import { TARGET_COLUMNS, YEAR_RANGE } from '../core/input-contract.ts';
import { activeIndicators } from '../core/indicators.ts';
import { TARGET_DIRECTIONS, TARGET_LEVELS, type Target } from '../core/target.ts';
import { RULE_FILE_FORMAT } from '../focus/rule-file.ts';
import type { RuleSet } from '../focus/rule.ts';
import { checkRuleSet } from '../focus/validate.ts';
import type { Lang } from '../i18n/lang.ts';
import { TARGET_CHECK_WORDS, checkTarget } from '../targets/check-target.ts';
import { EMPTY_MEETING, MEETING_FIELDS, MEETING_FILE_FIELDS, type MeetingDetails } from './meeting.ts';
import { workMessages, type WorkMessages } from './messages.ts';
import { DOCUMENT_SECTIONS, type DocumentKind } from './sections.ts';
import { emptyOrganisation, type OrganisationWork, type Texts } from './work.ts';
import { WORK_FILE_FIELDS, WORK_FILE_FORMAT, WORK_FILE_MAX_BYTES, WORK_FILE_VERSION, type WorkFile } from './work-file.ts';

export type ReadResult = { ok: true; file: WorkFile } | { ok: false; errors: string[] };

/** Longer than any text a meeting needs; a field beyond it is a pasted file, not a comment. */
export const MAX_TEXT_LENGTH = 100_000;
export const MAX_TARGETS = 1000;
export const MAX_ORGANISATIONS = 1000;
/** More messages than this would bury the first ones; the rest are counted. */
const MAX_ERRORS = 20;

/** A draft target has the columns of aftaler.csv, no more. */
const TARGET_FIELDS = TARGET_COLUMNS satisfies readonly (keyof Target)[];

/** Ids become object keys: these would reach the prototype rather than name an organisation. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

class Reader {
	readonly errors: string[] = [];
	constructor(
		readonly m: WorkMessages,
		readonly lang: Lang = 'da'
	) {}

	fail(message: string): void {
		this.errors.push(message);
	}

	object(value: unknown, path: string): Record<string, unknown> | null {
		if (isObject(value)) return value;
		this.fail(this.m.field(path, this.m.expected.object, value));
		return null;
	}

	/** Every key of `o` must be one of `allowed`. */
	fields(o: Record<string, unknown>, path: string, allowed: readonly string[]): void {
		for (const key of Object.keys(o))
			if (!allowed.includes(key)) this.fail(this.m.unknownField(`${path}${path ? '.' : ''}${key}`, allowed));
	}

	text(value: unknown, path: string): string {
		if (typeof value !== 'string') {
			this.fail(this.m.field(path, this.m.expected.text, value));
			return '';
		}
		if (value.length > MAX_TEXT_LENGTH) this.fail(this.m.tooLong(path, MAX_TEXT_LENGTH, value.length));
		return value;
	}

	texts(value: unknown, path: string, kind: DocumentKind): Texts {
		const o = this.object(value, path);
		const texts: Texts = {};
		if (!o) return texts;
		const allowed: readonly string[] = DOCUMENT_SECTIONS[kind];
		for (const [key, text] of Object.entries(o)) {
			if (!allowed.includes(key)) this.fail(this.m.unknownSection(`${path}.${key}`, allowed));
			else texts[key] = this.text(text, `${path}.${key}`);
		}
		return texts;
	}

	meeting(value: unknown, path: string): MeetingDetails {
		const meeting = { ...EMPTY_MEETING };
		const o = this.object(value, path);
		if (!o) return meeting;
		const names = MEETING_FIELDS.map((f) => MEETING_FILE_FIELDS[f]);
		this.fields(o, path, names);
		for (const f of MEETING_FIELDS) {
			const v = o[MEETING_FILE_FIELDS[f]];
			if (v !== undefined) meeting[f] = this.text(v, `${path}.${MEETING_FILE_FIELDS[f]}`);
		}
		return meeting;
	}

	organisation(value: unknown, path: string): OrganisationWork {
		const work = emptyOrganisation();
		const o = this.object(value, path);
		if (!o) return work;
		this.fields(o, path, ['dagsorden', 'aftaledokument', 'moede']);
		if (o.dagsorden !== undefined) work.dagsorden = this.texts(o.dagsorden, `${path}.dagsorden`, 'dagsorden');
		if (o.aftaledokument !== undefined) work.aftaledokument = this.texts(o.aftaledokument, `${path}.aftaledokument`, 'aftaledokument');
		if (o.moede !== undefined) work.moede = this.meeting(o.moede, `${path}.moede`);
		return work;
	}

	organisations(value: unknown, path: string): Record<string, OrganisationWork> {
		const result: Record<string, OrganisationWork> = {};
		const o = this.object(value, path);
		if (!o) return result;
		const entries = Object.entries(o);
		if (entries.length > MAX_ORGANISATIONS) {
			this.fail(this.m.tooMany(path, MAX_ORGANISATIONS, entries.length));
			return result;
		}
		for (const [id, org] of entries) {
			const at = `${path}.${id}`;
			if (id.trim() === '' || id.length > 100 || RESERVED_KEYS.has(id)) {
				this.fail(this.m.field(at, this.m.expected.id, id));
				continue;
			}
			result[id] = this.organisation(org, at);
		}
		return result;
	}

	targets(value: unknown, path: string): Target[] {
		if (!Array.isArray(value)) {
			this.fail(this.m.field(path, this.m.expected.list, value));
			return [];
		}
		if (value.length > MAX_TARGETS) {
			this.fail(this.m.tooMany(path, MAX_TARGETS, value.length));
			return [];
		}
		const targets: Target[] = [];
		const ids = new Set<string>();
		value.forEach((raw: unknown, i) => {
			const at = `${path}[${i}]`;
			const o = this.object(raw, at);
			if (!o) return;
			const id = typeof o.maal_id === 'string' ? o.maal_id : '';
			this.fields(o, at, TARGET_FIELDS);
			// The choices get a message naming the options; checkTarget's "Vælg …" is for the form.
			const w = TARGET_CHECK_WORDS[this.lang];
			const choices = [
				['niveau', TARGET_LEVELS, w.chooseLevel],
				['indikator', activeIndicators().map((i) => i.id), w.chooseIndicator],
				['retning', TARGET_DIRECTIONS, w.chooseDirection]
			] as const;
			const formOnly = new Set<string>();
			for (const [key, options, formMessage] of choices) {
				if ((options as readonly unknown[]).includes(o[key])) continue;
				this.fail(this.m.targetProblem(`${at}.${key}`, id, this.m.field('', this.m.expected.oneOf(options), o[key]).slice(2)));
				formOnly.add(formMessage);
			}
			const problems = checkTarget(o, this.lang).filter((p) => !formOnly.has(p));
			for (const p of problems) this.fail(this.m.targetProblem(at, id, p));
			if (formOnly.size) return;
			for (const key of ['maal_id', 'enhed_id', 'aftaledokument', 'beskrivelse', 'boligorganisation_id'] as const) {
				const v = o[key];
				if (typeof v === 'string' && v.length > MAX_TEXT_LENGTH) this.fail(this.m.tooLong(`${at}.${key}`, MAX_TEXT_LENGTH, v.length));
			}
			if (problems.length) return;
			if (ids.has(id)) this.fail(this.m.duplicateTarget(at, id));
			ids.add(id);
			targets.push(Object.fromEntries(TARGET_FIELDS.map((f) => [f, o[f]])) as unknown as Target);
		});
		return targets;
	}

	rules(value: unknown): RuleSet | null {
		if (value === null) return null;
		if (!isObject(value)) {
			this.fail(this.m.field('fokusregler', this.m.expected.rulesOrNull, value));
			return null;
		}
		const checked = checkRuleSet(value, this.lang);
		if (checked.ok) return checked.value;
		for (const e of checked.errors) this.fail(this.m.rulesProblem(e));
		return null;
	}
}

/** The errors, at most MAX_ERRORS of them and a count of the rest. */
function capped(errors: string[], m: WorkMessages): string[] {
	return errors.length > MAX_ERRORS ? [...errors.slice(0, MAX_ERRORS), m.moreProblems(errors.length - MAX_ERRORS)] : errors;
}

/**
 * Reads a work file's text. `size` is the file's size in bytes, checked first: the caller passes
 * the File's size, so an oversized file is refused before it is read into memory.
 */
export function readWorkFile(text: string, size: number, lang: Lang = 'da'): ReadResult {
	const m = workMessages(lang);
	if (size > WORK_FILE_MAX_BYTES) return { ok: false, errors: [m.tooBig(size, WORK_FILE_MAX_BYTES)] };
	let parsed: unknown;
	try {
		parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (error) {
		return { ok: false, errors: [m.notJson((error as Error).message)] };
	}
	if (!isObject(parsed) || parsed.format !== WORK_FILE_FORMAT) {
		const format = isObject(parsed) ? parsed.format : parsed;
		const errors = [m.notOurs(WORK_FILE_FORMAT, isObject(parsed) ? format : parsed)];
		if (format === RULE_FILE_FORMAT) errors.push(m.ruleFileHint);
		return { ok: false, errors };
	}
	const version = parsed.version;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
		return { ok: false, errors: [m.field('version', m.expected.version, version)] };
	}
	if (version > WORK_FILE_VERSION) return { ok: false, errors: [m.newerVersion(version, WORK_FILE_VERSION)] };

	const r = new Reader(m, lang);
	r.fields(parsed, '', WORK_FILE_FIELDS);
	const kode = parsed.kommune_kode;
	if (typeof kode !== 'string' || !/^\d{4}$/.test(kode)) r.fail(m.field('kommune_kode', m.expected.kode, kode));
	const [from, to] = YEAR_RANGE.keyFigures;
	const year = parsed.aar;
	if (typeof year !== 'number' || !Number.isInteger(year) || year < from || year > to)
		r.fail(m.field('aar', m.expected.year(from, to), year));
	const savedAt = parsed.gemt;
	if (savedAt !== undefined && savedAt !== null && typeof savedAt !== 'string') r.fail(m.field('gemt', m.expected.text, savedAt));
	const rules = parsed.fokusregler === undefined ? null : r.rules(parsed.fokusregler);
	const targets = parsed.maaludkast === undefined ? [] : r.targets(parsed.maaludkast, 'maaludkast');
	let joint: Texts = {};
	if (parsed.faellesmoede !== undefined) {
		const o = r.object(parsed.faellesmoede, 'faellesmoede');
		if (o) {
			r.fields(o, 'faellesmoede', ['tekster']);
			if (o.tekster !== undefined) joint = r.texts(o.tekster, 'faellesmoede.tekster', 'faellesmoede');
		}
	}
	const organisations = parsed.boligorganisationer === undefined ? {} : r.organisations(parsed.boligorganisationer, 'boligorganisationer');
	if (r.errors.length) return { ok: false, errors: capped(r.errors, m) };
	return {
		ok: true,
		file: {
			kode: kode as string,
			year: year as number,
			savedAt: typeof savedAt === 'string' ? savedAt : null,
			work: { rules, targets, joint, organisations }
		}
	};
}
