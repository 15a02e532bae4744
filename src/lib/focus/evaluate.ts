/**
 * The focus list: a rule set applied to the departments and areas of a municipality in a year.
 *
 * Every rule answers 'ja', 'nej' or 'ukendt'. A figure that is missing or suppressed
 * (diskretioneret) answers nothing: it can neither trigger nor clear a rule, so a rule that needs
 * it says 'ukendt' unless the figures that are known already decide (a trend broken by a known
 * fall is 'nej' whatever the missing year held; "2 af 4" with two known hits is 'ja').
 *
 * Values are compared at the precision the dashboard shows them (the indicator's decimals), so a
 * reason never reads "20,0 % > 20 %" and a "rise" from 6,5 ‰ to 6,5 ‰ is no rise.
 *
 * A unit needs focus ('fokus') when any rule of the set holds; needs no special focus ('ingen')
 * when every rule is 'nej'; otherwise it cannot be judged ('ukendt').
 */
import type { SeriesPoint } from '../core/output-contract.ts';
import { indicator, type IndicatorId } from '../core/indicators.ts';
import type { HousingType } from '../core/input-contract.ts';
import type { Lang } from '../i18n/lang.ts';
import { DIRECTION_WORD, FOCUS_WORDS, REFERENCE_OWNER, comparisonText, indicatorName, shownFactor, shownValue } from './phrases.ts';
import { presetText } from './preset-words.ts';
import {
	COMPARISON_SYMBOL,
	all,
	atLeast,
	compare,
	limitFor,
	type AtomicRule,
	type FocusUnitKind,
	type Reference,
	type Comparison,
	type Rule,
	type RuleSet,
	type Truth,
	type TypeLimits
} from './rule.ts';

/**
 * A point of a series the rules read. `kilde` names where a benchmark's figure comes from (the
 * country's: "LBF oktober 2024", core/national-benchmark.ts); a reason that compares with it says so.
 */
export type FocusPoint = SeriesPoint & { kilde?: Record<Lang, string> };

export type FocusSeries = Partial<Record<IndicatorId, readonly FocusPoint[]>>;

export interface FocusUnit {
	kind: FocusUnitKind;
	id: string;
	navn: string;
	/** The organisations the unit belongs to (an area may span several). */
	organisationer: { id: string; navn: string }[];
	series: FocusSeries;
	/** A department's housing type, whose limits apply; null or absent for an area or a department without one. */
	boligtype?: HousingType | null;
}

export interface FocusContext {
	/** The year the rules are judged in. */
	aar: number;
	/** The same indicators for the municipality and the country, for `afstand` rules. */
	reference: Partial<Record<Reference, FocusSeries>>;
	/**
	 * The country's published figures by housing type (core/country-by-type.ts): an `afstand` rule
	 * with the country judges a department of a type by its type's figure where one exists that year.
	 */
	landByType?: Partial<Record<HousingType, FocusSeries>>;
	/** The language of the reasons: Danish for the documents (the default), the reader's on the pages. */
	lang?: Lang;
}

/** Why a rule holds: a phrase about one indicator, without the indicator's name. */
export interface Finding {
	indikator: IndicatorId;
	text: string;
}

/** A figure the rule needed but could not use. */
export interface Gap {
	indikator: IndicatorId;
	aar: number;
	state: 'missing' | 'suppressed';
	/** Set when the gap is in the municipality's or country's figure, not the unit's. */
	reference?: Reference;
}

export interface RuleOutcome {
	rule: Rule;
	truth: Truth;
	/** When 'ja': the phrases that say why. */
	findings: Finding[];
	/** The figures that were missing or suppressed (empty when they did not matter). */
	gaps: Gap[];
	/** For a combination: each of its rules' outcomes. */
	children?: RuleOutcome[];
}

export type FocusStatus = 'fokus' | 'ingen' | 'ukendt';

export interface UnitFocus {
	unit: FocusUnit;
	status: FocusStatus;
	/** How many of the set's rules hold. */
	hits: number;
	outcomes: RuleOutcome[];
	/** Plain-Danish lines with the figures: "Fraflytning 24,1 % > 20 %, stigende siden 2022 (fra 18,2 %)". */
	reasons: string[];
	/** Plain-Danish lines naming what could not be judged: "Ledighed: diskretioneret i 2024". */
	unknowns: string[];
}

type Point = { state: 'value'; value: number } | { state: 'missing' | 'suppressed' };

/** A series' point in a year, rounded to the shown decimals; a year without a point is missing. */
function pointAt(series: readonly SeriesPoint[] | undefined, id: IndicatorId, year: number): Point {
	const point = series?.find((p) => p.aar === year);
	if (point?.diskretioneret) return { state: 'suppressed' };
	if (point == null || point.vaerdi == null || !Number.isFinite(point.vaerdi)) return { state: 'missing' };
	return { state: 'value', value: roundShown(id, point.vaerdi) };
}

function roundShown(id: IndicatorId, value: number): number {
	const factor = 10 ** indicator(id).decimals;
	return Math.round(value * factor) / factor;
}

