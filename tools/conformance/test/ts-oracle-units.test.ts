/** Unit tests of the oracle's parts that need no upstream binary. */
import { describe, expect, it } from 'vitest';
import { requirement, satisfies } from '../src/ts-oracle/check.js';
import { REWRITES } from '../src/ts-oracle/exceptions.js';

const rewrite = (id: string, text: string): string => {
  const r = REWRITES.find((x) => x.id === id);
  if (!r) throw new Error(`no rewrite ${id}`);
  return r.apply(text);
};

describe('documented rewrites of upstream TypeScript', () => {
  it('turn bigint into number, and only the type keyword', () => {
    expect(rewrite('int64-number', 'a: bigint | null, b: Array<bigint>, bigints: string')).toBe(
      'a: number | null, b: Array<number>, bigints: string',
    );
  });
  it('drop the optional mapped key of maps, keeping other optional members', () => {
    expect(rewrite('index-signature-undefined', 'env: { [key in string]?: string }, x?: number')).toBe(
      'env: { [key in string]: string }, x?: number',
    );
  });
  it('turn the unknown keyword into JsonValue but keep the "unknown" string literal', () => {
    expect(rewrite('unknown-json', 'tools: unknown[], arguments: unknown, kind: "unknown" | "x"')).toBe(
      'tools: JsonValue[], arguments: JsonValue, kind: "unknown" | "x"',
    );
  });
  it('open up empty structs', () => {
    expect(rewrite('empty-object', 'export type R = Record<string, never>;')).toBe('export type R = {};');
  });
});

describe('direction requirements', () => {
  it('server-sent: ours assignable; client-sent: upstream assignable; both: mutual; stable: accepting', () => {
    expect(requirement('experimental', 'server')).toEqual({ oursToUp: true, upToOurs: false });
    expect(requirement('experimental', 'client')).toEqual({ oursToUp: false, upToOurs: true });
    expect(requirement('experimental', 'both')).toEqual({ oursToUp: true, upToOurs: true });
    expect(requirement('stable', 'client')).toEqual({ oursToUp: false, upToOurs: true });
    expect(requirement('stable', 'both')).toEqual({ oursToUp: false, upToOurs: true });
  });
  it('stable server-sent types need one direction: accepting (more variants) or as precise (more members)', () => {
    const need = requirement('stable', 'server');
    expect(satisfies(need, true, false)).toBe(true);
    expect(satisfies(need, false, true)).toBe(true);
    expect(satisfies(need, false, false)).toBe(false);
    expect(satisfies(requirement('stable', 'client'), true, false)).toBe(false);
    expect(satisfies(requirement('experimental', 'both'), true, false)).toBe(false);
  });
});
