import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: '@cask/client',
    include: ['test/**/*.test.ts'],
    // `*.test-d.ts` files hold compile-time assertions; vitest hands them to tsc.
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
