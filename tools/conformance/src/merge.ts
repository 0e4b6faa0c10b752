import { isObject, type JsonObject, type JsonValue } from './json.js';

/** Keywords that carry no validation meaning. */
export const ANNOTATIONS: ReadonlySet<string> = new Set([
  'description',
  'title',
  'default',
  '$schema',
  'examples',
  '$comment',
  'deprecated',
  'readOnly',
  'writeOnly',
]);

/** The non-annotation keywords of a node other than `anyOf`/`oneOf` (the "siblings" a union branch inherits). */
export function unionSiblings(node: JsonObject): JsonObject | undefined {
  const rest: JsonObject = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'anyOf' || k === 'oneOf' || ANNOTATIONS.has(k)) continue;
    rest[k] = v;
  }
  return Object.keys(rest).length ? rest : undefined;
}

/**
 * Conjunction of two schema nodes as far as object keywords go: properties and required are unioned,
 * `additionalProperties: false` wins, other keywords of `branch` override `base`. Used for a union whose node also
 * carries properties (each branch must satisfy both).
 */
export function mergeSchemaNodes(base: JsonObject, branch: JsonValue): JsonValue {
  if (!isObject(branch)) return branch === true ? base : branch;
  const merged: JsonObject = { ...base, ...branch };
  const bp = isObject(base['properties']) ? base['properties'] : undefined;
  const rp = isObject(branch['properties']) ? branch['properties'] : undefined;
  if (bp || rp) merged['properties'] = { ...bp, ...rp };
  const req = new Set<string>([
    ...(Array.isArray(base['required']) ? (base['required'] as string[]) : []),
    ...(Array.isArray(branch['required']) ? (branch['required'] as string[]) : []),
  ]);
  if (req.size) merged['required'] = [...req];
  if (base['additionalProperties'] === false || branch['additionalProperties'] === false)
    merged['additionalProperties'] = false;
  return merged;
}
