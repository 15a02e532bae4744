/**
 * What every supervisor page (focus list, targets, agendas) works from: the municipality and year
 * of the URL view, the files it loads (Supervision), and the assessment of that data under a rule
 * set (`.current`, null while anything loads). The rule set is passed in as a getter because the
 * focus list assesses the last rules that passed its editor's check, the other pages the URL's.
 * Create while a component initialises (Supervision uses $effect).
 */
import type { WebIndex } from '../core/output-contract.ts';
import type { RuleSet } from '../focus/rule.ts';
import { strings, type Strings } from '../i18n/strings.ts';
import type { App } from '../state/app.svelte.ts';
import { availableIndicators } from '../state/url-params.ts';
import { agendaData } from './agenda-data.ts';
import { assess, type Assessment } from './assess.ts';
import { Supervision } from './supervision.svelte.ts';

export class MunicipalityAssessment {
	readonly supervision: Supervision;
	readonly #app: App;
	readonly #ruleSet: () => RuleSet;
	readonly #reasonsInPageLanguage: boolean;

	/**
	 * `reasonsInPageLanguage`: the focus reasons in the page's language (the focus list, the targets);
	 * false where they go into a Danish document (the agendas).
	 */
	constructor(app: App, ruleSet: () => RuleSet, reasonsInPageLanguage = false) {
		this.#app = app;
		this.#ruleSet = ruleSet;
		this.#reasonsInPageLanguage = reasonsInPageLanguage;
		this.supervision = new Supervision(() => this.kode);
	}

	get t(): Strings {
		return this.#app.t;
	}
	/** The data index; the supervisor's pages render only once the root layout has it. */
	get index(): WebIndex {
		return this.#app.index.current!;
	}
	get kode(): string | null {
		return this.#app.view.kommune;
	}
	/** The year of the view, the latest in the data when none is chosen. */
	readonly year: number = $derived.by(() => this.#app.view.year ?? Math.max(...this.index.years));
	/** The municipality's name (its code while the index does not know it). */
	readonly navn: string = $derived.by(() => this.index.kommuner.find((k) => k.kode === this.kode)?.navn ?? this.kode ?? '');
	/** "<navn> Kommune", as the pages' headings and documents write it. */
	readonly kommuneLabel: string = $derived.by(() => this.t.municipalityOf(this.navn));

	readonly current: Assessment | null = $derived.by(() => {
		const { supervision, kode } = this;
		const figures = supervision.figures;
		if (!figures || !kode || !supervision.targets || !supervision.interventions) return null;
		return assess(
			agendaData({
				figures,
				// The Danish documents (the agendas) name the municipality in Danish on an English page too.
				kommune: { kode, navn: this.#reasonsInPageLanguage ? this.kommuneLabel : strings('da').municipalityOf(this.navn) },
				year: this.year,
				demo: this.index.demo,
				indicators: availableIndicators(this.index),
				ruleSet: this.#ruleSet(),
				targets: supervision.targets,
				interventions: supervision.interventions,
				benchmarks: this.index
			}),
			this.#reasonsInPageLanguage ? this.#app.view.lang : 'da'
		);
	});
}
