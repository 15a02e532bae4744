/**
 * The supervisor's work on one municipality and year as runes state, shared by every page that
 * shows it (the agendas, the targets, the focus list): one store per municipality and year for the
 * page's life, so an edit on one page is on the next without a reload. Every edit is kept in the
 * browser at once (local-work.ts); the store knows whether the work differs from what was last
 * saved to or opened from a file (`unsaved`), which the bar shows and the leave guard asks about.
 *
 * No $derived here: a store outlives the component that first asked for it.
 */
import { untrack } from 'svelte';
import type { Target } from '../core/target.ts';
import type { RuleSet } from '../focus/rule.ts';
import { loadFileState, loadLocalWork, saveFileState, saveLocalWork, type FileState } from './local-work.ts';
import { emptyOrganisation, emptyWork, stableJson, workFingerprint, type OrganisationWork, type Work } from './work.ts';
import { RESERVED_KEYS } from './read-work-file.ts';
import { workFileText } from './work-file.ts';

const EMPTY_FINGERPRINT = workFingerprint(emptyWork());

/** The draft targets as the target form edits them. */
export interface DraftTargets {
	readonly list: Target[];
	add(target: Target): void;
	remove(maalId: string): void;
	clear(): void;
}

export class WorkStore implements DraftTargets {
	readonly kode: string;
	readonly year: number;
	work = $state<Work>(emptyWork());
	fileState = $state<FileState>({ fingerprint: null, fileAt: null, browserAt: null });
	/** False once the browser refused to keep the work (private mode, storage full). */
	browserOk = $state(true);
	/**
	 * Edited in this page life since the last file was saved or opened: only then does leaving ask.
	 * Work the browser kept from an earlier visit is shown as not in a file, but a visit that only
	 * reads it is not stopped on its way out.
	 */
	editedSinceFile = false;

	constructor(kode: string, year: number) {
		this.kode = kode;
		this.year = year;
		this.work = loadLocalWork(kode, year);
		this.fileState = loadFileState(kode, year);
		this.#touch();
	}

	/**
	 * Reads the whole work once, right after new state objects are made. Svelte creates a state
	 * object's inner signals on first read, and a signal first read in the same update as the
	 * object was made counts as made by the reader, which then does not follow it: the bar's
	 * "unsaved" would never change. Read here, the signals exist before any template reads them.
	 */
	#touch(): void {
		untrack(() => workFingerprint(this.work));
	}

	/** The work differs from the last file saved or opened (or, with none, is not empty). */
	get unsaved(): boolean {
		return this.fingerprint !== (this.fileState.fingerprint ?? EMPTY_FINGERPRINT);
	}

	/** Read through the state itself (not a snapshot), so an effect or template reading it follows every edit. */
	get fingerprint(): string {
		return workFingerprint(this.work);
	}

	/** Call after every edit: keeps the work in the browser. */
	edited(now = new Date()): void {
		this.editedSinceFile = true;
		this.browserOk = saveLocalWork(this.kode, this.year, $state.snapshot(this.work) as Work);
		if (this.browserOk) this.fileState.browserAt = now.toISOString();
		saveFileState(this.kode, this.year, $state.snapshot(this.fileState));
	}

	/** The organisation's part of the work; call from an effect (it may add an empty one). */
	ensureOrganisation(id: string): OrganisationWork {
		// An assignment, not defineProperty: the state proxy makes the new object deeply reactive
		// only on set. Ids that would reach the prototype are never stored (read-work-file.ts).
		if (!Object.hasOwn(this.work.organisations, id) && !RESERVED_KEYS.has(id)) {
			this.work.organisations[id] = emptyOrganisation();
			this.#touch();
		}
		return this.work.organisations[id] ?? emptyOrganisation();
	}

	organisation(id: string): OrganisationWork | undefined {
		return Object.hasOwn(this.work.organisations, id) ? this.work.organisations[id] : undefined;
	}

	get list(): Target[] {
		return this.work.targets;
	}

	add(target: Target): void {
		this.work.targets.push(target);
		this.#touch();
		this.edited();
	}

	remove(maalId: string): void {
		this.work.targets = this.work.targets.filter((t) => t.maal_id !== maalId);
		this.edited();
	}

	clear(): void {
		this.work.targets = [];
		this.edited();
	}

	/** The focus rules in use changed (the page's URL says so). */
	noteRules(rules: RuleSet): void {
		if (stableJson(rules) === stableJson($state.snapshot(this.work.rules))) return;
		this.work.rules = $state.snapshot(rules) as RuleSet;
		this.#touch();
		this.edited();
	}

	/** The file's text for "Gem arbejde", and the store marked as saved. */
	saveToFile(now = new Date()): string {
		const work = $state.snapshot(this.work) as Work;
		const text = workFileText({ kode: this.kode, year: this.year, savedAt: now.toISOString(), work });
		this.fileState.fingerprint = workFingerprint(work);
		this.fileState.fileAt = now.toISOString();
		saveFileState(this.kode, this.year, $state.snapshot(this.fileState));
		this.editedSinceFile = false;
		return text;
	}

	/** A checked file's work replaces the work on screen. */
	replace(work: Work, now = new Date()): void {
		this.work = $state.snapshot(work) as Work;
		this.#touch();
		this.fileState.fingerprint = workFingerprint(work);
		this.fileState.fileAt = now.toISOString();
		this.edited(now);
		this.editedSinceFile = false;
	}
}

const stores = new Map<string, WorkStore>();

export function workStore(kode: string, year: number): WorkStore {
	const key = `${kode}:${year}`;
	let store = stores.get(key);
	if (!store) stores.set(key, (store = new WorkStore(kode, year)));
	return store;
}

/** Was any work edited in this page life and not saved to a file? Asked before the page is left. */
export function anyUnsavedWork(): boolean {
	return [...stores.values()].some((s) => s.editedSinceFile && s.unsaved);
}
