/** Unit tests of the oracle's parts that need no upstream binary. */
import { describe, expect, it } from 'vitest';
import { requirement } from '../src/ts-oracle/check.js';
import { experimentalMembersOptional, REWRITES } from '../src/ts-oracle/exceptions.js';

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

describe('experimental-only members', () => {
  const stable = 'export type T = { id: string, nested: { a: number, }, };';
  it('marks optional the required members the stable file does not have, at any depth', () => {
    const experimental =
      'export type T = { id: string, extra: Array<string> | null, nested: { a: number, b?: number, c: boolean, }, };';
    expect(experimentalMembersOptional(experimental, stable)).toBe(
      'export type T = { id: string, extra?: Array<string> | null, nested: { a: number, b?: number, c?: boolean, }, };',
    );
  });
  it('leaves a file alone when the whole type is experimental or nothing is new', () => {
    const text = 'export type T = { id: string, x: number, };';
    expect(experimentalMembersOptional(text, undefined)).toBe(text);
    expect(experimentalMembersOptional(stable, stable)).toBe(stable);
  });
  it('is one of the documented rewrites and reads the stable text', () => {
    const r = REWRITES.find((x) => x.id === 'experimental-member-optional');
    expect(r?.apply('export type T = { a: string, b: string, };', 'export type T = { a: string, };')).toBe(
      'export type T = { a: string, b?: string, };',
    );
  });
});
