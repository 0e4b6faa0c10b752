/**
 * The code generator (scripts/codegen.mjs) against ajv, keyword by keyword: every keyword the build
 * accepts, alone and combined, on a pool of values chosen to sit on each keyword's edges. The
 * generated validators must say "valid" exactly when ajv (with the options a team would use: all
 * errors, strict numbers, the integer formats defined) does. The schema-wide check (generated modules
 * against the failure explainer, on real traffic and its mutants) is test/agreement.test.ts.
 */
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { compileUnit, numericCondition } from '../scripts/codegen.mjs';
import { NUMERIC_FORMAT_RANGES, numericFormats } from '../src/formats.js';

type Schema = Record<string, unknown> | boolean;

/** Compiles `schema` (and the units it references, by name) into a function, as the build would. */
function generate(schema: Schema, units: Record<string, Schema> = {}): (data: unknown) => boolean {
  const constants = new Map<string, { name: string; code: string }>();
  const ctx = {
    ranges: NUMERIC_FORMAT_RANGES,
    stringFormat: (name: string) => (name === 'digits' ? /^[0-9]+$/ : undefined),
    numericCondition,
    nameOf: (pointer: string) => `unit_${pointer.replace(/\W/g, '_')}`,
    constant: (key: string, code: string, prefix: string) => {
      if (!constants.has(key)) constants.set(key, { name: `${prefix}${constants.size}`, code });
      return constants.get(key)!.name;
    },
  };
  const compiled = [compileUnit({ pointer: 'root', stringFormats: new Map() }, schema, ctx)];
  for (const [pointer, s] of Object.entries(units))
    compiled.push(compileUnit({ pointer, stringFormats: new Map() }, s, ctx));
  const source = [
    ...[...constants.values()].map((c) => `const ${c.name}=${c.code};`),
    ...compiled.map((c) => c.code),
    `return ${compiled[0]!.fn};`,
  ].join('\n');
  // Test-only: the build writes this code into modules; here it is evaluated directly.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const make = new Function(source) as () => (data: unknown) => boolean;
  return make();
}

/** ajv as a team would configure it, with our numeric formats and a "digits" string format. */
function ajvFor(schema: Schema, units: Record<string, Schema> = {}): (data: unknown) => boolean {
  // strictNumbers: NaN and infinities are not numbers (what the generated code and the explainer implement).
  const ajv = new Ajv({ allErrors: true, strict: false, strictNumbers: true, allowUnionTypes: true });
  for (const [name, def] of Object.entries(numericFormats)) ajv.addFormat(name, def);
  ajv.addFormat('digits', /^[0-9]+$/);
  // x-ref / x-format are the build's spellings of $ref / format.
  const plain = (s: unknown): unknown => {
    if (Array.isArray(s)) return s.map(plain);
    if (!s || typeof s !== 'object') return s;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(s)) {
      if (k === 'x-ref') out.$ref = `#/definitions/${v as string}`;
      else if (k === 'x-format') out.format = v;
      else if (k === 'properties' || k === 'patternProperties')
        out[k] = Object.fromEntries(Object.entries(v as object).map(([p, sub]) => [p, plain(sub)]));
      else if (k === 'enum' || k === 'const' || k === 'required') out[k] = v;
      else out[k] = plain(v);
    }
    return out;
  };
  const definitions = Object.fromEntries(Object.entries(units).map(([k, v]) => [k, plain(v)]));
  const root = typeof schema === 'boolean' ? schema : { ...(plain(schema) as object), definitions };
  return ajv.compile(root as object);
}

