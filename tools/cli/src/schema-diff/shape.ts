/**
 * Normalising one schema node into its alternatives: the set of JSON kinds it allows (with their enums, formats and
 * bounds), its `$ref` alternatives, its object alternatives (union variants) and its array alternative. `type` arrays,
 * `anyOf`/`oneOf`, `allOf`, `enum`/`const` and properties written next to a union all end up in one {@link Shape}.
 * @module
 */
import { isObject, type Json, type JsonObject } from './json.js';

/** A string alternative. `enum` undefined: any string. */
export interface StringAlt {
  enum?: Set<string>;
  /** Every listed string value, kept even when another alternative accepts any string (`enum` then undefined). */
  known?: Set<string>;
  format?: string;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

/** A numeric alternative: `integer` false means any number. */
export interface NumericAlt {
  integer: boolean;
  enum?: Set<number>;
  format?: string;
  minimum?: number;
  maximum?: number;
}

/** An object alternative (one variant of a union, or the only object). */
export interface ObjectAlt {
  /** The node as written (for annotations and the variant's title). */
  readonly node: JsonObject;
  readonly properties: ReadonlyMap<string, Json>;
  readonly required: ReadonlySet<string>;
  /** `additionalProperties`: undefined when absent (allowed). */
  readonly additional: Json | undefined;
}

/** An array alternative. */
export interface ArrayAlt {
  items: Json | undefined;
  minItems?: number;
  maxItems?: number;
}

/** Everything one node allows. */
export interface Shape {
  /** Allows any value (no structural keyword at all). */
  any: boolean;
  nullable: boolean;
  /** `$ref` alternatives: definition key (or the raw ref when unresolved) → the ref string. */
  refs: Map<string, string>;
  boolean: boolean;
  string?: StringAlt;
  numeric?: NumericAlt;
  objects: ObjectAlt[];
  array?: ArrayAlt;
}

/** Resolves a `$ref` to its definition key and schema on one side. */
export interface Resolver {
  key(ref: string): string | undefined;
  get(key: string): Json | undefined;
}

const STRUCTURAL = new Set([
  'type',
  '$ref',
  'anyOf',
  'oneOf',
  'allOf',
  'enum',
  'const',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'not',
]);

/** Keywords that only annotate: their changes are reported as description-only. */
export const ANNOTATIONS = [
  'description',
  'title',
  'default',
  'examples',
  'deprecated',
  '$comment',
  'markdownDescription',
] as const;

/** How deep `allOf` members and union branches are expanded before giving up (guards self-referring schemas). */
const MAX_DEPTH = 16;

function emptyShape(): Shape {
  return { any: false, nullable: false, refs: new Map(), boolean: false, objects: [] };
}

/**
 * Normalises `node` into a {@link Shape}. References are kept as references (not followed), except inside `allOf`
 * with more than one member and for union branches that properties next to the union apply to.
 */
export function shapeOf(node: Json | undefined, resolver: Resolver): Shape {
  const shape = emptyShape();
  addNode(shape, node, resolver, 0);
  return shape;
}

function addNode(shape: Shape, node: Json | undefined, resolver: Resolver, depth: number): void {
  if (node === undefined || node === true) {
    shape.any = true;
    return;
  }
  if (node === false) return;
  if (!isObject(node)) {
    shape.any = true;
    return;
  }
  if (!Object.keys(node).some((k) => STRUCTURAL.has(k))) {
    shape.any = true;
    return;
  }
  const ref = node['$ref'];
  if (typeof ref === 'string') {
    shape.refs.set(resolver.key(ref) ?? ref, ref);
    return;
  }
  const allOf = node['allOf'];
  if (Array.isArray(allOf)) {
    const { allOf: _allOf, ...rest } = node;
    const restStructural = Object.keys(rest).some((k) => STRUCTURAL.has(k));
    if (allOf.length === 1 && !restStructural) {
      addNode(shape, allOf[0], resolver, depth);
      return;
    }
    if (depth > MAX_DEPTH) {
      // A conjunction that keeps referring to itself: stop expanding and treat it as unconstrained.
      shape.any = true;
      return;
    }
    let merged: JsonObject = rest;
    for (const member of allOf) merged = mergeNodes(merged, deref(member, resolver));
    addNode(shape, merged, resolver, depth + 1);
    return;
  }
  const union = Array.isArray(node['oneOf']) ? node['oneOf'] : Array.isArray(node['anyOf']) ? node['anyOf'] : undefined;
  if (union) {
    const siblings = siblingsOf(node);
    for (const branch of union) {
      if (siblings && depth < MAX_DEPTH)
        addNode(shape, mergeNodes(siblings, deref(branch, resolver)), resolver, depth + 1);
      else addNode(shape, branch, resolver, depth + 1);
    }
    return;
  }
  if ('const' in node) {
    addEnum(shape, [node['const'] ?? null], node);
    return;
  }
  const values = node['enum'];
  if (Array.isArray(values)) {
    addEnum(shape, values, node);
    return;
  }
  for (const t of typeList(node)) addType(shape, t, node);
}

/** Properties/required written next to a union apply to each branch; returns them, or undefined when there are none. */
function siblingsOf(node: JsonObject): JsonObject | undefined {
  const out: JsonObject = {};
  for (const k of ['properties', 'required', 'additionalProperties'])
    if (node[k] !== undefined) out[k] = node[k] ?? null;
  return Object.keys(out).length > 0 ? out : undefined;
}

function deref(node: Json | undefined, resolver: Resolver): Json {
  if (isObject(node) && typeof node['$ref'] === 'string') {
    const key = resolver.key(node['$ref']);
    const target = key !== undefined ? resolver.get(key) : undefined;
    if (target !== undefined) return target;
  }
  return node ?? true;
}

/** Conjunction of two object-ish nodes: properties merged, required united. Other keywords: the second wins. */
function mergeNodes(a: JsonObject, b: Json): JsonObject {
  if (!isObject(b)) return a;
  const out: JsonObject = { ...a, ...b };
  const pa = a['properties'];
  const pb = b['properties'];
  if (isObject(pa) || isObject(pb)) out['properties'] = { ...(isObject(pa) ? pa : {}), ...(isObject(pb) ? pb : {}) };
  const ra = a['required'];
  const rb = b['required'];
  if (Array.isArray(ra) || Array.isArray(rb))
    out['required'] = [...new Set([...(Array.isArray(ra) ? ra : []), ...(Array.isArray(rb) ? rb : [])])];
  return out;
}

function typeList(node: JsonObject): string[] {
  const t = node['type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  if ('properties' in node || 'required' in node || 'additionalProperties' in node) return ['object'];
  if ('items' in node) return ['array'];
  if ('format' in node || 'minimum' in node || 'maximum' in node) return ['number'];
  if ('minLength' in node || 'maxLength' in node || 'pattern' in node) return ['string'];
  return ['null', 'boolean', 'string', 'number', 'object', 'array'];
}

function num(node: JsonObject, key: string): number | undefined {
  const v = node[key];
  return typeof v === 'number' ? v : undefined;
}

function str(node: JsonObject, key: string): string | undefined {
  const v = node[key];
  return typeof v === 'string' ? v : undefined;
}

function stringAlt(node: JsonObject): StringAlt {
  const alt: StringAlt = {};
  const format = str(node, 'format');
  if (format !== undefined) alt.format = format;
  const minLength = num(node, 'minLength');
  if (minLength !== undefined) alt.minLength = minLength;
  const maxLength = num(node, 'maxLength');
  if (maxLength !== undefined) alt.maxLength = maxLength;
  const pattern = str(node, 'pattern');
  if (pattern !== undefined) alt.pattern = pattern;
  return alt;
}

function numericAlt(node: JsonObject, integer: boolean): NumericAlt {
  const alt: NumericAlt = { integer };
  const format = str(node, 'format');
  if (format !== undefined) alt.format = format;
  const minimum = num(node, 'minimum') ?? num(node, 'exclusiveMinimum');
  if (minimum !== undefined) alt.minimum = minimum;
  const maximum = num(node, 'maximum') ?? num(node, 'exclusiveMaximum');
  if (maximum !== undefined) alt.maximum = maximum;
  return alt;
}

function addString(shape: Shape, alt: StringAlt): void {
  const prev = shape.string;
  if (!prev) {
    shape.string = { ...alt, ...(alt.enum ? { known: new Set(alt.enum) } : {}) };
    return;
  }
  if (alt.enum) {
    prev.known ??= new Set();
    for (const v of alt.enum) prev.known.add(v);
  }
  // Several string alternatives: an enum survives only if every alternative has one.
  if (prev.enum && alt.enum) for (const v of alt.enum) prev.enum.add(v);
  else delete prev.enum;
}

function addNumeric(shape: Shape, alt: NumericAlt): void {
  const prev = shape.numeric;
  if (!prev) {
    shape.numeric = alt;
    return;
  }
  prev.integer = prev.integer && alt.integer;
  if (prev.enum && alt.enum) for (const v of alt.enum) prev.enum.add(v);
  else delete prev.enum;
}

function addType(shape: Shape, t: string, node: JsonObject): void {
  switch (t) {
    case 'null':
      shape.nullable = true;
      return;
    case 'boolean':
      shape.boolean = true;
      return;
    case 'string':
      addString(shape, stringAlt(node));
      return;
    case 'integer':
    case 'number':
      addNumeric(shape, numericAlt(node, t === 'integer'));
      return;
    case 'object': {
      const props = node['properties'];
      const required = node['required'];
      shape.objects.push({
        node,
        properties: new Map(isObject(props) ? Object.entries(props) : []),
        required: new Set(Array.isArray(required) ? required.filter((r): r is string => typeof r === 'string') : []),
        additional: node['additionalProperties'],
      });
      return;
    }
    case 'array': {
      const alt: ArrayAlt = { items: node['items'] };
      const minItems = num(node, 'minItems');
      if (minItems !== undefined) alt.minItems = minItems;
      const maxItems = num(node, 'maxItems');
      if (maxItems !== undefined) alt.maxItems = maxItems;
      shape.array = alt;
      return;
    }
    default:
      shape.any = true;
  }
}

function addEnum(shape: Shape, values: Json[], node: JsonObject): void {
  const declared = 'type' in node ? new Set(typeList(node)) : undefined;
  const allows = (t: string) =>
    declared === undefined || declared.has(t) || (t === 'number' && declared.has('integer'));
  const strings = values.filter((v): v is string => typeof v === 'string');
  const numbers = values.filter((v): v is number => typeof v === 'number');
  if (strings.length > 0 && allows('string')) addString(shape, { ...stringAlt(node), enum: new Set(strings) });
  if (numbers.length > 0 && allows('number'))
    addNumeric(shape, { ...numericAlt(node, numbers.every(Number.isInteger)), enum: new Set(numbers) });
  if (values.some((v) => typeof v === 'boolean') && allows('boolean')) shape.boolean = true;
  if (values.includes(null)) shape.nullable = true;
}

/**
 * Expands the `$ref` alternatives of a shape into the shapes of their targets (used when one side has a reference
 * where the other has an inline schema).
 */
export function expandRefs(shape: Shape, resolver: Resolver): Shape {
  const out: Shape = {
    ...shape,
    refs: new Map(),
    objects: [...shape.objects],
    ...(shape.string
      ? {
          string: {
            ...shape.string,
            ...(shape.string.enum ? { enum: new Set(shape.string.enum) } : {}),
            ...(shape.string.known ? { known: new Set(shape.string.known) } : {}),
          },
        }
      : {}),
  };
  for (const [key, ref] of shape.refs) {
    const target = resolver.get(key);
    if (target === undefined) out.refs.set(key, ref);
    else addNode(out, target, resolver, 1);
  }
  return out;
}
