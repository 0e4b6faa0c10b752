/**
 * Finds every error of a value against a schema of the bundle, the way ajv
 * reports them with `allErrors: true`, by walking the schema itself.
 *
 * The generated validators only answer "valid or not" (that keeps them small
 * and fast). When one says "not", this walk collects the detailed errors that
 * `explain.ts` turns into messages. It runs only on failures, compiles nothing
 * and evaluates no code. It covers exactly the keywords the build accepts (the
 * build stops on any other keyword), with ajv's error shapes: keyword,
 * `instancePath`, `schemaPath`, `params`, `message`.
 * @module
 */
import type { CompiledValidator, RawError } from './explain.js';
import { numericFormats } from './formats.js';

type Schema = Record<string, unknown>;

/** The schema data one walk reads. */
export interface InterpretContext {
  /** The bundle's definitions (no docs needed). */
  definitions: Record<string, unknown>;
  /** Regular expressions of the string formats the schema uses. */
  stringFormats: Readonly<Record<string, RegExp>>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const escapeSegment = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** Resolved pointers per definitions object: a walk over a large value resolves the same few pointers again and again. */
const resolved = new WeakMap<Record<string, unknown>, Map<string, unknown>>();

/** The schema at a JSON pointer (`/definitions/v2/Foo/properties/bar`). */
export function schemaAt(definitions: Record<string, unknown>, pointer: string): unknown {
  let cache = resolved.get(definitions);
  if (cache === undefined) {
    cache = new Map();
    resolved.set(definitions, cache);
  }
  if (cache.has(pointer)) return cache.get(pointer);
  const node = resolve(definitions, pointer);
  cache.set(pointer, node);
  return node;
}

function resolve(definitions: Record<string, unknown>, pointer: string): unknown {
  let node: unknown = { definitions };
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) node = node[Number(seg)];
    else if (isObject(node)) node = Object.hasOwn(node, seg) ? node[seg] : undefined;
    else return undefined;
  }
  return node;
}

/** ajv's type test for one JSON type (numbers must be finite, as with ajv's `strictNumbers`). */
function hasType(type: string, data: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof data === 'string';
    case 'number':
      return typeof data === 'number' && Number.isFinite(data);
    case 'integer':
      return typeof data === 'number' && Number.isInteger(data);
    case 'boolean':
      return typeof data === 'boolean';
    case 'null':
      return data === null;
    case 'array':
      return Array.isArray(data);
    case 'object':
      return isObject(data);
    default:
      return false;
  }
}

/** Deep equality of JSON values (for `enum` and `const`). */
function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && equal(a[k], b[k]));
  }
  return false;
}

/** Code points, as JSON Schema counts a string's length (a surrogate pair is one). */
function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++, n++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
  }
  return n;
}

// ajv evaluates keywords in groups: the untyped ones, then number, string, array
// and object keywords, each group only for data of its type.
const GROUPS: Array<{ type: string; keywords: string[] }> = [
  { type: 'number', keywords: ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'multipleOf', 'format'] },
  { type: 'string', keywords: ['maxLength', 'minLength', 'pattern', 'format'] },
  { type: 'array', keywords: ['maxItems', 'minItems', 'uniqueItems', 'additionalItems', 'items'] },
  {
    type: 'object',
    keywords: ['maxProperties', 'minProperties', 'required', 'additionalProperties', 'properties', 'patternProperties'],
  },
];
const COMPARISON: Record<string, string> = {
  maximum: '<=',
  minimum: '>=',
  exclusiveMaximum: '<',
  exclusiveMinimum: '>',
};

class Walk {
  readonly errors: RawError[] = [];
  constructor(private readonly ctx: InterpretContext) {}

  private add(keyword: string, at: string, schemaPath: string, params: Record<string, unknown>, message: string) {
    this.errors.push({ instancePath: at, schemaPath: `${schemaPath}/${keyword}`, keyword, params, message });
  }

