import fc from 'fast-check';
import { resolveRef, type SchemaBundle } from './bundle.js';
import { INTEGER_FORMATS } from './formats.js';
import { isObject, type JsonObject, type JsonValue } from './json.js';
import { ANNOTATIONS, mergeSchemaNodes, unionSiblings } from './merge.js';

/** Tuning of the schema-driven sampler. */
export interface SamplerOptions {
  /** Below this nesting depth optional properties, array elements and map entries are generated; at it, only what is required. Default 3. */
  readonly softDepth?: number;
  /** Nesting depth at which sampling gives up (a schema whose required fields recurse forever). Default 24. */
  readonly hardDepth?: number;
  /** Maximum array length / map size below the soft depth. Default 2. */
  readonly maxItems?: number;
}

/** Thrown when a schema cannot be sampled (unsupported keyword, unresolvable ref, infinite required recursion). */
export class SamplerError extends Error {
  override readonly name = 'SamplerError';
}

const ANY_JSON: fc.Arbitrary<JsonValue> = fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<JsonValue>;

/**
 * Builds fast-check arbitraries producing instances that should be valid against schemas of one bundle.
 *
 * Supports `type` (single or list), `enum`, `const`, `properties`/`required` (optional properties are included or
 * omitted at random), `additionalProperties` (schema-valued: generates map entries), `items` (list and tuple form),
 * `anyOf`/`oneOf` (one branch), `allOf` (single branch or object merge), `$ref`, `minLength`/`maxLength`, and the
 * integer formats with their range edges (`minimum`/`maximum` narrow the range).
 */
export class SchemaSampler {
  readonly #bundle: SchemaBundle;
  readonly #soft: number;
  readonly #hard: number;
  readonly #maxItems: number;
  readonly #refCache = new Map<string, fc.Arbitrary<JsonValue>>();

  constructor(bundle: SchemaBundle, options: SamplerOptions = {}) {
    this.#bundle = bundle;
    this.#soft = options.softDepth ?? 3;
    this.#hard = options.hardDepth ?? 24;
    this.#maxItems = options.maxItems ?? 2;
  }

  /** Arbitrary for the schema at a bundle pointer (e.g. `#/definitions/v2/Thread`). */
  arbitraryForPointer(pointer: string): fc.Arbitrary<JsonValue> {
    return this.#ref(pointer, 0);
  }

  /** Arbitrary for an arbitrary schema node whose `$ref`s point into this sampler's bundle. */
  arbitraryFor(schema: JsonValue, depth = 0): fc.Arbitrary<JsonValue> {
    return this.#node(schema, depth);
  }

  /**
   * Draws `count` instances deterministically.
   *
   * @param seed - fast-check seed; the same seed gives the same instances
   */
  sample(pointer: string, count: number, seed: number): JsonValue[] {
    return fc.sample(this.arbitraryForPointer(pointer), { seed, numRuns: count });
  }

