import { strykerConfig } from '../../scripts/mutation/stryker-base.mjs';

// Mutation testing: `pnpm mutate` in this package (or at the root); the shared options are in
// scripts/mutation/stryker-base.mjs.
// All of src/ except index.ts, which only re-exports (type-only files yield no mutants anyway).
export default strykerConfig(['src/**/*.ts', '!src/index.ts']);
