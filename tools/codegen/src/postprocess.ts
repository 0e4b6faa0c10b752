/**
 * The post-processing pass that turns typescript-json-schema's output into
 * definitions shaped like upstream's. Each rule is a separate function and is
 * described in the package README ("Post-processing rules").
 * @module
 */
import { isObject, mapSchemas, type Definitions, type Json, type JsonObject, type Schema } from './json.js';
import {
  ANY_JSON_OR_NULL_KEYWORD,
  optionFieldsNotRequired,
  SCHEMA_REQUIRED_KEYWORD,
  stripSchemaRequired,
} from './option-fields.js';
import type { ProtocolModel } from './protocol.js';
import { restoreSourceRefs } from './source-refs.js';

export { mapSchemas, type Definitions } from './json.js';

/** Integer formats upstream uses. */
export const INTEGER_FORMATS = new Set(['int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64']);
/** Integer formats that cannot be negative. */
export const UNSIGNED_FORMATS = new Set(['uint', 'uint8', 'uint16', 'uint32', 'uint64']);

/** Keywords that only annotate and never change what validates. */
const ANNOTATIONS = new Set([
  'description',
  'title',
  'default',
  'examples',
  '$comment',
  'experimental',
  SCHEMA_REQUIRED_KEYWORD,
  ANY_JSON_OR_NULL_KEYWORD,
]);

const REF_PREFIX = '#/definitions/';
/** Name of the "any JSON" type in `@cask/protocol`. */
export const JSON_VALUE = 'JsonValue';

function refName(node: JsonObject): string | undefined {
  const ref = node.$ref;
  return typeof ref === 'string' && ref.startsWith(REF_PREFIX) ? ref.slice(REF_PREFIX.length) : undefined;
}

/** The definition `node` references, if it is a `$ref` object. */
function refOf(node: unknown): string | undefined {
  return isObject(node) ? refName(node) : undefined;
}

function mapDefinitions(defs: Definitions, fn: (node: Json) => Json): Definitions {
  const out: Definitions = {};
  for (const [name, schema] of Object.entries(defs)) out[name] = mapSchemas(schema, fn) as Schema;
  return out;
}

/**
 * Rule 1: only exported protocol types may be definitions. typescript-json-schema
 * adds helper definitions (`__type`, `Record<...>`, and `Name_1` duplicates of
 * an exported `Name`); duplicates are folded into `Name` and the rest are
 * inlined where they are referenced.
 */
export function inlineHelperDefinitions(defs: Definitions, exported: ReadonlySet<string>): Definitions {
  const alias = (name: string): string | undefined => {
    const m = /^(.+)_\d+$/.exec(name);
    const base = m?.[1];
    return base !== undefined && exported.has(base) ? base : undefined;
  };
  const resolve = (node: Json, depth: number): Json => {
    if (depth > 50) throw new Error('helper definitions reference each other in a cycle; cannot inline them');
    return mapSchemas(node, (n) => {
      if (!isObject(n)) return n;
      const name = refName(n);
      if (name === undefined || exported.has(name)) return n;
      const base = alias(name);
      if (base) return { ...n, $ref: REF_PREFIX + base };
      const target = defs[name];
      if (target === undefined) throw new Error(`typescript-json-schema referenced a missing definition \`${name}\``);
      const { $ref: _ref, ...siblings } = n;
      const inlined = resolve(target, depth + 1);
      if (!isObject(inlined)) return inlined;
      return { ...inlined, ...siblings };
    });
  };
  /**
   * typescript-json-schema sometimes writes an exported `Name` as a mere
   * reference to its own duplicate (`{description, $ref: Name_1}`), e.g. for a
   * type alias first reached through a property that carries TSDoc; then the
   * duplicate is the definition.
   */
  const own = (name: string, schema: Schema): Schema => {
    if (!isObject(schema)) return schema;
    const target = refName(schema);
    if (target === undefined || alias(target) !== name) return schema;
    const body = defs[target];
    if (!isObject(body)) throw new Error(`typescript-json-schema referenced a missing definition \`${target}\``);
    const { $ref: _ref, ...siblings } = schema;
    return { ...body, ...siblings };
  };
  const out: Definitions = {};
  for (const [name, schema] of Object.entries(defs)) {
    if (exported.has(name)) out[name] = resolve(own(name, schema), 0) as Schema;
  }
  return out;
}

