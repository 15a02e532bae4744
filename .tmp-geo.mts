import { readInput } from './pipelines/read/read-input.ts';
import { silentReporter } from './pipelines/model.ts';
const r = await readInput(process.argv[2]!, silentReporter);
console.log(JSON.stringify(r.areas), '\n', JSON.stringify(r.municipalities), r.issues);
