/**
 * Rule 9, serde's `Option` and `default` rule: a property that is required in
 * the TypeScript is left out of `required` in the schema when
 *
 * - its type includes `null` (`error: TurnError | null`): in Rust it is an
 *   `Option<T>`, which schemars never lists as required; or
 * - it carries `@default` (`isOther: boolean` with `@default false`): in Rust
 *   it has `#[serde(default)]`, which schemars writes as `default` and never
 *   lists as required either.
 *
 * The TypeScript says more than the schema can: the server always sends the
 * member (ts-rs prints it `error: TurnError | null`), but a peer that leaves
 * it out is still valid on the wire. `@schemaRequired` on the property keeps
 * it required, for the few fields upstream's schema does require although
 * they may be `null`.
 * @module
 */
import { isObject, mapSchemas, type Definitions, type Json, type JsonObject } from './json.js';

/** The validation keyword typescript-json-schema writes for `@schemaRequired`; it never reaches the output. */
export const SCHEMA_REQUIRED_KEYWORD = 'schemaRequired';

/**
 * Internal keyword rule 2b leaves on an any-JSON schema whose TypeScript also
 * spelled out `null` (`x: JsonValue | null`); rule 9 counts it as nullable and
 * removes it. It never reaches the output.
 */
export const ANY_JSON_OR_NULL_KEYWORD = 'x-cask-any-json-or-null';

const INTERNAL_KEYWORDS = [SCHEMA_REQUIRED_KEYWORD, ANY_JSON_OR_NULL_KEYWORD];

/**
 * Whether the schema spells out `null` as one of its alternatives (`type: [T, "null"]` or an `anyOf` branch).
 * Any-JSON (`JsonValue`) alone does not count: upstream requires a `serde_json::Value` member unless it is an
 * `Option`, which our TypeScript spells `JsonValue | null` (marked by rule 2b).
 */
export function isExplicitlyNullable(schema: Json): boolean {
  if (!isObject(schema)) return false;
  if (schema.type === 'null' || ANY_JSON_OR_NULL_KEYWORD in schema) return true;
  if (Array.isArray(schema.type) && schema.type.includes('null')) return true;
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = schema[key];
    if (Array.isArray(branches) && branches.some(isExplicitlyNullable)) return true;
  }
  return false;
}

/** Whether the property schema carries a `default` (written with `@default`), directly or on its `allOf` wrapper. */
export function hasDefault(schema: Json): boolean {
  return isObject(schema) && 'default' in schema;
}

function applyToObject(node: JsonObject): JsonObject {
  const { properties, required } = node;
  if (!isObject(properties) || !Array.isArray(required)) return node;
  const kept = required.filter((name) => {
    if (typeof name !== 'string') return true;
    const prop = properties[name];
    if (isObject(prop) && SCHEMA_REQUIRED_KEYWORD in prop) return true;
    return !isExplicitlyNullable(prop ?? false) && !hasDefault(prop ?? false);
  });
  if (kept.length === required.length) return node;
  const out: JsonObject = { ...node };
  if (kept.length > 0) out.required = kept;
  else delete out.required;
  return out;
}

function strip(node: JsonObject): JsonObject | true {
  if (!INTERNAL_KEYWORDS.some((k) => k in node)) return node;
  const rest: JsonObject = {};
  for (const [k, v] of Object.entries(node)) if (!INTERNAL_KEYWORDS.includes(k)) rest[k] = v;
  // An any-JSON schema with nothing else left is written `true`, as rule 2 writes it.
  return ANY_JSON_OR_NULL_KEYWORD in node && Object.keys(rest).length === 0 ? true : rest;
}

/**
 * Applies the `Option` rule to every object schema in `defs` (see the module
 * comment) and removes the `schemaRequired` keyword.
 */
export function optionFieldsNotRequired(defs: Definitions): Definitions {
  const out: Definitions = {};
  for (const [name, schema] of Object.entries(defs)) {
    // Objects first (they still see the keyword on their properties), then the keyword goes.
    const applied = mapSchemas(schema, (n) => (isObject(n) ? applyToObject(n) : n));
    out[name] = mapSchemas(applied, (n) => (isObject(n) ? strip(n) : n)) as Definitions[string];
  }
  return out;
}

/** Removes the `schemaRequired` keyword only (the TypeScript-faithful schema the round trip compiles). */
export function stripSchemaRequired(defs: Definitions): Definitions {
  const out: Definitions = {};
  for (const [name, schema] of Object.entries(defs)) {
    out[name] = mapSchemas(schema, (n) => (isObject(n) ? strip(n) : n)) as Definitions[string];
  }
  return out;
}