/** Keywords an object schema may carry and still count as "plain" for {@link mergeIntersections}. */
const OBJECT_KEYWORDS = new Set(['type', 'properties', 'required', 'additionalProperties']);
const UNION_KEYWORDS = ['anyOf', 'oneOf'] as const;

function sameJson(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a === undefined ? null : sortJson(a)) === JSON.stringify(b === undefined ? null : sortJson(b));
}

function sortJson(v: Json): Json {
  if (Array.isArray(v)) return v.map(sortJson);
  if (!isObject(v)) return v;
  const out: JsonObject = {};
  for (const [k, entry] of Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) out[k] = sortJson(entry);
  return out;
}

/** Merges object schemas `a` and `b` into one (the meaning of a TypeScript intersection). */
function mergeTwoObjects(a: JsonObject, b: JsonObject, where: string): JsonObject {
  const out: JsonObject = { type: 'object' };
  const props: JsonObject = {};
  for (const side of [a, b]) {
    if (!isObject(side.properties)) continue;
    for (const [key, schema] of Object.entries(side.properties)) {
      if (key in props && !sameJson(props[key], schema)) {
        throw new Error(
          `${where}: the intersection declares property \`${key}\` twice with different types; declare it once`,
        );
      }
      props[key] = schema;
    }
  }
  if (Object.keys(props).length > 0) out.properties = props;
  const required = [
    ...new Set([...(Array.isArray(a.required) ? a.required : []), ...(Array.isArray(b.required) ? b.required : [])]),
  ] as string[];
  if (required.length > 0) out.required = required.sort();
  if (a.additionalProperties !== undefined && b.additionalProperties !== undefined) {
    if (!sameJson(a.additionalProperties, b.additionalProperties)) {
      throw new Error(`${where}: the parts of the intersection disagree on additionalProperties`);
    }
  }
  const extra = a.additionalProperties ?? b.additionalProperties;
  if (extra !== undefined) out.additionalProperties = extra;
  const descriptions = [a.description, b.description].filter((d) => d !== undefined);
  const [only, ...others] = descriptions;
  if (only !== undefined && others.length === 0) out.description = only;
  return out;
}

/**
 * Rule 1c: intersections. typescript-json-schema writes `A & B` as
 * `allOf: [A, B]` and `A & (B | C)` as `allOf: [A, {anyOf: [B, C]}]` (or, when
 * the checker has already distributed it, `anyOf: [allOf[A, B], allOf[A, C]]`).
 * Upstream writes one flat object per variant. Every `allOf` whose members are
 * plain object schemas (or references to definitions that are) is merged into
 * one object: union of `properties` (a property declared twice with different
 * schemas is an error), union of `required`, `additionalProperties` kept when
 * the parts agree (an error when they disagree). A union inside the `allOf` is
 * distributed, giving an `anyOf` of merged objects, and an `anyOf` directly
 * inside an `anyOf` is flattened into it. An `allOf` with a single `$ref` is an
 * annotated reference and is left alone.
 */
