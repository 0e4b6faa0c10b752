import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: '@cask/protocol',
    include: ['test/**/*.test.ts'],
    // The README test runs tsc over the whole protocol (hundreds of files).
    testTimeout: 60_000,
    // `*.test-d.ts` files hold compile-time assertions (expectTypeOf); vitest
    // hands them to tsc with this package's tsconfig instead of running them.
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
  },
});
