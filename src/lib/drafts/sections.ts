/**
 * The ids of the agenda sections the supervisor writes in, per document. A text in the work file
 * is keyed by these ids; a file naming another id is refused rather than opened with a text that
 * would show nowhere. tests/unit/work-file.test.ts checks these lists against the documents the
 * agenda room builds (joint-agenda.ts, organisation-agenda.ts, agreement.ts), so they cannot drift.
 */
export const DOCUMENT_SECTIONS = {
	/** The joint meeting of the municipality with all its housing organisations. */
	faellesmoede: ['byudvikling', 'boligpolitik', 'resultater', 'anvisning', 'arbejdsgrupper', 'eventuelt', 'naeste-moede'],
	/** An organisation's governance meeting. */
	dagsorden: [
		'status-organisation',
		'status-afdelinger',
		'beboerdemokrati',
		'boligsociale-tiltag',
		'administration',
		'visioner-og-maal',
		'eventuelt',
		'naeste-moede'
	],
	/** The draft agreement document after the meeting. */
	aftaledokument: ['moedet', 'fokuspunkter', 'aftaler', 'uden-fokus', 'analyser', 'naeste-moede']
} as const satisfies Record<string, readonly string[]>;

export type DocumentKind = keyof typeof DOCUMENT_SECTIONS;