  /** Validates `data` (at instance path `at`) against the schema at `pointer`; records errors. */
  check(pointer: string, data: unknown, at: string, depth = 0): boolean {
    const schema = schemaAt(this.ctx.definitions, pointer);
    if (schema === true || schema === undefined) return true;
    if (schema === false) {
      this.add('false schema', at, pointer, {}, 'boolean schema is false');
      return false;
    }
    if (!isObject(schema) || depth > 256) return true;
    const start = this.errors.length;
    const s: Schema = schema;
    const types: string[] =
      typeof s.type === 'string'
        ? [s.type]
        : Array.isArray(s.type)
          ? s.type.filter((t): t is string => typeof t === 'string')
          : [];
    const typeOk = types.length === 0 || types.some((t) => hasType(t, data));
    const typeError = () => {
      this.add('type', at, pointer, { type: s.type }, `must be ${types.join(',')}`);
    };
    const group = types.length === 1 ? GROUPS.find((g) => g.type === types[0]) : undefined;
    const typeInGroup = group !== undefined && group.keywords.some((k) => Object.hasOwn(s, k));
    if (!typeInGroup && !typeOk) typeError();

    // Untyped keywords.
    if (typeof s.$ref === 'string' && s.$ref.startsWith('#/')) this.check(s.$ref.slice(1), data, at, depth + 1);
    if (Object.hasOwn(s, 'const') && !equal(data, s.const))
      this.add('const', at, pointer, { allowedValue: s.const }, 'must be equal to constant');
    if (Array.isArray(s.enum) && !s.enum.some((v) => equal(v, data)))
      this.add('enum', at, pointer, { allowedValues: s.enum }, 'must be equal to one of the allowed values');
    if (s.not !== undefined) {
      const probe = new Walk(this.ctx);
      if (probe.check(`${pointer}/not`, data, at, depth + 1)) this.add('not', at, pointer, {}, 'must NOT be valid');
    }
    if (Array.isArray(s.anyOf)) this.union('anyOf', s.anyOf.length, pointer, data, at, depth);
    if (Array.isArray(s.oneOf)) this.union('oneOf', s.oneOf.length, pointer, data, at, depth);
    if (Array.isArray(s.allOf)) s.allOf.forEach((_x, i) => this.check(`${pointer}/allOf/${i}`, data, at, depth + 1));

    // Typed groups.
    for (const g of GROUPS) {
      if (!g.keywords.some((k) => Object.hasOwn(s, k))) continue;
      if (hasType(g.type, data)) {
        this.groupKeywords(g.type, s, pointer, data, at, depth);
      } else if (group === g && !typeOk) typeError();
    }
    return this.errors.length === start;
  }

  private union(keyword: 'anyOf' | 'oneOf', count: number, pointer: string, data: unknown, at: string, depth: number) {
    const before = this.errors.length;
    const passing: number[] = [];
    for (let i = 0; i < count; i++) {
      if (this.check(`${pointer}/${keyword}/${i}`, data, at, depth + 1)) {
        passing.push(i);
        if (keyword === 'anyOf') break;
      }
    }
    if (keyword === 'anyOf' ? passing.length > 0 : passing.length === 1) {
      this.errors.length = before; // a passing union drops its branches' errors, as ajv does
      return;
    }
    if (keyword === 'oneOf' && passing.length > 1) {
      this.errors.length = before;
      this.add('oneOf', at, pointer, { passingSchemas: passing }, 'must match exactly one schema in oneOf');
      return;
    }
    this.add(
      keyword,
      at,
      pointer,
      keyword === 'oneOf' ? { passingSchemas: null } : {},
      `must match ${keyword === 'oneOf' ? 'exactly one schema' : 'a schema'} in ${keyword}`,
    );
  }

