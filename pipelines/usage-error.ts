/**
 * node:util's parseArgs errors in Danish, for the terminal of `npm run ingest` and `npm start`:
 * its own messages are English ("Unknown option '--inptu'"). Each names the argument and what was
 * expected; a stray word gets the advice a new user most often needs, the `--` after the npm
 * command, without which npm keeps the options for itself and passes only their values on.
 */
export function usageErrorText(error: unknown, command: string, known: readonly string[]): string {
	const { code, message } = error as { code?: string; message?: string };
	const text = message ?? String(error);
	const quotedArg = /'([^']*)'/.exec(text)?.[1] ?? '';
	const option = quotedArg.split(' ')[0] ?? '';
	const list = known.join(', ');
	switch (code) {
		case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
			return `ukendt tilvalg "${option}": forventede ${list}.`;
		case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
			return text.includes('argument missing')
				? `${option} mangler sin værdi: forventede ${option} efterfulgt af en sti.`
				: `${option} tager ingen værdi: forventede ${option} alene.`;
		case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
			return `uventet argument "${quotedArg}": forventede kun ${list}. Husk \`--\` efter \`${command}\` (\`${command} -- ${known[0]} …\`): uden det beholder npm tilvalgene selv og sender kun deres værdier videre.`;
		default:
			return text;
	}
}