export function mergeIntersections(defs: Definitions): Definitions {
  const resolving = new Set<string>();
  const memo = new Map<string, Json>();

  /** The definition `name` with its own intersections merged. */
  const resolved = (name: string, where: string): Json => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    if (resolving.has(name)) throw new Error(`${where}: intersection with \`${name}\` is recursive; cannot merge it`);
    const target = defs[name];
    if (target === undefined) throw new Error(`${where}: intersection references missing definition \`${name}\``);
    resolving.add(name);
    const out = mapSchemas(target, (n) => mergeNode(n, name));
    resolving.delete(name);
    memo.set(name, out);
    return out;
  };

  /** The alternatives (plain object schemas) one member of an `allOf` stands for. */
  const alternatives = (part: Json, where: string): JsonObject[] => {
    if (!isObject(part)) throw new Error(`${where}: an intersection member is not an object type`);
    const ref = refName(part);
    if (ref !== undefined) return alternatives(resolved(ref, where), where);
    const union = UNION_KEYWORDS.find((k) => Array.isArray(part[k]));
    if (union) {
      const { [union]: branches, ...rest } = part;
      const base = Object.keys(rest).some((k) => !ANNOTATIONS.has(k)) ? alternatives(rest, where) : [{}];
      const out: JsonObject[] = [];
      for (const branch of branches as Json[]) {
        for (const alt of alternatives(branch, where)) {
          for (const b of base) out.push(mergeTwoObjects(b, alt, where));
        }
      }
      return out;
    }
    if (Array.isArray(part.allOf)) {
      const merged = mergeNode(part, where);
      if (isObject(merged) && Array.isArray(merged.allOf))
        throw new Error(`${where}: cannot merge a nested intersection`);
      return alternatives(merged, where);
    }
    const keys = Object.keys(part).filter((k) => !ANNOTATIONS.has(k));
    const bad = keys.find((k) => !OBJECT_KEYWORDS.has(k));
    if (bad !== undefined || (part.type !== undefined && part.type !== 'object')) {
      throw new Error(
        `${where}: an intersection member is not a plain object type (it has \`${bad ?? `type: ${JSON.stringify(part.type)}`}\`); ` +
          'intersections may only combine object types and unions of object types',
      );
    }
    return [part];
  };

  const mergeNode = (n: Json, where: string): Json => {
    if (!isObject(n)) return n;
    let node = n;
    const list = node.allOf;
    if (Array.isArray(list) && !(list.length === 1 && isObject(list[0]) && refName(list[0]) !== undefined)) {
      const { allOf: _allOf, ...rest } = node;
      const annotations: JsonObject = {};
      const own: JsonObject = {};
      for (const [k, v] of Object.entries(rest)) (ANNOTATIONS.has(k) ? annotations : own)[k] = v;
      const parts: Json[] = Object.keys(own).length > 0 ? [own, ...list] : [...list];
      let combos: JsonObject[] = [{}];
      for (const part of parts) {
        const alts = alternatives(part, where);
        const next: JsonObject[] = [];
        for (const c of combos) for (const a of alts) next.push(mergeTwoObjects(c, a, where));
        combos = next;
      }
      // The description of the intersection as a whole wins over its parts'.
      const [single, ...more] = combos;
      node =
        single !== undefined && more.length === 0 ? { ...single, ...annotations } : { ...annotations, anyOf: combos };
    }
    if (Array.isArray(node.anyOf)) {
      const flat: Json[] = [];
      for (const branch of node.anyOf) {
        if (isObject(branch) && Array.isArray(branch.anyOf) && Object.keys(branch).length === 1)
          flat.push(...branch.anyOf);
        else flat.push(branch);
      }
      node = { ...node, anyOf: flat };
    }
    return node;
  };

  const out: Definitions = {};
  for (const name of Object.keys(defs)) out[name] = resolved(name, name) as Schema;
  return out;
}

/**
 * Rule 2: `JsonValue` means "any JSON value", which upstream writes as `true`.
 * A reference to it becomes `true` (or just its annotations, e.g. a description).
 */
export function inlineJsonValue(defs: Definitions): Definitions {
  const out = mapDefinitions(defs, (n) => {
    if (!isObject(n)) return n;
    if (refName(n) === JSON_VALUE) {
      const { $ref: _ref, ...siblings } = n;
      return Object.keys(siblings).length === 0 ? true : siblings;
    }
    return n;
  });
  const { [JSON_VALUE]: _inlined, ...rest } = out;
  return rest;
}

/** Whether a schema accepts every JSON value. */
function acceptsAnything(s: Json): boolean {
  return s === true || (isObject(s) && Object.keys(s).every((k) => ANNOTATIONS.has(k)));
}

/**
 * Rule 2b: `anyOf` containing an accept-anything branch accepts anything.
 * When the `anyOf` also spelled out `null` (`x: JsonValue | null`, a serde
 * `Option<Value>`), the result keeps that fact as an internal keyword for
 * rule 9, which removes it.
 */
export function collapseAnything(defs: Definitions): Definitions {
  return mapDefinitions(defs, (n) => {
    if (!isObject(n) || !Array.isArray(n.anyOf) || !n.anyOf.some(acceptsAnything)) return n;
    const { anyOf, ...rest } = n;
    const withNull = anyOf.some((b) => isObject(b) && (b.type === 'null' || ANY_JSON_OR_NULL_KEYWORD in b));
    if (withNull) return { ...rest, [ANY_JSON_OR_NULL_KEYWORD]: true };
    return Object.keys(rest).length === 0 ? true : rest;
  });
}

/**
 * Rule 3: `@format` tags written on union members (`string | /** @format int64 *\/ number`)
 * are ignored by typescript-json-schema, which collapses the union into a
 * `type` array. The definition is rebuilt as an `anyOf` of the members in
 * source order, each member carrying its format.
 */
