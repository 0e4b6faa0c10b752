/**
 * Small JSON helpers: canonical serialisation, deep walking and JSON-pointer diffs.
 * @module
 */

/** Any JSON value. */
export type Json = null | boolean | number | string | Json[] | JsonObject;
/** A JSON object. */
export interface JsonObject {
  [key: string]: Json;
}
/** A JSON Schema (draft-07): an object or a boolean. */
export type Schema = JsonObject | boolean;

/** The element of a one-element array; `undefined` for an empty or longer one. */
export function only<T>(items: readonly T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}

/** Whether `value` is a plain JSON object. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Returns `value` with object keys sorted recursively (arrays keep their order). */
export function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (isObject(value)) {
    const out: JsonObject = {};
    for (const [key, entry] of Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      out[key] = sortKeys(entry);
    }
    return out;
  }
  return value;
}

/** Deterministic text: sorted keys, 2-space indentation, trailing newline. */
export function canonicalJson(value: Json): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

/** Deep copy of a JSON value. */
export function clone<T extends Json>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * The JSON pointer (RFC 6901) of the first place where `a` and `b` differ,
 * visiting object keys in sorted order; `undefined` when they are equal.
 */
export function firstDifference(a: unknown, b: unknown, pointer = ''): string | undefined {
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (i >= a.length || i >= b.length) return `${pointer}/${i}`;
      const d = firstDifference(a[i], b[i], `${pointer}/${i}`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) {
      const p = `${pointer}/${escapePointer(key)}`;
      if (!(key in a) || !(key in b)) return p;
      const d = firstDifference(a[key], b[key], p);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  return Object.is(a, b) ? undefined : pointer;
}

/** Collects every `$ref` string inside `value`. */
export function collectRefs(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const v of value) collectRefs(v, out);
  else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.add(v);
      else collectRefs(v, out);
    }
  }
  return out;
}

/** Rewrites every `$ref` in place with `fn`. */
export function rewriteRefs(value: unknown, fn: (ref: string) => string): void {
  if (Array.isArray(value)) for (const v of value) rewriteRefs(v, fn);
  else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') value[k] = fn(v);
      else rewriteRefs(v, fn);
    }
  }
}

/** A definitions map (name → schema), as typescript-json-schema produces it and the generator passes it on. */
export type Definitions = Record<string, Schema>;

/** Applies `fn` bottom-up to every sub-schema of `schema` and returns the result. */
export function mapSchemas(schema: Json, fn: (node: Json) => Json): Json {
  if (Array.isArray(schema)) return schema.map((s) => mapSchemas(s, fn));
  if (!isObject(schema)) return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'enum' || key === 'const' || key === 'default' || key === 'examples' || key === 'required') {
      out[key] = value;
    } else if (key === 'properties' || key === 'definitions' || key === 'patternProperties') {
      const props: JsonObject = {};
      for (const [p, s] of Object.entries(value as JsonObject)) props[p] = mapSchemas(s, fn);
      out[key] = props;
    } else {
      out[key] = mapSchemas(value, fn);
    }
  }
  return fn(out);
}
