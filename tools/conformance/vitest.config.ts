import { defineProject } from 'vitest/config';

export default defineProject({
  // generateUpstream() runs the codex binary twice inside beforeAll; on a busy machine that takes longer than 10 s.
  test: { name: '@cask/conformance', include: ['test/**/*.test.ts'], hookTimeout: 120_000 },
});