export function applyMemberFormats(defs: Definitions, model: Pick<ProtocolModel, 'memberFormats'>): Definitions {
  const out = { ...defs };
  for (const [name, { members, formats }] of model.memberFormats) {
    const def = out[name];
    if (!isObject(def)) continue;
    const anyOf = members.map((member, index): JsonObject => {
      if (!/^(string|number|boolean|null)$/.test(member)) {
        throw new Error(
          `${name}: @format on union members is supported only for unions of primitive types, not \`${member}\``,
        );
      }
      const format = formats.get(index);
      return format ? { type: member, format } : { type: member };
    });
    const { type: _type, anyOf: _anyOf, ...rest } = def;
    out[name] = { ...rest, anyOf };
  }
  return out;
}

function typeList(node: JsonObject): string[] {
  const t = node.type;
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

function setTypeList(node: JsonObject, types: string[]): void {
  const [single, ...more] = types;
  node.type = single !== undefined && more.length === 0 ? single : types;
}

function applyIntegerFormat(node: Json, format: string, where: string): void {
  if (!isObject(node)) return;
  const types = typeList(node);
  if (types.includes('number') || types.includes('integer')) {
    setTypeList(
      node,
      types.map((t) => (t === 'number' ? 'integer' : t)),
    );
    node.format = format;
    if (UNSIGNED_FORMATS.has(format) && node.minimum === undefined) node.minimum = 0;
    return;
  }
  if (types.includes('array') && node.items !== undefined) {
    delete node.format;
    applyIntegerFormat(node.items, format, where);
    return;
  }
  if (Array.isArray(node.anyOf)) {
    delete node.format;
    for (const branch of node.anyOf) {
      if (isObject(branch) && branch.type !== 'null' && branch.$ref === undefined) {
        applyIntegerFormat(branch, format, where);
      }
    }
    return;
  }
  throw new Error(`${where}: @format ${format} is on a schema that is neither a number nor an array of numbers`);
}

/**
 * Rule 4: integers. `number` + an integer `@format` becomes `"type": "integer"`
 * (keeping `null` when nullable); unsigned formats get `minimum: 0` unless a
 * minimum was given; a format on an array moves to its `items`.
 */
export function applyIntegerFormats(defs: Definitions): Definitions {
  const out: Definitions = {};
  for (const [name, schema] of Object.entries(defs)) {
    out[name] = mapSchemas(schema, (n) => {
      if (isObject(n) && typeof n.format === 'string' && INTEGER_FORMATS.has(n.format)) {
        const copy = { ...n };
        applyIntegerFormat(copy, n.format, name);
        return copy;
      }
      return n;
    }) as Schema;
  }
  return out;
}

/** Rule 5: a single literal is written `"enum": [value]` (upstream's spelling), never `const`. */
export function constToEnum(defs: Definitions): Definitions {
  return mapDefinitions(defs, (n) => {
    if (!isObject(n) || !('const' in n)) return n;
    const { const: value, ...rest } = n;
    return { ...rest, enum: [value ?? null] };
  });
}

const COMPOSITE = ['$ref', 'anyOf', 'oneOf', 'allOf', 'not', 'if'];

/**
 * Rule 6: nullability is spelled like upstream: `"type": [T, "null"]` for an
 * inline schema, `anyOf: [{$ref}, {"type": "null"}]` for a reference; `null`
 * always comes last.
 */
export function normaliseNullable(defs: Definitions): Definitions {
  return mapDefinitions(defs, (n) => {
    if (!isObject(n)) return n;
    const node = { ...n };
    const types = typeList(node);
    if (Array.isArray(node.type) && types.includes('null')) {
      setTypeList(node, [...types.filter((t) => t !== 'null'), 'null']);
    }
    if (Array.isArray(node.anyOf)) {
      const isNull = (s: Json) => isObject(s) && s.type === 'null' && Object.keys(s).length === 1;
      const nonNull = node.anyOf.filter((s) => !isNull(s));
      const hasNull = nonNull.length < node.anyOf.length;
      const only = nonNull[0];
      if (
        hasNull &&
        nonNull.length === 1 &&
        isObject(only) &&
        typeList(only).length > 0 &&
        !COMPOSITE.some((k) => k in only) &&
        !Object.keys(only).some((k) => k in node && k !== 'anyOf' && !ANNOTATIONS.has(k))
      ) {
        const { anyOf: _anyOf, ...annotations } = node;
        const merged: JsonObject = { ...only, ...annotations };
        setTypeList(merged, [...typeList(only).filter((t) => t !== 'null'), 'null']);
        if (Array.isArray(only.enum) && !only.enum.includes(null)) merged.enum = [...only.enum, null];
        return merged;
      }
      if (hasNull) node.anyOf = [...nonNull, { type: 'null' }];
    }
    return node;
  });
}

/**
 * Rule 7: in draft-07 keywords next to `$ref` are ignored, so a reference that
 * carries annotations (a property description, a default) is wrapped as
 * `allOf: [{$ref}]`, as upstream does.
 */
export function wrapAnnotatedRefs(defs: Definitions): Definitions {
  return mapDefinitions(defs, (n) => {
    if (!isObject(n) || typeof n.$ref !== 'string' || Object.keys(n).length === 1) return n;
    const { $ref, ...siblings } = n;
    return { ...siblings, allOf: [{ $ref }] };
  });
}

function tagValue(branch: Json, tag: string, defs: Definitions): Json | undefined {
  let node = branch;
  for (let i = 0, name = refOf(node); i < 5 && name !== undefined; i++, name = refOf(node)) node = defs[name] ?? false;
  if (!isObject(node) || !isObject(node.properties)) return undefined;
  const prop = node.properties[tag];
  const required = Array.isArray(node.required) && node.required.includes(tag);
  if (!required || !isObject(prop) || !Array.isArray(prop.enum) || prop.enum.length !== 1) return undefined;
  return prop.enum[0];
}

function discriminator(branches: Json[], defs: Definitions): string | undefined {
  const first = branches[0];
  let node = first;
  for (let name = refOf(node); name !== undefined; name = refOf(node)) node = defs[name] ?? false;
  if (!isObject(node) || !isObject(node.properties)) return undefined;
  for (const tag of Object.keys(node.properties)) {
    const values = branches.map((b) => tagValue(b, tag, defs));
    if (values.some((v) => v === undefined)) continue;
    if (new Set(values.map((v) => JSON.stringify(v))).size === values.length) return tag;
  }
  return undefined;
}

/**
 * Rule 8: a union whose members are objects told apart by a required
 * single-valued tag property (a tagged union) is written `oneOf`, as upstream
 * does. Because the tags differ, `oneOf` and `anyOf` accept the same values.
 */
export function taggedUnionsToOneOf(defs: Definitions): Definitions {
  return mapDefinitions(defs, (n) => {
    if (!isObject(n) || !Array.isArray(n.anyOf) || n.anyOf.length < 2) return n;
    if (!discriminator(n.anyOf, defs)) return n;
    const { anyOf, ...rest } = n;
    return { ...rest, oneOf: anyOf };
  });
}

/** Options for {@link postProcess}. */
export interface PostProcessOptions {
  /**
   * Apply rule 9 (`option-fields.ts`: a required property whose type includes `null` is not
   * required in the schema) and the schema-only tags of rule 1b (`@nullableInSchema`, `@schemaName`,
   * `@untypedInSchema`). Default `true`; the round-trip test turns it off to get a schema that states
   * exactly what the TypeScript says.
   */
  optionRule?: boolean;
}

/**
 * Runs rules 1–9 (1c, then 1b, which lives in `source-refs.ts`; 9 before 7) in order on
 * typescript-json-schema's definitions.
 */
export function postProcess(
  defs: Definitions,
  model: Pick<ProtocolModel, 'memberFormats' | 'types' | 'program'>,
  options: PostProcessOptions = {},
): Definitions {
  let out = inlineHelperDefinitions(defs, new Set(model.types.keys()));
  out = mergeIntersections(out);
  out = restoreSourceRefs(out, model, { schemaTags: options.optionRule !== false });
  out = inlineJsonValue(out);
  out = collapseAnything(out);
  out = applyMemberFormats(out, model);
  out = applyIntegerFormats(out);
  out = constToEnum(out);
  out = normaliseNullable(out);
  out = collapseAnything(out);
  out = options.optionRule === false ? stripSchemaRequired(out) : optionFieldsNotRequired(out);
  out = wrapAnnotatedRefs(out);
  out = taggedUnionsToOneOf(out);
  return out;
}