  private groupKeywords(type: string, s: Schema, pointer: string, data: unknown, at: string, depth: number) {
    if (type === 'number' && typeof data === 'number') {
      for (const k of ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum']) {
        const limit = s[k];
        if (typeof limit !== 'number') continue;
        const ok =
          k === 'maximum'
            ? data <= limit
            : k === 'minimum'
              ? data >= limit
              : k === 'exclusiveMaximum'
                ? data < limit
                : data > limit;
        if (!ok) this.add(k, at, pointer, { comparison: COMPARISON[k], limit }, `must be ${COMPARISON[k]} ${limit}`);
      }
      if (typeof s.multipleOf === 'number' && !Number.isInteger(data / s.multipleOf))
        this.add('multipleOf', at, pointer, { multipleOf: s.multipleOf }, `must be multiple of ${s.multipleOf}`);
      if (typeof s.format === 'string') {
        const f = numericFormats[s.format];
        if (f && !f.validate(data))
          this.add('format', at, pointer, { format: s.format }, `must match format "${s.format}"`);
      }
    } else if (type === 'string' && typeof data === 'string') {
      const len = s.minLength !== undefined || s.maxLength !== undefined ? codePoints(data) : 0;
      if (typeof s.maxLength === 'number' && len > s.maxLength)
        this.add('maxLength', at, pointer, { limit: s.maxLength }, `must NOT have more than ${s.maxLength} characters`);
      if (typeof s.minLength === 'number' && len < s.minLength)
        this.add(
          'minLength',
          at,
          pointer,
          { limit: s.minLength },
          `must NOT have fewer than ${s.minLength} characters`,
        );
      if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(data))
        this.add('pattern', at, pointer, { pattern: s.pattern }, `must match pattern "${s.pattern}"`);
      if (typeof s.format === 'string') {
        const re = this.ctx.stringFormats[s.format];
        if (re && !re.test(data))
          this.add('format', at, pointer, { format: s.format }, `must match format "${s.format}"`);
      }
    } else if (type === 'array' && Array.isArray(data)) {
      this.arrayKeywords(s, pointer, data, at, depth);
    } else if (type === 'object' && isObject(data)) {
      this.objectKeywords(s, pointer, data, at, depth);
    }
  }

  private arrayKeywords(s: Schema, pointer: string, data: unknown[], at: string, depth: number) {
    if (typeof s.maxItems === 'number' && data.length > s.maxItems)
      this.add('maxItems', at, pointer, { limit: s.maxItems }, `must NOT have more than ${s.maxItems} items`);
    if (typeof s.minItems === 'number' && data.length < s.minItems)
      this.add('minItems', at, pointer, { limit: s.minItems }, `must NOT have fewer than ${s.minItems} items`);
    if (s.uniqueItems === true) {
      for (let i = data.length - 1; i > 0; i--) {
        const j = data.findIndex((x, k) => k < i && equal(x, data[i]));
        if (j !== -1) {
          this.add(
            'uniqueItems',
            at,
            pointer,
            { i, j },
            `must NOT have duplicate items (items ## ${j} and ${i} are identical)`,
          );
          break;
        }
      }
    }
    if (Array.isArray(s.items)) {
      const n = s.items.length;
      data.slice(0, n).forEach((x, i) => this.check(`${pointer}/items/${i}`, x, `${at}/${i}`, depth + 1));
      if (s.additionalItems === false && data.length > n)
        this.add('additionalItems', at, pointer, { limit: n }, `must NOT have more than ${n} items`);
      else if (isObject(s.additionalItems))
        data.slice(n).forEach((x, i) => this.check(`${pointer}/additionalItems`, x, `${at}/${i + n}`, depth + 1));
    } else if (s.items !== undefined) {
      data.forEach((x, i) => this.check(`${pointer}/items`, x, `${at}/${i}`, depth + 1));
    }
  }

  private objectKeywords(s: Schema, pointer: string, data: Record<string, unknown>, at: string, depth: number) {
    const keys = Object.keys(data);
    if (typeof s.maxProperties === 'number' && keys.length > s.maxProperties)
      this.add(
        'maxProperties',
        at,
        pointer,
        { limit: s.maxProperties },
        `must NOT have more than ${s.maxProperties} properties`,
      );
    if (typeof s.minProperties === 'number' && keys.length < s.minProperties)
      this.add(
        'minProperties',
        at,
        pointer,
        { limit: s.minProperties },
        `must NOT have fewer than ${s.minProperties} properties`,
      );
    if (Array.isArray(s.required)) {
      for (const name of s.required.map(String)) {
        if (data[name] === undefined)
          this.add('required', at, pointer, { missingProperty: name }, `must have required property '${name}'`);
      }
    }
    const props = isObject(s.properties) ? s.properties : {};
    const patterns = isObject(s.patternProperties) ? Object.keys(s.patternProperties) : [];
    if (s.additionalProperties !== undefined && s.additionalProperties !== true) {
      for (const key of keys) {
        if (Object.hasOwn(props, key) || patterns.some((p) => new RegExp(p, 'u').test(key))) continue;
        if (s.additionalProperties === false)
          this.add(
            'additionalProperties',
            at,
            pointer,
            { additionalProperty: key },
            'must NOT have additional properties',
          );
        else this.check(`${pointer}/additionalProperties`, data[key], `${at}/${escapeSegment(key)}`, depth + 1);
      }
    }
    for (const key of Object.keys(props)) {
      if (data[key] !== undefined)
        this.check(`${pointer}/properties/${escapeSegment(key)}`, data[key], `${at}/${escapeSegment(key)}`, depth + 1);
    }
    for (const p of patterns) {
      const re = new RegExp(p, 'u');
      for (const key of keys) {
        if (re.test(key))
          this.check(
            `${pointer}/patternProperties/${escapeSegment(p)}`,
            data[key],
            `${at}/${escapeSegment(key)}`,
            depth + 1,
          );
      }
    }
  }
}

/**
 * A validator for the schema at `pointer` that reports ajv-style errors
 * (every error, as with `allErrors`). `instancePath` prefixes every error's path.
 */
export function interpreter(ctx: InterpretContext, pointer: string): CompiledValidator {
  const validate: CompiledValidator = (data, opts) => {
    const walk = new Walk(ctx);
    const ok = walk.check(pointer, data, opts?.instancePath ?? '');
    validate.errors = ok ? null : walk.errors;
    return ok;
  };
  return validate;
}
