import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'tools/*/vitest.config.ts', 'test-support/*/vitest.config.ts'],
    reporters: ['default', './tools/summary-reporter.ts'],
  },
});
