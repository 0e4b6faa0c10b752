import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer } from 'vitest/node';

/**
 * Runs the fastest test files first. A mutant run stops at its first failing test (Stryker's bail), so
 * the in-process unit suites get to kill a mutant before the suites that spawn processes are started;
 * vitest's default order is the opposite (longest first, to balance parallel workers).
 */
class FastestFirst extends BaseSequencer {
  sort(files) {
    const cache = this.ctx.cache;
    const cost = (spec) => {
      const key = `${spec.project.name}:${path.relative(this.ctx.config.root, spec.moduleId)}`;
      const result = cache.getFileTestResults(key);
      if (result) return result.duration;
      return cache.getFileStats(key)?.size ?? Number.MAX_SAFE_INTEGER;
    };
    return Promise.resolve([...files].sort((a, b) => cost(a) - cost(b)));
  }
}

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
    sequence: { sequencer: FastestFirst },
  },
});
