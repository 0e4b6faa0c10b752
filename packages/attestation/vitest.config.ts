import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: '@cask/attestation', include: ['test/**/*.test.ts'] },
});
