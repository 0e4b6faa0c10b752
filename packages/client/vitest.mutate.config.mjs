import { defineConfig } from 'vitest/config';

// The unit and hostile-peer tests only: what the mutation run (`pnpm mutate`) executes for every mutant.
// Left out: suites that need the real codex binary (contract, e2e, the spawned WebSocket server, the chat
// example), and suites that exercise the built package in dist/ rather than src/ (the esbuild bundle, the
// state subpath export), which no mutant of src/ can reach.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [
      'test/contract/**',
      'test/e2e.test.ts',
      'test/websocket-server.test.ts',
      'test/examples/**',
      'test/bundle.test.ts',
      'test/state/exports.test.ts',
    ],
  },
});
