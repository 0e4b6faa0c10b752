import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: '@cask/conformance', include: ['test/**/*.test.ts'] },
});
