import { defineProject } from 'vitest/config';

export default defineProject({
  // ESLint with type information takes a few seconds per run on a busy machine.
  test: { name: '@cask/repo-checks', include: ['test/**/*.test.ts'], testTimeout: 120_000 },
});
