/**
 * The TypeScript oracle: every type upstream's `generate-ts` exports, checked
 * by name against `@cask/protocol` per direction (see src/ts-oracle/).
 */
import { describe, expect, it } from 'vitest';
import { runTsOracle } from '../src/ts-oracle/oracle.js';

describe('TypeScript oracle (upstream generate-ts)', () => {
  it('every upstream type matches ours per direction, or is a documented exception', () => {
    const run = runTsOracle();
    console.log(run.report);
    expect(run.results.length).toBeGreaterThan(500);
    expect(run.failures.map((f) => `${f.flavour} ${f.file} [${f.direction}] ${f.category}`)).toEqual([]);
  }, 300_000);
});
