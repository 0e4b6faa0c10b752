// Mutation testing (StrykerJS 9 with its vitest runner): what every package's stryker.config.mjs shares.
// Not part of CI: a full run takes tens of minutes on two cores. The score goes into the package README.

// Stryker runs each package's vitest.mutate.config.mjs from a sandbox copy of the package, where a relative
// path to this folder points nowhere; the test-runner processes inherit this variable instead.
process.env.CASK_MUTATION_VITEST_BASE = new URL('./vitest-base.mjs', import.meta.url).href;

/**
 * The Stryker options of a package's mutation run (`pnpm mutate` in the package, or at the root).
 * @param {string[]} mutate the files to mutate when MUTATE_FILES does not name them
 * @returns {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export function strykerConfig(mutate) {
  return {
    testRunner: 'vitest',
    vitest: { configFile: 'vitest.mutate.config.mjs', related: false },
    plugins: ['@stryker-mutator/vitest-runner'],
    mutate: process.env.MUTATE_FILES ? process.env.MUTATE_FILES.split(',') : mutate,
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
}