  #ref(pointer: string, depth: number): fc.Arbitrary<JsonValue> {
    const key = `${pointer}@${Math.min(depth, this.#soft)}`;
    if (depth >= this.#soft) {
      // Past the soft depth all depths generate the same (minimal) shape, but recursion must still be bounded.
      if (depth >= this.#hard)
        throw new SamplerError(
          `${this.#bundle.label}: ${pointer} recurses through required fields deeper than ${this.#hard}`,
        );
    }
    const cached = depth < this.#soft ? this.#refCache.get(key) : undefined;
    if (cached) return cached;
    const arb = this.#node(resolveRef(this.#bundle, pointer).schema, depth);
    if (depth < this.#soft) this.#refCache.set(key, arb);
    return arb;
  }

  #node(schema: JsonValue, depth: number): fc.Arbitrary<JsonValue> {
    if (depth > this.#hard) throw new SamplerError(`${this.#bundle.label}: schema nesting deeper than ${this.#hard}`);
    if (schema === true) return ANY_JSON;
    if (schema === false) throw new SamplerError(`${this.#bundle.label}: cannot sample the false schema`);
    if (!isObject(schema))
      throw new SamplerError(`${this.#bundle.label}: schema node is not an object: ${JSON.stringify(schema)}`);
    if (typeof schema['$ref'] === 'string')
      return fc.constant(null).chain(() => this.#ref(schema['$ref'] as string, depth + 1));
    if ('const' in schema) return fc.constant(schema['const']);
    if (Array.isArray(schema['enum'])) {
      const values = schema['enum'];
      if (values.length === 0) throw new SamplerError(`${this.#bundle.label}: empty enum`);
      return fc.constantFrom(...values);
    }
    const allOf = schema['allOf'];
    if (Array.isArray(allOf)) {
      const { allOf: _a, ...rest } = schema;
      const parts = [...allOf.map((p) => this.#deref(p)), rest].filter((p) => hasStructure(p));
      if (parts.length === 1) return this.#node(parts[0] as JsonValue, depth);
      return this.#node(mergeObjects(parts as JsonObject[]), depth);
    }
    const union =
      (Array.isArray(schema['anyOf']) ? schema['anyOf'] : null) ??
      (Array.isArray(schema['oneOf']) ? schema['oneOf'] : null);
    if (union) {
      const siblings = unionSiblings(schema);
      // Properties next to anyOf/oneOf apply to every branch.
      let branches = siblings ? union.map((b) => mergeSchemaNodes(siblings, this.#deref(b))) : union;
      if (depth >= this.#soft) {
        // Deep down prefer branches that end the recursion (null, scalars) when there are some.
        const shallow = branches.filter((b) => isScalarSchema(this.#deref(b)));
        if (shallow.length) branches = shallow;
      }
      return fc.oneof(...branches.map((b) => fc.constant(null).chain(() => this.#node(b, depth + 1))));
    }
    const types = typeListOf(schema);
    if (types.length === 1) return this.#typed(types[0] as string, schema, depth);
    const ordered =
      depth >= this.#soft ? [...types].sort((a, b) => Number(a !== 'null') - Number(b !== 'null')) : types;
    return fc.oneof(...ordered.map((t) => this.#typed(t, schema, depth)));
  }

  #deref(schema: JsonValue): JsonValue {
    let node = schema;
    for (let i = 0; i < 16 && isObject(node) && typeof node['$ref'] === 'string'; i++) {
      node = resolveRef(this.#bundle, node['$ref']).schema;
    }
    return node;
  }

  #typed(type: string, schema: JsonObject, depth: number): fc.Arbitrary<JsonValue> {
    switch (type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'string':
        return stringArbitrary(schema);
      case 'integer':
        return integerArbitrary(schema);
      case 'number':
        return numberArbitrary(schema);
      case 'array':
        return this.#array(schema, depth);
      case 'object':
        return this.#object(schema, depth);
      default:
        throw new SamplerError(`${this.#bundle.label}: unsupported type "${type}"`);
    }
  }

  #array(schema: JsonObject, depth: number): fc.Arbitrary<JsonValue> {
    const items = schema['items'];
    if (Array.isArray(items)) return fc.tuple(...items.map((s) => this.#node(s, depth + 1)));
    const minItems = typeof schema['minItems'] === 'number' ? schema['minItems'] : 0;
    const deep = depth >= this.#soft;
    const maxLength = Math.max(minItems, deep ? 0 : this.#maxItems);
    if (maxLength === 0) return fc.constant([]);
    const item = items === undefined ? ANY_JSON : this.#node(items, depth + 1);
    return fc.array(item, { minLength: minItems, maxLength });
  }

  #object(schema: JsonObject, depth: number): fc.Arbitrary<JsonValue> {
    const props = isObject(schema['properties']) ? schema['properties'] : {};
    const required = new Set(Array.isArray(schema['required']) ? (schema['required'] as string[]) : []);
    const deep = depth >= this.#soft;
    const model: Record<string, fc.Arbitrary<JsonValue>> = {};
    const requiredKeys: string[] = [];
    for (const [name, propSchema] of Object.entries(props)) {
      if (!required.has(name) && deep) continue;
      model[name] = this.#node(propSchema, depth + 1);
      if (required.has(name)) requiredKeys.push(name);
    }
    for (const name of required) {
      if (!(name in model)) model[name] = ANY_JSON; // required but not described: any value is allowed
      if (!requiredKeys.includes(name)) requiredKeys.push(name);
    }
    const record = fc.record(model, { requiredKeys }) as fc.Arbitrary<JsonObject>;
    const ap = schema['additionalProperties'];
    if (deep || ap === false || ap === undefined || ap === true) return record;
    const valueArb = this.#node(ap, depth + 1);
    const keyArb = fc.string({ minLength: 1, maxLength: 6 }).filter((k) => !(k in props));
    const extra = fc.dictionary(keyArb, valueArb, { maxKeys: this.#maxItems }) as fc.Arbitrary<JsonObject>;
    return fc.tuple(record, extra).map(([r, e]) => ({ ...e, ...r }));
  }
}

function hasStructure(node: JsonValue): boolean {
  return !isObject(node) || Object.keys(node).some((k) => !ANNOTATIONS.has(k));
}

function mergeObjects(parts: JsonObject[]): JsonObject {
  const properties: JsonObject = {};
  const required: string[] = [];
  for (const p of parts) {
    if (isObject(p['properties'])) Object.assign(properties, p['properties']);
    if (Array.isArray(p['required'])) required.push(...(p['required'] as string[]));
  }
  return { type: 'object', properties, required };
}

function isScalarSchema(node: JsonValue): boolean {
  if (!isObject(node)) return false;
  if ('enum' in node || 'const' in node) return true;
  const t = node['type'];
  const scalar = ['null', 'boolean', 'string', 'integer', 'number'];
  if (typeof t === 'string') return scalar.includes(t);
  if (Array.isArray(t)) return t.every((x) => typeof x === 'string' && scalar.includes(x));
  return false;
}

function typeListOf(schema: JsonObject): string[] {
  const t = schema['type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  if ('properties' in schema || 'required' in schema || 'additionalProperties' in schema) return ['object'];
  if ('items' in schema) return ['array'];
  return ['null', 'boolean', 'string', 'integer', 'number', 'object', 'array'];
}

function stringArbitrary(schema: JsonObject): fc.Arbitrary<JsonValue> {
  const minLength = typeof schema['minLength'] === 'number' ? schema['minLength'] : 0;
  const maxLength = typeof schema['maxLength'] === 'number' ? schema['maxLength'] : minLength + 8;
  return fc.string({ minLength, maxLength });
}

/** Integer arbitrary covering the format range: both edges, 0 and ±1 (when in range), plus uniform values. */
export function integerArbitrary(schema: JsonObject): fc.Arbitrary<JsonValue> {
  const format = typeof schema['format'] === 'string' ? INTEGER_FORMATS[schema['format']] : undefined;
  let min = format?.min ?? Number.MIN_SAFE_INTEGER;
  let max = format?.max ?? Number.MAX_SAFE_INTEGER;
  if (typeof schema['minimum'] === 'number') min = Math.max(min, Math.ceil(schema['minimum']));
  if (typeof schema['maximum'] === 'number') max = Math.min(max, Math.floor(schema['maximum']));
  if (typeof schema['exclusiveMinimum'] === 'number') min = Math.max(min, Math.floor(schema['exclusiveMinimum']) + 1);
  if (typeof schema['exclusiveMaximum'] === 'number') max = Math.min(max, Math.ceil(schema['exclusiveMaximum']) - 1);
  if (min > max) throw new SamplerError(`empty integer range [${min}, ${max}]`);
  const edges = [...new Set([min, max, 0, 1, -1].filter((v) => v >= min && v <= max))];
  const safeMin = Math.max(min, Number.MIN_SAFE_INTEGER);
  const safeMax = Math.min(max, Number.MAX_SAFE_INTEGER);
  const arbs: fc.Arbitrary<number>[] = [fc.constantFrom(...edges)];
  const smallMin = Math.max(safeMin, -1000);
  const smallMax = Math.min(safeMax, 1000);
  if (smallMin <= smallMax) arbs.push(fc.integer({ min: smallMin, max: smallMax }));
  if (safeMin <= safeMax) arbs.push(fc.bigInt({ min: BigInt(safeMin), max: BigInt(safeMax) }).map(Number));
  return fc.oneof(...arbs);
}

function numberArbitrary(schema: JsonObject): fc.Arbitrary<JsonValue> {
  const min = typeof schema['minimum'] === 'number' ? schema['minimum'] : undefined;
  const max = typeof schema['maximum'] === 'number' ? schema['maximum'] : undefined;
  return fc
    .double({
      noNaN: true,
      noDefaultInfinity: true,
      ...(min !== undefined ? { min } : {}),
      ...(max !== undefined ? { max } : {}),
    })
    .map((v) => (Object.is(v, -0) ? 0 : v));
}
