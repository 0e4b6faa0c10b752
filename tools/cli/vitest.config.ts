import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: '@cask/cli', include: ['test/**/*.test.ts'] },
});
