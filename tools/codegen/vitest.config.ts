import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: '@cask/codegen', include: ['test/**/*.test.ts'] },
});
