// The unit and hostile-input tests only: what the mutation run (`pnpm mutate`) executes for every mutant.
// The e2e suite needs the real codex binary and is left out to keep one run per mutant short.
// Under Stryker this file runs from a sandbox copy of the package, where the relative path points nowhere;
// scripts/mutation/stryker-base.mjs passes the shared module's location in the environment instead.
const shared =
  process.env.CASK_MUTATION_VITEST_BASE ?? new URL('../../scripts/mutation/vitest-base.mjs', import.meta.url).href;
const { mutationVitestConfig } = await import(shared);
export default mutationVitestConfig(['test/contract/**', 'test/e2e.test.ts', 'test/websocket-server.test.ts']);
