import { defineConfig, type ViteUserConfig } from 'vitest/config';

const config: ViteUserConfig = defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Statistical and CLI tests do real work; a generous per-test budget avoids false failures on a
    // loaded two-core machine. Speed is measured in bench/, never asserted here.
    testTimeout: 60_000,
  },
});

export default config;
