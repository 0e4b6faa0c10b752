import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: '@cask/protocol', include: ['test/**/*.test.ts'] },
});
