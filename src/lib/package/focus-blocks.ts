/**
 * The report's "Særlig fokus" section: the organisation's departments and areas flagged by the
 * focus rules in force, with the reasons, those that need no special focus, those the rules cannot
 * judge, and which rule set was used (name and source). Danish, as the rules' reasons are.
 */
import { focusEntryName, type FocusEntry, type OrganisationFocus } from '../supervision/organisation-focus.ts';
import type { ReportBlock } from '../formats/report.ts';
import { focusCountText } from '../supervision/focus-count.ts';

export const FOCUS_HEADING = 'Særlig fokus';

const withLines = (e: FocusEntry, empty = '') =>
	e.lines.length ? `${focusEntryName(e)}: ${e.lines.join('; ')}` : `${focusEntryName(e)}${empty}`;

export function focusBlocks(focus: OrganisationFocus): ReportBlock[] {
	const { aar, ruleSet } = focus;
	const blocks: ReportBlock[] = [
		{ kind: 'heading', level: 1, text: FOCUS_HEADING },
		{ kind: 'paragraph', text: `Vurderet for ${aar} efter regelsættet "${ruleSet.navn}". Kilde: ${ruleSet.kilde}` },
		...ruleSet.noter.map((text): ReportBlock => ({ kind: 'paragraph', text, style: 'note' })),
		{ kind: 'paragraph', text: focusCountText(focus.count, ruleSet.navn) }
	];
	if (focus.flagged.length) {
		blocks.push(
			{ kind: 'paragraph', text: 'Afdelinger og områder med særlig fokus:' },
			{ kind: 'list', items: focus.flagged.map((e) => withLines(e)) }
		);
	} else {
		blocks.push({ kind: 'paragraph', text: 'Ingen af organisationens afdelinger eller områder har særlig fokus efter reglerne.' });
	}
	if (focus.none.length) {
		blocks.push(
			{ kind: 'paragraph', text: 'Afdelinger uden særlig fokus:' },
			{ kind: 'list', items: focus.none.map((e) => focusEntryName(e)) }
		);
	}
	if (focus.unknown.length) {
		blocks.push(
			{ kind: 'paragraph', text: 'Kan ikke vurderes:' },
			{ kind: 'list', items: focus.unknown.map((e) => withLines(e, ': reglerne gælder ikke denne slags enhed')) }
		);
	}
	return blocks;
}
