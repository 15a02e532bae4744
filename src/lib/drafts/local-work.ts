/**
 * The work kept in this browser's localStorage, under the keys the pages used before the work
 * file existed (so nothing written earlier is lost; draft targets now per year, see targetsKey),
 * plus two new ones: the focus rules in use and
 * the file state (which content was last saved to or opened from a file, and when the browser last
 * kept it). Everything read back is checked again: storage can hold what an older version, or a
 * hand, put there. Storage that is blocked or full makes `saveLocalWork` return false.
 */
import { checkRuleSet } from '../focus/validate.ts';
import { checkTarget } from '../targets/check-target.ts';
import type { Target } from '../core/target.ts';
import { EMPTY_MEETING, MEETING_FIELDS, type MeetingDetails } from './meeting.ts';
import { DOCUMENT_SECTIONS, type DocumentKind } from './sections.ts';
import { compactWork, emptyOrganisation, emptyWork, type Texts, type Work } from './work.ts';

const PREFIX = 'boligbarometer:';
/** Per document the kind in the text keys, as the pages named them. */
const TEXT_KIND = { dagsorden: 'dagsorden', aftaledokument: 'aftale', moede: 'moede' } as const;
const textsKey = (kind: string, kode: string, unit: string, year: number) => `${PREFIX}dagsorden:${kind}:${kode}:${unit}:${year}`;
/**
 * Draft targets per municipality and year, like the rest of the work (the file is per year too),
 * so the stores of two years never write over each other's drafts. Before the work file they were
 * kept per municipality: that key is read until the year's own has been written, never changed.
 */
const targetsKey = (kode: string, year: number) => `${PREFIX}maaludkast:${kode}:${year}`;
const legacyTargetsKey = (kode: string) => `${PREFIX}maaludkast:${kode}`;
const rulesKey = (kode: string, year: number) => `${PREFIX}fokusregler:${kode}:${year}`;
const stateKey = (kode: string, year: number) => `${PREFIX}arbejdsfil:${kode}:${year}`;

/** Where the work stands: what was last saved to or opened from a file, and when the browser kept it. */
export interface FileState {
	/** workFingerprint of the content last saved to or opened from a file; null if none. */
	fingerprint: string | null;
	/** When that was (ISO 8601). */
	fileAt: string | null;
	/** When the browser last kept the work (ISO 8601). */
	browserAt: string | null;
}

function read(key: string): unknown {
	try {
		const text = localStorage.getItem(key);
		return text === null ? undefined : JSON.parse(text);
	} catch {
		return undefined;
	}
}

function texts(value: unknown, kind: DocumentKind): Texts {
	const result: Texts = {};
	if (typeof value !== 'object' || value === null) return result;
	const allowed: readonly string[] = DOCUMENT_SECTIONS[kind];
	for (const [k, v] of Object.entries(value)) if (allowed.includes(k) && typeof v === 'string') result[k] = v;
	return result;
}

function meeting(value: unknown): MeetingDetails {
	const result = { ...EMPTY_MEETING };
	if (typeof value !== 'object' || value === null) return result;
	const o = value as Record<string, unknown>;
	for (const f of MEETING_FIELDS) if (typeof o[f] === 'string') result[f] = o[f];
	return result;
}

function storageKeys(): string[] {
	try {
		return Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i) ?? '');
	} catch {
		return [];
	}
}

export function loadLocalWork(kode: string, year: number): Work {
	const work = emptyWork();
	work.joint = texts(read(textsKey('faelles', kode, kode, year)), 'faellesmoede');
	const stored = read(targetsKey(kode, year)) ?? read(legacyTargetsKey(kode));
	work.targets = Array.isArray(stored) ? stored.filter((t): t is Target => checkTarget(t).length === 0) : [];
	const rules = checkRuleSet(read(rulesKey(kode, year)));
	work.rules = rules.ok ? rules.value : null;
	// The organisations with anything stored: every text key of this municipality and year.
	const head = `${PREFIX}dagsorden:`;
	const tail = `:${year}`;
	for (const key of storageKeys()) {
		if (!key.startsWith(head) || !key.endsWith(tail)) continue;
		const rest = key.slice(head.length, -tail.length);
		const kind = Object.values(TEXT_KIND).find((k) => rest.startsWith(`${k}:${kode}:`));
		if (!kind) continue;
		const id = rest.slice(`${kind}:${kode}:`.length);
		if (id === '' || id === '__proto__') continue;
		work.organisations[id] ??= emptyOrganisation();
		const o = work.organisations[id];
		const value = read(key);
		if (kind === 'moede') o.moede = meeting(value);
		else if (kind === 'aftale') o.aftaledokument = texts(value, 'aftaledokument');
		else o.dagsorden = texts(value, 'dagsorden');
	}
	return work;
}

function write(key: string, value: unknown, empty: boolean): void {
	if (empty) localStorage.removeItem(key);
	else localStorage.setItem(key, JSON.stringify(value));
}

/**
 * Keeps the work in the browser, replacing what it kept for this municipality and year: keys for
 * parts now empty are removed (they are ours). False when storage is blocked or full.
 */
export function saveLocalWork(kode: string, year: number, work: Work): boolean {
	const c = compactWork(work);
	try {
		write(textsKey('faelles', kode, kode, year), c.joint, !Object.keys(c.joint).length);
		// Written even when empty: a removed key would bring back the drafts of the old key.
		write(targetsKey(kode, year), c.targets, false);
		write(rulesKey(kode, year), c.rules, c.rules === null);
		const keep = new Set<string>();
		for (const [id, o] of Object.entries(c.organisations)) {
			const entries = [
				[textsKey(TEXT_KIND.dagsorden, kode, id, year), o.dagsorden, !Object.keys(o.dagsorden).length],
				[textsKey(TEXT_KIND.aftaledokument, kode, id, year), o.aftaledokument, !Object.keys(o.aftaledokument).length],
				[textsKey(TEXT_KIND.moede, kode, id, year), o.moede, MEETING_FIELDS.every((f) => o.moede[f].trim() === '')]
			] as const;
			for (const [key, value, empty] of entries) {
				write(key, value, empty);
				if (!empty) keep.add(key);
			}
		}
		// Organisations emptied since the last save: their keys go too.
		for (const key of storageKeys()) {
			const ours = Object.values(TEXT_KIND).some((k) => key.startsWith(`${PREFIX}dagsorden:${k}:${kode}:`)) && key.endsWith(`:${year}`);
			if (ours && !keep.has(key)) localStorage.removeItem(key);
		}
		return true;
	} catch {
		return false;
	}
}

export function loadFileState(kode: string, year: number): FileState {
	const v = read(stateKey(kode, year)) as Partial<FileState> | undefined;
	const text = (x: unknown) => (typeof x === 'string' ? x : null);
	return { fingerprint: text(v?.fingerprint), fileAt: text(v?.fileAt), browserAt: text(v?.browserAt) };
}

export function saveFileState(kode: string, year: number, state: FileState): boolean {
	try {
		localStorage.setItem(stateKey(kode, year), JSON.stringify(state));
		return true;
	} catch {
		return false;
	}
}
