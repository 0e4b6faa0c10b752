/**
 * JSON value types and guards shared by the schema-diff modules.
 * @module
 */

/** A parsed JSON value. */
export type Json = null | boolean | number | string | Json[] | JsonObject;

/** A parsed JSON object. */
export interface JsonObject {
  [key: string]: Json;
}

/** Type guard: `v` is a JSON object (not an array, not null). */
export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses JSON text; the result is typed as {@link Json} (JSON.parse yields nothing else). */
export function parseJson(text: string): Json {
  // JSON.parse returns only JSON values; `any` is narrowed to the exact type it produces.
  return JSON.parse(text) as Json;
}

/** Stable, order-insensitive (for object keys) serialisation, for equality tests. */
export function canonical(v: Json | undefined): string {
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isObject(v))
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}
