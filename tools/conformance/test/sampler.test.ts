import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BundleValidator,
  EXTRA_PROPERTY,
  INTEGER_FORMATS,
  OUT_OF_ENUM,
  SchemaSampler,
  bundleFromDocument,
  integerArbitrary,
  mutants,
  type JsonObject,
} from '../src/index.js';

const doc: JsonObject = {
  definitions: {
    Kind: { type: 'string', enum: ['a', 'b'] },
    Node: {
      type: 'object',
      properties: {
        kind: { $ref: '#/definitions/Kind' },
        count: { type: 'integer', format: 'uint16', minimum: 0 },
        label: { type: ['string', 'null'] },
        children: { type: 'array', items: { $ref: '#/definitions/Node' } },
        tags: { type: 'object', additionalProperties: { type: 'boolean' } },
      },
      required: ['kind', 'count'],
      additionalProperties: false,
    },
    v2: {
      Wide: { type: 'integer', format: 'int64' },
    },
  },
};
const bundle = bundleFromDocument(doc, 'inline');

describe('integer formats', () => {
  it('sampling hits both range edges and stays in range', () => {
    for (const [format, range] of Object.entries(INTEGER_FORMATS)) {
      const values = fc.sample(integerArbitrary({ type: 'integer', format }), { seed: 1, numRuns: 300 }) as number[];
      expect(values, format).toContain(range.min);
      expect(values, format).toContain(range.max);
      expect(
        values.every((v) => Number.isInteger(v) && v >= range.min && v <= range.max),
        format,
      ).toBe(true);
    }
  });

  it('ajv formats accept the edges and reject one step beyond, non-integers and wrong signs', () => {
    const v = new BundleValidator(
      bundleFromDocument(
        {
          definitions: {
            u8: { type: 'integer', format: 'uint8' },
            u16: { type: 'integer', format: 'uint16' },
            i32: { type: 'integer', format: 'int32' },
            u32: { type: 'integer', format: 'uint32' },
            i64: { type: 'integer', format: 'int64' },
            u64: { type: 'integer', format: 'uint64' },
            dbl: { type: 'number', format: 'double' },
          },
        },
        'formats',
      ),
    );
    const ok = (d: string, x: unknown) => v.check(`#/definitions/${d}`, x).valid;
    expect([ok('u8', 0), ok('u8', 255), ok('u8', 256), ok('u8', -1)]).toEqual([true, true, false, false]);
    expect([ok('u16', 0), ok('u16', 65535), ok('u16', 65536), ok('u16', -1)]).toEqual([true, true, false, false]);
    expect([ok('i32', -(2 ** 31)), ok('i32', 2 ** 31 - 1), ok('i32', 2 ** 31), ok('i32', -(2 ** 31) - 1)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect([ok('u32', 2 ** 32 - 1), ok('u32', 2 ** 32), ok('u32', 1.5)]).toEqual([true, false, false]);
    expect([ok('i64', -(2 ** 63)), ok('i64', 2 ** 63 - 1024), ok('i64', 2 ** 63), ok('i64', -1)]).toEqual([
      true,
      true,
      false,
      true,
    ]);
    expect([ok('u64', 2 ** 64 - 2048), ok('u64', 2 ** 64), ok('u64', -1)]).toEqual([true, false, false]);
    expect([ok('dbl', 1.25), ok('dbl', 'x')]).toEqual([true, false]);
  });
});

describe('SchemaSampler', () => {
  const sampler = new SchemaSampler(bundle);
  const validator = new BundleValidator(bundle);

  it('draws instances valid against their own schema, deterministically per seed', () => {
    const a = sampler.sample('#/definitions/Node', 50, 42);
    expect(a).toHaveLength(50);
    for (const x of a) expect(validator.check('#/definitions/Node', x)).toEqual({ valid: true });
    expect(sampler.sample('#/definitions/Node', 50, 42)).toEqual(a);
    expect(sampler.sample('#/definitions/Node', 50, 43)).not.toEqual(a);
  });

  it('includes and omits optionals, uses null where nullable, recurses, fills maps', () => {
    const xs = sampler.sample('#/definitions/Node', 200, 7) as JsonObject[];
    expect(xs.some((x) => !('label' in x))).toBe(true);
    expect(xs.some((x) => x['label'] === null)).toBe(true);
    expect(xs.some((x) => typeof x['label'] === 'string')).toBe(true);
    expect(xs.some((x) => Array.isArray(x['children']) && x['children'].length > 0)).toBe(true);
    expect(xs.some((x) => x['tags'] && Object.keys(x['tags']).length > 0)).toBe(true);
    expect(new Set(xs.map((x) => x['kind']))).toEqual(new Set(['a', 'b']));
    expect(xs.map((x) => x['count'])).toContain(65535);
  });

  it('resolves definitions in the v2 namespace', () => {
    const xs = sampler.sample('#/definitions/v2/Wide', 100, 3) as number[];
    expect(xs).toContain(-(2 ** 63));
    expect(xs.every(Number.isInteger)).toBe(true);
  });
});

describe('mutants', () => {
  it('covers drop-required, wrong type, out-of-enum, null, non-integer, negative and extra property', () => {
    const ms = mutants({ kind: 'a', count: 3, flag: true, list: [1] });
    const at = (path: string) => ms.filter((m) => m.path === path).map((m) => m.mutation);
    expect(at('')).toEqual(
      expect.arrayContaining([
        'drop property "kind"',
        'drop property "count"',
        `extra property "${EXTRA_PROPERTY}"`,
        'null instead of value',
        'array instead of object',
      ]),
    );
    expect(at('/kind')).toEqual(
      expect.arrayContaining(['out-of-enum string', 'number instead of string', 'null instead of value']),
    );
    expect(at('/count')).toEqual(
      expect.arrayContaining(['non-integer', 'negative', 'string instead of number', 'above uint16']),
    );
    expect(at('/flag')).toContain('string instead of boolean');
    expect(at('/list/0')).toContain('non-integer');
    const oe = ms.find((m) => m.path === '/kind' && m.mutation === 'out-of-enum string');
    expect(oe?.value).toEqual({ kind: OUT_OF_ENUM, count: 3, flag: true, list: [1] });
  });

  it('the schema rejects mutants that break it', () => {
    const validator = new BundleValidator(bundle);
    const ms = mutants({ kind: 'a', count: 3 });
    const verdict = (mutation: string, path: string) =>
      validator.check('#/definitions/Node', ms.find((m) => m.mutation === mutation && m.path === path)!.value).valid;
    expect(verdict('drop property "kind"', '')).toBe(false);
    expect(verdict(`extra property "${EXTRA_PROPERTY}"`, '')).toBe(false);
    expect(verdict('out-of-enum string', '/kind')).toBe(false);
    expect(verdict('negative', '/count')).toBe(false);
    expect(verdict('non-integer', '/count')).toBe(false);
    expect(verdict('above uint16', '/count')).toBe(false);
  });
});
