/**
 * The TypeScript oracle: every type upstream's `generate-ts` exports, checked
 * by name against `@cask/protocol` per direction (see src/ts-oracle/). Every
 * type must meet its direction's requirement or be a documented per-type
 * exception (`TYPE_EXCEPTIONS` in src/ts-oracle/exceptions.ts).
 */
import { describe, expect, it } from 'vitest';
import { runTsOracle } from '../src/ts-oracle/oracle.js';

describe('TypeScript oracle (upstream generate-ts)', () => {
  it('every upstream type matches ours per direction or is a documented exception', () => {
    const run = runTsOracle();
    console.log(run.report);
    expect(run.results.length).toBeGreaterThan(500);
    // Every upstream name resolves to an exported type of ours.
    expect(run.results.filter((r) => r.category === 'missing').map((r) => `${r.flavour} ${r.file}`)).toEqual([]);
    const failures = run.failures.map(
      (f) => `${f.flavour} ${f.file} [${f.direction}] ${f.category}: ${f.detail ?? ''}`,
    );
    expect(failures, 'upstream types ours does not match per direction').toEqual([]);
  }, 300_000);
});
