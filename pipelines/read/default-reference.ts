/**
 * The project's default reference figures (data/reference/README.md): read whenever the input has
 * no referencetal.csv of its own, and copied into the demo by the generator.
 */
import { fileURLToPath } from 'node:url';

export const DEFAULT_REFERENCE = fileURLToPath(new URL('../../data/reference/landstal-lbf.csv', import.meta.url));
/** How messages, the manifest and referencetal.json name the default file: relative to the project. */
export const DEFAULT_REFERENCE_NAME = 'data/reference/landstal-lbf.csv';
