import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: '@cask/validators', include: ['test/**/*.test.ts'] },
});
