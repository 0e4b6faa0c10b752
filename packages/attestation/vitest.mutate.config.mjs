import { defineConfig } from 'vitest/config';

// The unit and hostile-peer tests only: what the mutation run (`pnpm mutate`) executes for every mutant.
// Suites that need the real codex binary are left out to keep one run per mutant short.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/contract/**', 'test/e2e.test.ts', 'test/websocket-server.test.ts'],
  },
});
