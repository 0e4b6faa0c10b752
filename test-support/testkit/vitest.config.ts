import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: '@cask/testkit', include: ['test/**/*.test.ts'] },
});