const POOL: unknown[] = [
  null,
  true,
  false,
  0,
  -0,
  1,
  -1,
  2,
  3,
  0.5,
  1.5,
  6,
  255,
  256,
  -129,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31),
  -(2 ** 31) - 1,
  2 ** 32,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  1e300,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  'a',
  'ab',
  'abc',
  '123',
  '12a',
  '😀',
  '😀😀',
  'x😀',
  'text',
  'image',
  'other',
  [],
  [1],
  [1, 1],
  [1, 2],
  ['a', 1],
  [{ a: 1 }, { a: 1 }],
  [{ a: 1 }, { a: 2 }],
  [[1], [1]],
  [1, 'a', null],
  {},
  { a: 1 },
  { a: 'x' },
  { a: null },
  { b: 1 },
  { a: 1, b: 2 },
  { a: 'x', b: 'y', c: 1 },
  { x1: 1 },
  { x1: 'a', a: 1 },
  { type: 'text', text: 'hi' },
  { type: 'text' },
  { type: 'image', url: 'u' },
  { type: 'image', fileId: 'f' },
  { type: 'image', url: 'u', fileId: 'f' },
  { type: 'other' },
  { type: 1 },
  { 'a-b': 1 },
  { '😀': 'x' },
  { '😀': 1 },
  { 'a-b': 'x' },
  { constructor: 1 },
  JSON.parse('{"__proto__": {"a": 1}}') as unknown,
  { a: { a: { a: null } } },
  { a: [1, 2] },
];

/** A value as a failure lists it (NaN and the infinities are not JSON). */
const show = (v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : JSON.stringify(v));

const CASES: Array<{ name: string; schema: Schema; units?: Record<string, Schema> }> = [
  { name: 'true', schema: true },
  { name: 'empty schema', schema: {} },
  { name: 'false', schema: false },
  ...['string', 'number', 'integer', 'boolean', 'null', 'array', 'object'].map((t) => ({
    name: `type ${t}`,
    schema: { type: t },
  })),
  { name: 'type union', schema: { type: ['string', 'null'] } },
  { name: 'type integer or string', schema: { type: ['integer', 'string'] } },
  { name: 'enum of strings', schema: { enum: ['text', 'image'] } },
  { name: 'enum with type', schema: { type: 'string', enum: ['text', 'image'] } },
  { name: 'enum mixed', schema: { enum: [1, 'a', null, [1], { a: 1 }] } },
  { name: 'enum of numbers with type integer', schema: { type: 'integer', enum: [1, 2, 1.5] } },
  { name: 'const string', schema: { const: 'text' } },
  { name: 'const object', schema: { const: { a: 1 } } },
  { name: 'const null', schema: { const: null } },
  { name: 'minimum', schema: { minimum: 1 } },
  { name: 'maximum with type', schema: { type: 'number', maximum: 2 } },
  { name: 'exclusive bounds', schema: { exclusiveMinimum: 0, exclusiveMaximum: 3 } },
  { name: 'multipleOf', schema: { multipleOf: 3 } },
  { name: 'multipleOf fraction', schema: { multipleOf: 0.5 } },
  { name: 'minLength counts code points', schema: { minLength: 2 } },
  { name: 'maxLength', schema: { type: 'string', maxLength: 2 } },
  { name: 'pattern', schema: { pattern: '^[a-z]+$' } },
  { name: 'pattern is a Unicode expression', schema: { pattern: '^.$' } },
  { name: 'patternProperties are Unicode expressions', schema: { patternProperties: { '^.$': { type: 'string' } } } },
  { name: 'minItems/maxItems', schema: { minItems: 1, maxItems: 2 } },
  { name: 'uniqueItems', schema: { uniqueItems: true } },
  { name: 'items schema', schema: { type: 'array', items: { type: 'integer' } } },
  { name: 'items tuple', schema: { items: [{ type: 'integer' }, { type: 'string' }] } },
  {
    name: 'items tuple, additionalItems false',
    schema: { items: [{ type: 'integer' }], additionalItems: false },
  },
  {
    name: 'items tuple, additionalItems schema',
    schema: { items: [{ type: 'string' }], additionalItems: { type: 'integer' } },
  },
  { name: 'minProperties/maxProperties', schema: { minProperties: 1, maxProperties: 2 } },
  { name: 'required', schema: { required: ['a', 'constructor'] } },
  { name: 'required with type', schema: { type: 'object', required: ['a'] } },
  {
    name: 'properties, optional and required',
    schema: { type: 'object', properties: { a: { type: 'integer' }, b: { type: 'integer' } }, required: ['a'] },
  },
  {
    name: 'required member whose schema accepts undefined',
    schema: { type: 'object', properties: { a: {}, b: { type: 'string' } }, required: ['a', 'b'] },
  },
  {
    name: 'odd property names',
    schema: { properties: { 'a-b': { type: 'string' }, constructor: { type: 'integer' } } },
  },
  {
    name: 'additionalProperties false',
    schema: { type: 'object', properties: { a: {}, b: {} }, additionalProperties: false },
  },
  {
    name: 'additionalProperties false, many names',
    schema: {
      properties: Object.fromEntries('abcdefghijk'.split('').map((k) => [k, { type: 'integer' }])),
      additionalProperties: false,
    },
  },
  { name: 'additionalProperties schema', schema: { properties: { a: {} }, additionalProperties: { type: 'integer' } } },
  { name: 'patternProperties', schema: { patternProperties: { '^x': { type: 'string' } } } },
  {
    name: 'patternProperties with additionalProperties false',
    schema: { properties: { a: {} }, patternProperties: { '^x': { type: 'string' } }, additionalProperties: false },
  },
  { name: 'anyOf', schema: { anyOf: [{ type: 'string' }, { type: 'integer', minimum: 2 }] } },
  { name: 'anyOf of simple tests', schema: { anyOf: [{ type: 'null' }, { enum: ['a', 'b'] }] } },
  { name: 'oneOf overlapping', schema: { oneOf: [{ type: 'integer' }, { minimum: 2 }] } },
  { name: 'oneOf of simple tests', schema: { oneOf: [{ type: 'number' }, { type: 'integer' }] } },
  { name: 'allOf', schema: { allOf: [{ minimum: 1 }, { maximum: 3 }] } },
  { name: 'not', schema: { not: { type: 'string' } } },
  { name: 'not of a complex schema', schema: { not: { type: 'object', required: ['a'] } } },
  ...['int32', 'uint8', 'uint32', 'int64', 'uint64', 'uint', 'double'].map((f) => ({
    name: `format ${f} on integers and numbers`,
    schema: { type: ['integer', 'null'], 'x-format': f },
  })),
  { name: 'format on a number with bounds', schema: { type: 'number', 'x-format': 'uint8', minimum: 2 } },
  { name: 'format without type', schema: { 'x-format': 'int32' } },
  { name: 'string format', schema: { type: 'string', 'x-format': 'digits' } },
  {
    name: 'a reference, nullable',
    schema: { properties: { a: { anyOf: [{ type: 'null' }, { 'x-ref': 'Obj' }] } } },
    units: { Obj: { type: 'object', required: ['a'], properties: { a: { type: 'integer' } } } },
  },
  {
    name: 'a recursive reference',
    schema: { 'x-ref': 'Tree' },
    units: { Tree: { type: 'object', properties: { a: { anyOf: [{ type: 'null' }, { 'x-ref': 'Tree' }] } } } },
  },
];

