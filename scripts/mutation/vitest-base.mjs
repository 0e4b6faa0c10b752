import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer } from 'vitest/node';

/**
 * Vitest sequencer for mutation runs: the fastest test files first. A mutant run stops at its first failing
 * test (Stryker's bail), so the quick in-process suites get to kill a mutant before the slow ones (those that
 * spawn processes) start; vitest's default order is the opposite (longest first, to balance parallel workers).
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

/**
 * The vitest config of a package's mutation run (its `vitest.mutate.config.mjs`): the package's test files,
 * fastest first, minus the suites no mutant of `src/` can reach quickly (real binary, built `dist/`).
 * @param {string[]} exclude test files left out of the mutation run
 */
export function mutationVitestConfig(exclude) {
  return defineConfig({
    test: { include: ['test/**/*.test.ts'], exclude, sequence: { sequencer: FastestFirst } },
  });
}
