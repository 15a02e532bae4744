/**
 * What the supervisor enters about a governance meeting for the agreement document (date, place,
 * who took part, the next meeting). Lives here, with the rest of the supervisor's own words, so the
 * work file (work-file.ts) and the agreement document (agenda/agreement.ts) share one shape.
 */
export interface MeetingDetails {
	dato: string;
	sted: string;
	deltagereKommune: string;
	deltagereOrganisation: string;
	naesteMoede: string;
}

export const MEETING_FIELDS = [
	'dato',
	'sted',
	'deltagereKommune',
	'deltagereOrganisation',
	'naesteMoede'
] as const satisfies readonly (keyof MeetingDetails)[];

export const EMPTY_MEETING: MeetingDetails = { dato: '', sted: '', deltagereKommune: '', deltagereOrganisation: '', naesteMoede: '' };

/**
 * The field names in the work file: Danish with underscores, as in the other files users touch
 * (the code's camelCase names are the agreement document's).
 */
export const MEETING_FILE_FIELDS: Record<keyof MeetingDetails, string> = {
	dato: 'dato',
	sted: 'sted',
	deltagereKommune: 'deltagere_kommune',
	deltagereOrganisation: 'deltagere_organisation',
	naesteMoede: 'naeste_moede'
};
