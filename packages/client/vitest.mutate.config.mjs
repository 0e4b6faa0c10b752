// The unit and hostile-peer tests only: what the mutation run (`pnpm mutate`) executes for every mutant.
// Left out: suites that need the real codex binary (contract, e2e, the spawned WebSocket server, the chat
// example), and suites that exercise the built package in dist/ rather than src/ (the esbuild bundle, the
// state subpath export), which no mutant of src/ can reach.
// Under Stryker this file runs from a sandbox copy of the package, where the relative path points nowhere;
// scripts/mutation/stryker-base.mjs passes the shared module's location in the environment instead.
const shared =
  process.env.CASK_MUTATION_VITEST_BASE ?? new URL('../../scripts/mutation/vitest-base.mjs', import.meta.url).href;
const { mutationVitestConfig } = await import(shared);
export default mutationVitestConfig([
  'test/contract/**',
  'test/e2e.test.ts',
  'test/websocket-server.test.ts',
  'test/examples/**',
  'test/bundle.test.ts',
  'test/state/exports.test.ts',
]);
