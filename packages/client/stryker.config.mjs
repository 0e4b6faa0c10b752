// Mutation testing (StrykerJS 9 with its vitest runner): `pnpm mutate` in this package, or at the root.
// Not part of CI: a full run takes tens of minutes on two cores. The score goes into the README.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.mjs', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: process.env.MUTATE_FILES
    ? process.env.MUTATE_FILES.split(',')
    : ['src/**/*.ts', '!src/index.ts', '!src/validation.ts'],
  coverageAnalysis: 'perTest',
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 2),
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 85, break: null },
};