function gap(id: IndicatorId, year: number, point: Point, reference?: Reference): Gap[] {
	if (point.state === 'value') return [];
	return [{ indikator: id, aar: year, state: point.state, ...(reference ? { reference } : {}) }];
}

function evaluateAtomic(rule: AtomicRule, series: FocusSeries, context: FocusContext, boligtype: HousingType | null): RuleOutcome {
	const id = rule.indikator;
	const own = series[id];
	const year = context.aar;
	const lang = context.lang ?? 'da';
	const w = FOCUS_WORDS[lang];
	const at = (y: number) => pointAt(own, id, y);
	const value = (v: number) => shownValue(id, v, lang);
	/** "> 50 % (grænse for ungdomsboliger)" when the unit's type has its own limit. */
	const limitText = (r: { sammenligning: Comparison; graense: number; graenser?: TypeLimits }) => {
		const { limit, type } = limitFor(r, boligtype);
		return `${comparisonText(id, r.sammenligning, limit, lang)}${type ? ` (${w.limitFor(type)})` : ''}`;
	};

	switch (rule.type) {
		case 'niveau': {
			const p = at(year);
			if (p.state !== 'value') return { rule, truth: 'ukendt', findings: [], gaps: gap(id, year, p) };
			const holds = compare(p.value, rule.sammenligning, limitFor(rule, boligtype).limit);
			const findings = holds ? [{ indikator: id, text: `${value(p.value)} ${limitText(rule)}` }] : [];
			return { rule, truth: holds ? 'ja' : 'nej', findings, gaps: [] };
		}
		case 'tendens': {
			const moved = (from: Point, to: Point): Truth => {
				if (from.state !== 'value' || to.state !== 'value') return 'ukendt';
				const holds = rule.retning === 'stigende' ? to.value > from.value : to.value < from.value;
				return holds ? 'ja' : 'nej';
			};
			const steps: Truth[] = [];
			const gaps: Gap[] = [];
			for (let y = year - rule.aar + 1; y <= year; y++) {
				steps.push(moved(at(y - 1), at(y)));
			}
			const truth = all(steps);
			if (truth === 'ukendt') {
				for (let y = year - rule.aar; y <= year; y++) gaps.push(...gap(id, y, at(y)));
			}
			if (truth !== 'ja') return { rule, truth, findings: [], gaps };
			// The run may be longer than the rule asks for; the reason names where it began.
			let start = year - rule.aar;
			while (moved(at(start - 1), at(start)) === 'ja') start--;
			const from = at(start) as { value: number };
			return {
				rule,
				truth,
				findings: [{ indikator: id, text: `${DIRECTION_WORD[lang][rule.retning]} ${w.since} ${start} (${w.from} ${value(from.value)})` }],
				gaps: []
			};
		}
		case 'afstand': {
			const p = at(year);
			// LBF's figure for the department's own housing type when published for the year; else all types'.
			const typed = rule.reference === 'land' && boligtype ? pointAt(context.landByType?.[boligtype]?.[id], id, year) : null;
			const byType = typed?.state === 'value' ? boligtype : null;
			const referenceSeries = context.reference[rule.reference]?.[id];
			const r = byType ? typed! : pointAt(referenceSeries, id, year);
			if (p.state !== 'value' || r.state !== 'value') {
				return { rule, truth: 'ukendt', findings: [], gaps: [...gap(id, year, p), ...gap(id, year, r, rule.reference)] };
			}
			const holds = compare(p.value, rule.sammenligning, rule.faktor * r.value);
			// The country's figure names its source: a published reference or the sum over all municipalities;
			// a housing type's figure says whose it is.
			const source = referenceSeries?.find((q) => q.aar === year)?.kilde?.[lang];
			const whose = byType ? ` (${w.typeFigure(byType)})` : source ? ` (${source})` : '';
			const text = `${value(p.value)} ${COMPARISON_SYMBOL[rule.sammenligning]} ${shownFactor(rule.faktor, lang)} × ${REFERENCE_OWNER[lang][rule.reference]} ${value(r.value)}${whose}`;
			return { rule, truth: holds ? 'ja' : 'nej', findings: holds ? [{ indikator: id, text }] : [], gaps: [] };
		}
		case 'vedvarende': {
			const bound = limitFor(rule, boligtype).limit;
			const beyond = (p: Point): Truth => (p.state !== 'value' ? 'ukendt' : compare(p.value, rule.sammenligning, bound) ? 'ja' : 'nej');
			const first = year - rule.aar + 1;
			const checks: Truth[] = [];
			for (let y = first; y <= year; y++) checks.push(beyond(at(y)));
			const truth = all(checks);
			if (truth === 'ukendt') {
				const gaps: Gap[] = [];
				for (let y = first; y <= year; y++) gaps.push(...gap(id, y, at(y)));
				return { rule, truth, findings: [], gaps };
			}
			if (truth === 'nej') return { rule, truth, findings: [], gaps: [] };
			let start = first;
			while (beyond(at(start - 1)) === 'ja') start--;
			const now = at(year) as { value: number };
			const limit = limitText(rule);
			const text = start === year ? `${value(now.value)} ${limit}` : `${limit} ${w.since} ${start} (${year}: ${value(now.value)})`;
			return { rule, truth, findings: [{ indikator: id, text }], gaps: [] };
		}
	}
}

