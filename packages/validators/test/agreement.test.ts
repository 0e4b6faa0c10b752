/**
 * The fast validators (generated code) and the failure explainer (a walk of
 * the schema) must agree on what is valid: real traffic from the recorded
 * corpus, and thousands of mutants of it, through both.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../bench/corpus.mjs';
import { Bundle, type GeneratedLoaders } from '../src/bundle.js';
import { table as experimentalTable } from '../generated/experimental/table.js';
import { table as stableTable } from '../generated/stable/table.js';
import { createValidators } from '../src/api.js';
import { validateMessage } from '../src/index.js';

const require = createRequire(import.meta.url);
const bundles = [
  new Bundle('stable', stableTable, () => require('../generated/stable/loaders.cjs') as GeneratedLoaders),
  new Bundle(
    'experimental',
    experimentalTable,
    () => require('../generated/experimental/loaders.cjs') as GeneratedLoaders,
  ),
];

/** A small deterministic generator (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const isRecord = (v: Json): v is { [k: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every path to a value inside `v`. */
function paths(v: Json, at: Array<string | number> = []): Array<Array<string | number>> {
  const out = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (isRecord(v)) for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}

const REPLACEMENTS: Json[] = [null, 42, 1.5, -1, 2 ** 60, '', 'bogus', true, [], {}, { __extra: 1 }, [1, 'x']];

