// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/**
 * Imports flow one way (docs/development.md): numeric → distributions → fit → model → structure →
 * the three solvers (analytic, markov, sim) → solve | durability → cli | web. The file formats other than
 * relkit's own (formats: Open-PSA MEF, Galileo) sit beside the solvers, read by solve and cli. The solvers are siblings: none
 * imports another, so their agreement is evidence.
 */
const layers = {
  numeric: [
    'distributions',
    'fit',
    'model',
    'structure',
    'formats',
    'analytic',
    'markov',
    'sim',
    'solve',
    'durability',
    'cli',
  ],
  distributions: [
    'fit',
    'model',
    'structure',
    'formats',
    'analytic',
    'markov',
    'sim',
    'solve',
    'durability',
    'cli',
  ],
  fit: ['model', 'structure', 'formats', 'analytic', 'markov', 'sim', 'solve', 'durability', 'cli'],
  model: ['structure', 'formats', 'analytic', 'markov', 'sim', 'solve', 'durability', 'cli'],
  structure: ['formats', 'analytic', 'markov', 'sim', 'solve', 'durability', 'cli'],
  formats: ['analytic', 'markov', 'sim', 'solve', 'durability', 'cli'],
  analytic: ['formats', 'markov', 'sim', 'solve', 'durability', 'cli'],
  markov: ['formats', 'analytic', 'sim', 'solve', 'durability', 'cli'],
  sim: ['formats', 'analytic', 'markov', 'solve', 'durability', 'cli'],
  solve: ['cli'],
  durability: ['solve', 'cli'],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/', 'web/dist/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'take an Rng argument (STYLE.md §6)' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  ...Object.entries(layers).map(([layer, above]) => ({
    files: [`src/${layer}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: above.map((name) => ({
            group: [`../${name}/*`, `../../${name}/*`, `../../../${name}/*`],
            message: `src/${layer} must not import from src/${name} (imports flow one way, docs/development.md)`,
          })),
        },
      ],
    },
  })),
  {
    // The explorer sees the library only through its public API (STYLE.md §1).
    files: ['web/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)src/(?!index\\.js$)',
              message: 'web/ imports relkit only through src/index.js (STYLE.md §1)',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