export function evaluateRule(rule: Rule, series: FocusSeries, context: FocusContext, boligtype: HousingType | null = null): RuleOutcome {
	if (rule.type !== 'kombination') return evaluateAtomic(rule, series, context, boligtype);
	const children = rule.regler.map((r) => evaluateRule(r, series, context, boligtype));
	const truth = atLeast(
		rule.mindst,
		children.map((c) => c.truth)
	);
	return {
		rule,
		truth,
		findings: truth === 'ja' ? children.filter((c) => c.truth === 'ja').flatMap((c) => c.findings) : [],
		gaps: truth === 'ukendt' ? children.filter((c) => c.truth === 'ukendt').flatMap((c) => c.gaps) : [],
		children
	};
}

/** "Fraflytning 24,1 % > 20 %, stigende siden 2022 (…)": findings grouped per indicator, in order. */
function groupFindings(findings: readonly Finding[], lang: Lang): string[] {
	const groups = new Map<IndicatorId, string[]>();
	for (const f of findings) {
		const texts = groups.get(f.indikator) ?? [];
		if (!texts.includes(f.text)) texts.push(f.text);
		groups.set(f.indikator, texts);
	}
	return [...groups].map(([id, texts]) => `${indicatorName(id, lang)} ${texts.join(', ')}`);
}

/** "2023", "2023 og 2024", "2022, 2023 og 2024" */
function yearList(years: number[], lang: Lang): string {
	const sorted = [...new Set(years)].sort((a, b) => a - b).map(String);
	return sorted.length <= 1 ? (sorted[0] ?? '') : `${sorted.slice(0, -1).join(', ')} ${FOCUS_WORDS[lang].and} ${sorted.at(-1)}`;
}

/** One line per indicator, kind of gap and whose figure: "Ledighed: diskretioneret i 2024 og 2025". */
function gapTexts(gaps: readonly Gap[], lang: Lang): string[] {
	const w = FOCUS_WORDS[lang];
	const groups = new Map<string, { gap: Gap; years: number[] }>();
	for (const g of gaps) {
		const key = `${g.indikator}:${g.state}:${g.reference ?? ''}`;
		const group = groups.get(key);
		if (group) group.years.push(g.aar);
		else groups.set(key, { gap: g, years: [g.aar] });
	}
	return [...groups.values()].map(({ gap: g, years }) => {
		const what = g.state === 'suppressed' ? w.suppressedIn(yearList(years, lang)) : w.missingFor(yearList(years, lang));
		const whose = g.reference ? `${w.figureOf(REFERENCE_OWNER[lang][g.reference])} ` : '';
		return `${indicatorName(g.indikator, lang)}: ${whose}${what}`;
	});
}

export function evaluateUnit(ruleSet: RuleSet, unit: FocusUnit, context: FocusContext): UnitFocus {
	const lang = context.lang ?? 'da';
	const outcomes = ruleSet.regler.map((rule) => evaluateRule(rule, unit.series, context, unit.boligtype ?? null));
	const hits = outcomes.filter((o) => o.truth === 'ja').length;
	const status: FocusStatus = hits > 0 ? 'fokus' : outcomes.some((o) => o.truth === 'ukendt') ? 'ukendt' : 'ingen';

	const reasons: string[] = [];
	const plain: Finding[] = [];
	for (const o of outcomes) {
		if (o.truth !== 'ja') continue;
		if (o.rule.type === 'kombination') {
			const met = o.children!.filter((c) => c.truth === 'ja').length;
			const count = FOCUS_WORDS[lang].met(met, o.rule.regler.length);
			const label = o.rule.navn ? `${presetText(o.rule.navn, lang)} (${count})` : count;
			reasons.push(`${label}: ${groupFindings(o.findings, lang).join('; ')}`);
		} else if (o.rule.navn) {
			reasons.push(`${presetText(o.rule.navn, lang)}: ${groupFindings(o.findings, lang).join('; ')}`);
		} else {
			plain.push(...o.findings);
		}
	}
	// Unlabelled single rules read best as one line per indicator, put first.
	reasons.unshift(...groupFindings(plain, lang));

	const unknowns = gapTexts(
		outcomes.filter((o) => o.truth === 'ukendt').flatMap((o) => o.gaps),
		lang
	);
	return { unit, status, hits, outcomes, reasons, unknowns };
}

/** Every unit of a kind the rule set applies to, in the order given. */
export function evaluateUnits(ruleSet: RuleSet, units: readonly FocusUnit[], context: FocusContext): UnitFocus[] {
	return units.filter((u) => ruleSet.enheder.includes(u.kind)).map((u) => evaluateUnit(ruleSet, u, context));
}