/** Picks one element of a non-empty list. */
function pick<T>(list: readonly T[], next: () => number): T {
  const item = list[Math.floor(next() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** A copy of `v` with one value replaced, removed, or given an extra member. */
function mutate(v: Json, next: () => number): Json {
  const copy = structuredClone(v);
  const path = pick(paths(copy), next);
  const last = path.at(-1);
  if (last === undefined) return pick(REPLACEMENTS, next);
  let parent: Json = copy;
  for (const seg of path.slice(0, -1)) {
    const child: Json | undefined = Array.isArray(parent)
      ? parent[Number(seg)]
      : isRecord(parent)
        ? parent[seg]
        : undefined;
    if (child === undefined) return copy;
    parent = child;
  }
  const roll = next();
  if (isRecord(parent)) {
    const key = String(last);
    if (roll < 0.2) Reflect.deleteProperty(parent, key);
    else if (roll < 0.3) parent.__unknown = 'x';
    else parent[key] = pick(REPLACEMENTS, next);
  } else if (Array.isArray(parent)) parent[Number(last)] = pick(REPLACEMENTS, next);
  return copy;
}

/** The payloads of the corpus with the root that validates each. */
function payloads(bundle: Bundle): Array<{ root: number; value: Json; label: string }> {
  const out: Array<{ root: number; value: Json; label: string }> = [];
  for (const { text, dir, method } of loadCorpus()) {
    const wire = JSON.parse(text) as { [k: string]: Json };
    const msg: { [k: string]: Json | undefined } = wire;
    if (typeof msg.method === 'string') {
      const kind =
        'id' in msg
          ? dir === 'c2s'
            ? 'clientRequest'
            : 'serverRequest'
          : dir === 'c2s'
            ? 'clientNotification'
            : 'serverNotification';
      const row = bundle.byKind[kind].get(msg.method);
      if (row?.params != null && msg.params !== undefined)
        out.push({ root: row.params, value: msg.params, label: `${dir} ${msg.method} params` });
    } else if (method && 'result' in msg) {
      const row = bundle.byKind[dir === 's2c' ? 'clientRequest' : 'serverRequest'].get(method);
      const result = msg.result;
      if (row?.result != null && result !== undefined)
        out.push({ root: row.result, value: result, label: `${dir} ${method} result` });
    }
    const env =
      bundle.envelopeOf[
        'method' in msg ? ('id' in msg ? 'request' : 'notification') : 'error' in msg ? 'error' : 'response'
      ];
    if (env !== undefined) out.push({ root: env, value: wire, label: `${dir} envelope` });
  }
  return out;
}

describe('fast validators and the explainer agree', () => {
  for (const bundle of bundles) {
    it(`${bundle.name}: on the recorded corpus and its mutants`, () => {
      const next = random(bundle.name === 'stable' ? 1 : 2);
      let invalid = 0;
      let checked = 0;
      const seen = new Set<string>();
      for (const { root, value, label } of payloads(bundle)) {
        // Every distinct payload once, and a few mutants of each.
        const key = `${root}:${JSON.stringify(value)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        for (const candidate of [value, ...Array.from({ length: 12 }, () => mutate(value, next))]) {
          const fast = bundle.validator(root)(candidate);
          const detailed = bundle.detailed(bundle.pointer(root));
          const slow = detailed(candidate);
          if (fast !== slow) {
            expect.fail(
              `${label}: generated code says ${fast}, the schema walk says ${slow} for ${JSON.stringify(candidate).slice(0, 400)}`,
            );
          }
          if (!fast) invalid++;
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(1000);
      expect(invalid).toBeGreaterThan(checked / 4); // the mutants do break things
    }, 120_000);
  }

  it('the quick path of validateMessage answers exactly as the full check, on the corpus and mutated envelopes', () => {
    for (const bundle of bundles) {
      expect(bundle.quickEnvelope).toEqual({ request: ['trace'], notification: [], response: [] });
      const table = bundle.name === 'stable' ? stableTable : experimentalTable;
      const quick = createValidators(() => bundle);
      // The same bundle with the quick envelope test switched off: every message takes the full check.
      const loaded = require(`../generated/${bundle.name}/loaders.cjs`) as GeneratedLoaders;
      const withoutQuick = { ...loaded, table: { ...loaded.table, quickEnvelope: null } };
      const full = createValidators(() => new Bundle(bundle.name, table, () => withoutQuick));
      const next = random(bundle.name === 'stable' ? 3 : 4);
      const ids: unknown[] = [0, 7, 'abc', 1.5, -1, 2 ** 60, null, true, [], {}, undefined];
      let checked = 0;
      let quickOk = 0;
      const perKind = new Map<string, number>();
      for (const { text, dir, method } of loadCorpus()) {
        const wire = JSON.parse(text) as Record<string, Json>;
        // A few messages of each kind (the corpus is mostly deltas of one method).
        const key = `${dir} ${JSON.stringify(wire.method ?? method ?? null)}`;
        const seen = perKind.get(key) ?? 0;
        if (seen >= 3) continue;
        perKind.set(key, seen + 1);
        const variants: unknown[] = [wire, mutate(wire, next), mutate(wire, next)];
        for (const id of ids) variants.push({ ...wire, id });
        variants.push({ ...wire, trace: null }, { ...wire, trace: { traceparent: 'x' } }, { ...wire, trace: 5 });
        variants.push(
          { ...wire, error: { code: 1, message: 'x' } },
          { ...wire, result: undefined },
          { ...wire, method: 3 },
        );
        const { method: _dropped, ...withoutMethod } = wire;
        variants.push(withoutMethod, Object.assign(Object.create({ method: 'turn/start' }) as object, withoutMethod));
        for (const msg of variants) {
          for (const opts of [method ? { method } : {}, { method: 'no/such' }]) {
            const a = quick.validateMessage(msg, dir, opts);
            const b = full.validateMessage(msg, dir, opts);
            expect(a).toEqual(b);
            if (a.ok) quickOk++;
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(2_000);
      expect(quickOk).toBeGreaterThan(100);
    }
  }, 120_000);

  it('every message of the corpus is valid, both ways, responses against their request result', () => {
    for (const experimental of [false, true]) {
      for (const { text, dir, method } of loadCorpus()) {
        const r = validateMessage(JSON.parse(text), dir, { experimental, ...(method ? { method } : {}) });
        expect(r.ok || r.message).toBe(true);
      }
    }
  });
});
