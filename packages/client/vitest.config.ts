import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: '@cask/client', include: ['test/**/*.test.ts'] },
});
