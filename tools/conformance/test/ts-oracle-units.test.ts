/** Unit tests of the oracle's parts that need no upstream binary. */
import { describe, expect, it } from 'vitest';
import { requirement, type TypeResult } from '../src/ts-oracle/check.js';
import { REWRITES } from '../src/ts-oracle/exceptions.js';
import { compareWithGaps, gapKey } from '../src/ts-oracle/gaps.js';

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
    expect(requirement('stable', 'server')).toEqual({ oursToUp: false, upToOurs: true });
  });
});

describe('gap list', () => {
  const r = (file: string): TypeResult => ({
    flavour: 'experimental',
    file,
    name: file,
    direction: 'server',
    category: 'accepting',
    ok: false,
  });
  it('reports failures not listed and listed gaps that pass', () => {
    const gaps = new Set([gapKey(r('v2/A')), gapKey(r('v2/B'))]);
    expect(compareWithGaps([r('v2/A'), r('v2/C')], gaps)).toEqual({
      unexpected: ['experimental v2/C [server] accepting'],
      fixed: ['experimental v2/B [server] accepting'],
    });
  });
});
