// ESLint: the house rules that a reviewer should not have to repeat (STYLE.md). Run by `npm test`
// through `npm run lint`; see README "Commands".
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** What the pipeline may take from src/lib: the shared contracts and domain models, nothing that draws. */
const CORE_FOR_PIPELINES = [
	'src/lib/core/',
	// The demo generator checks its stories with the dashboard's own target status rule.
	'src/lib/targets/status.ts'
];

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'static/', 'bench/results/', 'tests/.tmp/', 'tests/fixtures/output-mini/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// `_`-prefixed names are deliberately unused (callbacks' positional parameters).
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
			// Input checks and file writers match control characters on purpose (decode.ts, xml-text.ts).
			'no-control-regex': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		rules: {
			// The site is served at the root of any static host (no `paths.base`, README "To
			// publish"), and every link to a page is made by one function, data/unit-path.ts.
			'svelte/no-navigation-without-resolve': 'off',
			// Maps, sets and URLs here are built fresh inside $derived values or for one navigation and
			// never mutated afterwards; wrapping them in SvelteMap & co. would only add proxies.
			'svelte/prefer-svelte-reactivity': 'off'
		},
		languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	},
	{
		// The browser code never reaches for Node (STYLE.md: "Browser and Node kept apart").
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [{ regex: '^node:', message: 'src/ runs in the browser: no Node modules.' }] }]
		}
	},
	{
		// The pipeline takes only the shared core from src/lib, never the dashboard's code.
		files: ['pipelines/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: `^(\\.\\./)+src/lib/(?!${CORE_FOR_PIPELINES.map((p) => p.replace('src/lib/', '').replace(/[.]/g, '\\.')).join('|')})`,
							message: `pipelines/ may import only the shared core from src/lib: ${CORE_FOR_PIPELINES.join(', ')}.`
						}
					]
				}
			]
		}
	}
);
