/**
 * Agreed targets in the documentation package (src/lib/package/target-flags.ts): an organisation's
 * targets, and its departments', go in its report with their status, judged on the fixture
 * tests/fixtures/output-mini by the dashboard's own rule. Figures by hand:
 *
 *   Andelsbo (B2) vacancy 2024: (2 + 1) / (100 + 50) × 1000 = 20,0 ‰. A target from 30 ‰ (2022)
 *   to at most 10 ‰ (2026) has the straight path 30 + (10 − 30) × 2/4 = 20 ‰ in 2024: on track.
 *   Engstien (0002-003) turnover 2024: 6 / 50 × 100 = 12,0 % ≤ 15 %: met.
 *   0002-002's "outside the labour market" 2024 is suppressed: no data.
 *   Vestparken 1 (0001-001) belongs to B1: not in B2's package.
 */
import { describe, expect, it } from 'vitest';
import { INDICATOR_IDS } from '../../src/lib/core/indicators.ts';
import { organisationReport } from '../../src/lib/package/organisation-report.ts';
import { PackageCollector } from '../../src/lib/package/collect-data.ts';
import type { Target } from '../../src/lib/core/target.ts';
import { outputMiniDb } from '../support/output-mini.ts';

const base = { aftaledokument: 'Aftale 2023', aftaleaar: 2023, beskrivelse: '', basisaar: 2022 } as const;
const TARGETS: Target[] = [
	{
		...base,
		maal_id: 'T1',
		niveau: 'boligorganisation',
		enhed_id: 'B2',
		indikator: 'ledighed',
		basisvaerdi: 30,
		maalaar: 2026,
		maalvaerdi: 10,
		retning: 'ned',
		boligorganisation_id: 'B2'
	},
	{
		...base,
		maal_id: 'T2',
		niveau: 'afdeling',
		enhed_id: '0002-003',
		indikator: 'fraflytning',
		basisvaerdi: 10,
		maalaar: 2025,
		maalvaerdi: 15,
		retning: 'ned',
		boligorganisation_id: 'B2'
	},
	{
		...base,
		maal_id: 'T3',
		niveau: 'afdeling',
		enhed_id: '0001-001',
		indikator: 'ledighed',
		basisvaerdi: 10,
		maalaar: 2025,
		maalvaerdi: 5,
		retning: 'ned',
		boligorganisation_id: 'B1'
	},
	{
		...base,
		maal_id: 'T4',
		niveau: 'afdeling',
		enhed_id: '0002-002',
		indikator: 'uden_for_arbejdsmarked',
		basisvaerdi: 40,
		maalaar: 2026,
		maalvaerdi: 30,
		retning: 'ned',
		boligorganisation_id: 'B2'
	}
];

const db = outputMiniDb();

describe('targets in the package', () => {
	it('puts the organisation’s and its departments’ targets in its report with their status', async () => {
		const data = await new PackageCollector(db.run).organisation({
			kommune: { kode: '0751', navn: 'Aarhus' },
			organisation: { id: 'B2', navn: 'Andelsbo' },
			year: 2024,
			years: [2022, 2023, 2024],
			indicators: [...INDICATOR_IDS],
			lang: 'da',
			demo: true,
			targets: TARGETS
		});
		const flags = data.flags.map((f) => ({ ...f, text: f.text.replaceAll('\u00a0', '~') }));
		expect(flags).toEqual([
			{
				indikator: 'ledighed',
				afdelingId: undefined,
				text: 'Mål T1 (Aftale 2023): Ledighed højst 10~‰ i 2026 for Andelsbo. Status 2024: På vej – 20,0~‰ i 2024; den lige vej fra 30~‰ i 2022 til højst 10~‰ i 2026 giver højst 20,0~‰ i 2024.'
			},
			{
				indikator: 'fraflytning',
				afdelingId: '0002-003',
				text: 'Mål T2 (Aftale 2023): Fraflytning højst 15~% i 2025. Status 2024: Nået – 12,0~% i 2024: målet (højst 15~% i 2025) er nået.'
			},
			{
				indikator: 'uden_for_arbejdsmarked',
				afdelingId: '0002-002',
				text: 'Mål T4 (Aftale 2023): Uden for arbejdsmarkedet højst 30~% i 2026. Status 2024: Ingen data – Tallet for 2024 er diskretioneret (det kunne afsløre færre end 5 personer).'
			}
		]);

		const report = organisationReport(data, []);
		const lists = report.blocks.flatMap((b, i) =>
			b.kind === 'list'
				? [
						{
							after: report.blocks
								.slice(0, i)
								.filter((x) => x.kind === 'heading')
								.at(-1),
							items: b.items
						}
					]
				: []
		);
		const under = (heading: string) => lists.filter((l) => l.after?.kind === 'heading' && l.after.text === heading).flatMap((l) => l.items);
		expect(under('Ledighed (‰)')).toHaveLength(1);
		expect(under('Engstien (0002-003)')[0]).toMatch(/^Mål T2 /);
		expect(under('<img src=x onerror=alert(1)> (0002-002)')[0]).toMatch(/^Mål T4 /);
	});
});
