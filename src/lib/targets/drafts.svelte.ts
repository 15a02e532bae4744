/**
 * Targets a supervisor drafts in the browser, per municipality, kept in localStorage so they
 * survive a reload and show on the agenda page too, until they are downloaded as aftaler.csv and
 * fed back into the pipeline.
 */
import { checkTarget } from './check-target.ts';
import type { Target } from '../core/target.ts';

const KEY = (kode: string) => `boligbarometer:maaludkast:${kode}`;

function read(kode: string): Target[] {
	try {
		const value: unknown = JSON.parse(localStorage.getItem(KEY(kode)) ?? '[]');
		// Stored by an earlier version, or edited by hand: keep only what still checks.
		return Array.isArray(value) ? value.filter((t): t is Target => checkTarget(t).length === 0) : [];
	} catch {
		return [];
	}
}

export class TargetDrafts {
	list = $state<Target[]>([]);
	readonly #kode: string;

	constructor(kode: string) {
		this.#kode = kode;
		this.list = read(kode);
	}

	add(target: Target): void {
		this.list.push(target);
		this.#save();
	}

	remove(maalId: string): void {
		this.list = this.list.filter((t) => t.maal_id !== maalId);
		this.#save();
	}

	clear(): void {
		this.list = [];
		this.#save();
	}

	#save(): void {
		try {
			localStorage.setItem(KEY(this.#kode), JSON.stringify($state.snapshot(this.list)));
		} catch {
			// Storage full or blocked (private mode): the drafts still live until the page closes.
		}
	}
}
