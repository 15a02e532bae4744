/**
 * The supervisor's work on one municipality and year, as plain data: the texts of the joint
 * meeting's agenda, per housing organisation the texts of its agenda and draft agreement document
 * and the meeting's details, the drafted targets, and the focus rules in use. Only words and
 * choices: no key figure, count or name from the data, which always comes from the published files.
 *
 * `compactWork` drops what is empty (an untouched field, an organisation with nothing written,
 * the default rules), so an untouched page and a page whose text was typed and deleted again are
 * the same work; `workFingerprint` tells two works apart without keeping a copy of either.
 */
import type { Target } from '../core/target.ts';
import { DEFAULT_PRESET_ID, preset } from '../focus/presets.ts';
import type { RuleSet } from '../focus/rule.ts';
import { EMPTY_MEETING, MEETING_FIELDS, type MeetingDetails } from './meeting.ts';

/** A document's texts by section id (sections.ts). */
export type Texts = Record<string, string>;

export interface OrganisationWork {
	/** The governance meeting's agenda. */
	dagsorden: Texts;
	/** The draft agreement document. */
	aftaledokument: Texts;
	moede: MeetingDetails;
}

export interface Work {
	/** The focus rules in use; null for the default rules. */
	rules: RuleSet | null;
	targets: Target[];
	/** The joint meeting's agenda. */
	joint: Texts;
	/** By organisation id. */
	organisations: Record<string, OrganisationWork>;
}

export function emptyWork(): Work {
	return { rules: null, targets: [], joint: {}, organisations: {} };
}

export function emptyOrganisation(): OrganisationWork {
	return { dagsorden: {}, aftaledokument: {}, moede: { ...EMPTY_MEETING } };
}

const isBlank = (text: string | undefined) => (text ?? '').trim() === '';

function compactTexts(texts: Texts): Texts {
	return Object.fromEntries(
		Object.entries(texts)
			.filter(([, v]) => !isBlank(v))
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
	);
}

function isDefaultRules(rules: RuleSet): boolean {
	return stableJson(rules) === stableJson(preset(DEFAULT_PRESET_ID)!.ruleSet);
}

/** The work without its empty parts, organisations in id order: what the file holds. */
export function compactWork(work: Work): Work {
	const organisations: Record<string, OrganisationWork> = {};
	for (const id of Object.keys(work.organisations).sort()) {
		const o = work.organisations[id]!;
		const moede = { ...EMPTY_MEETING };
		for (const f of MEETING_FIELDS) moede[f] = o.moede[f] ?? '';
		const compact = { dagsorden: compactTexts(o.dagsorden), aftaledokument: compactTexts(o.aftaledokument), moede };
		const empty =
			!Object.keys(compact.dagsorden).length &&
			!Object.keys(compact.aftaledokument).length &&
			MEETING_FIELDS.every((f) => isBlank(moede[f]));
		if (!empty) Object.defineProperty(organisations, id, { value: compact, enumerable: true, writable: true, configurable: true });
	}
	return {
		rules: work.rules && !isDefaultRules(work.rules) ? work.rules : null,
		targets: work.targets,
		joint: compactTexts(work.joint),
		organisations
	};
}

export function isEmptyWork(work: Work): boolean {
	const c = compactWork(work);
	return c.rules === null && !c.targets.length && !Object.keys(c.joint).length && !Object.keys(c.organisations).length;
}

/** JSON with every object's keys in order, so equal data gives equal text. */
export function stableJson(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) =>
		typeof v === 'object' && v !== null && !Array.isArray(v)
			? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
			: v
	);
}

/**
 * A short fingerprint of the work's content (cyrb53, a 53-bit string hash): kept in the browser
 * to tell whether what is on screen is what was last saved to or opened from a file.
 */
export function workFingerprint(work: Work): string {
	const text = stableJson(compactWork(work));
	let h1 = 0xdeadbeef ^ text.length;
	let h2 = 0x41c6ce57 ^ text.length;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ c, 2654435761);
		h2 = Math.imul(h2 ^ c, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
