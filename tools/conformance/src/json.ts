/** A JSON value as parsed from a schema file or produced by the sampler. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object (a schema node or an instance object). */
export type JsonObject = { [key: string]: JsonValue };

/** True when `value` is a plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep clone of a JSON value. */
export function cloneJson<T extends JsonValue>(value: T): T {
  return structuredClone(value);
}

// lib.d.ts types JSON.stringify as returning `string`, but it returns undefined for undefined, functions and symbols.
const stringify: (value: unknown) => string | undefined = JSON.stringify;

/** Short, single-line rendering of a JSON value for reports (truncated to `max` characters). */
export function preview(value: unknown, max = 300): string {
  let text: string;
  try {
    text = stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Deterministic 32-bit FNV-1a hash of a string, used to derive per-definition seeds. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
