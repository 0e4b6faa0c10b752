import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: '@cask/testing', include: ['test/**/*.test.ts'] },
});
