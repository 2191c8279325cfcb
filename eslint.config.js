// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** Imports flow one way: numeric → dist → model → analytic | markov | sim → cli | web (STYLE.md §1). */
const layers = {
  numeric: ['dist', 'model', 'analytic', 'markov', 'sim', 'cli'],
  dist: ['model', 'analytic', 'markov', 'sim', 'cli'],
  model: ['analytic', 'markov', 'sim', 'cli'],
  analytic: ['markov', 'sim', 'cli'],
  markov: ['sim', 'cli'],
  sim: ['cli'],
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
            message: `src/${layer} must not import from src/${name} (imports flow one way, STYLE.md §1)`,
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
