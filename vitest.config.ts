import { configDefaults, defineConfig, type ViteUserConfig } from 'vitest/config';

/**
 * The tests that drive a real browser (the explorer, headless Chromium) or a real Jupyter kernel:
 * they run after the others, one file at a time, so each has the second core for its browser or
 * kernel and no timeout of theirs is met because another test file holds the machine.
 */
const WHOLE_MACHINE = ['test/e2e/**/*.test.ts', 'test/notebooks/**/*.test.ts'];

const config: ViteUserConfig = defineConfig({
  test: {
    // Statistical and CLI tests do real work; a generous per-test budget avoids false failures on a
    // loaded two-core machine. Speed is measured in bench/, never asserted here.
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...WHOLE_MACHINE],
          // Both cores: on the two-core machine of CI this halves the suite's time.
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: WHOLE_MACHINE,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});

export default config;
