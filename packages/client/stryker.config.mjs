// Mutation testing (StrykerJS 9 with its vitest runner): `pnpm mutate` in this package, or at the root.
// Not part of CI: a full run takes tens of minutes on two cores. The score goes into the README.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.mjs', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  // All of src/ except the index files, which only re-export (type-only files yield no mutants anyway).
  mutate: process.env.MUTATE_FILES
    ? process.env.MUTATE_FILES.split(',')
    : ['src/**/*.ts', '!src/index.ts', '!src/state/index.ts'],
  coverageAnalysis: 'perTest',
  // MUTATE_IGNORE_STATIC=1 leaves out static mutants (module-level code, run against every test, so by far the
  // slowest); they are then listed as ignored and not counted in the score. The README says when a score has them out.
  ignoreStatic: process.env.MUTATE_IGNORE_STATIC === '1',
  // Re-runs only retest mutants whose code or covering tests changed since the last run (file kept under
  // reports/, not committed: it is large and machine-specific). `--force` retests everything.
  incremental: true,
  // A run limited by MUTATE_FILES keeps its own file; Stryker writes the files it mutated into it and keeps
  // any other file already there (so a group's file seeded from another group's holds that group's files too).
  incrementalFile: process.env.MUTATE_FILES
    ? `reports/stryker-incremental-${process.env.MUTATE_GROUP ?? 'files'}.json`
    : 'reports/stryker-incremental.json',
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 2),
  // Added to each mutant's own measured test time: the unit suites answer in milliseconds, so a mutant
  // that makes a test hang is cut off after a few seconds instead of ten.
  timeoutMS: 3_000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 85, break: null },
};
