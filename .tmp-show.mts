import { readInput } from './pipelines/read/read-input.ts';
import { silentReporter } from './pipelines/model.ts';
import { formatReport } from './pipelines/read/issues.ts';
for (const dir of process.argv.slice(2)) {
	const r = await readInput(dir, silentReporter);
	console.log('==', dir, 'demo', r.demo);
	console.log(formatReport(r.issues));
	if (process.env.V) {
		console.log(r.departments.map((d) => JSON.stringify({ ...d, source: `${d.source.file}:${d.source.line}` })).join('\n'));
		for (let i = 0; i < r.keyFigures.length; i++) {
			const vals = Object.entries(r.keyFigures.values).filter(([, v]) => !Number.isNaN(v[i])).map(([k, v]) => `${k}=${v[i]}`);
			console.log(r.keyFigures.afdeling_id[i], r.keyFigures.aar[i], vals.join(' '));
		}
		console.log(r.files);
	}
}