describe('generated code agrees with ajv', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const ours = generate(c.schema, c.units);
      const theirs = ajvFor(c.schema, c.units);
      const disagree = POOL.filter((v) => ours(v) !== theirs(v)).map(show);
      expect(disagree).toEqual([]);
    });
  }

  it('tagged unions (x-tagged) dispatch as the oneOf/anyOf they replace', () => {
    const text = {
      type: 'object',
      required: ['type', 'text'],
      properties: { type: { enum: ['text'] }, text: { type: 'string' } },
    };
    const url = {
      type: 'object',
      required: ['type', 'url'],
      properties: { type: { enum: ['image'] }, url: { type: 'string' } },
      additionalProperties: false,
    };
    const file = {
      type: 'object',
      required: ['type', 'fileId'],
      properties: { type: { enum: ['image'] }, fileId: { type: 'string' } },
    };
    for (const kind of ['oneOf', 'anyOf'] as const) {
      const tagged = {
        'x-tag': { kind, prop: 'type', values: ['text', 'image', 'image'] },
        'x-tagged': [text, url, file],
      };
      const ours = generate(tagged);
      const theirs = ajvFor({ [kind]: [text, url, file] });
      const disagree = POOL.filter((v) => ours(v) !== theirs(v)).map(show);
      expect(disagree, kind).toEqual([]);
    }
  });

  it('a keyword it does not implement stops the build', () => {
    expect(() => generate({ dependentRequired: { a: ['b'] } })).toThrow(/keyword "dependentRequired" not handled/);
    expect(() => generate({ type: 'string', 'x-format': 'no-such-format' })).toThrow(/format "no-such-format"/);
    expect(() => generate({ pattern: '(' })).toThrow(/root: pattern "\(":/);
  });
});
