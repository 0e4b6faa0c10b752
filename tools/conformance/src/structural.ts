import { resolveRef, type SchemaBundle } from './bundle.js';
import { isObject, preview, type JsonObject, type JsonValue } from './json.js';
import { mergeSchemaNodes, unionSiblings } from './merge.js';

/** One structural difference between our schema and upstream's at a location. */
export interface StructuralDifference {
  /** Location, e.g. `ThreadStartParams.cwd` or `ThreadItem[type=agentMessage].text`. */
  readonly path: string;
  /** What differs, in words, with both sides' values. */
  readonly message: string;
}

/**
 * One alternative of a (possibly union-typed) schema node, after flattening `type` arrays, `anyOf`/`oneOf`, single
 * element `allOf` and enum values of mixed types.
 */
type Alt =
  | { kind: 'ref'; ref: string; name: string }
  | { kind: 'any' }
  | { kind: 'null' }
  | { kind: 'boolean'; enum?: Set<boolean> }
  | { kind: 'string'; enum?: Set<string>; minLength?: number; maxLength?: number; format?: string; pattern?: string }
  | { kind: 'numeric'; integer: boolean; enum?: Set<number>; format?: string; minimum?: number; maximum?: number }
  | { kind: 'object'; node: JsonObject }
  | { kind: 'array'; node: JsonObject };

const TYPE_NAMES = ['null', 'boolean', 'string', 'integer', 'number', 'object', 'array'] as const;

interface Side {
  readonly bundle: SchemaBundle;
}

/** Context of one definition comparison: guards against cycles through differently-named refs. */
interface Ctx {
  readonly ours: Side;
  readonly up: Side;
  readonly diffs: StructuralDifference[];
  readonly expanded: Set<string>;
  readonly limit: number;
}

/**
 * Compares two schema nodes structurally: required sets, property name sets, `additionalProperties: false`, enum sets,
 * integer vs number, integer formats and bounds, array items and union variants (tagged variants matched by tag value).
 * References to a definition with the same name on both sides are not descended into: that definition is compared on
 * its own.
 *
 * @param ours - our bundle and the node to compare
 * @param upstream - upstream's bundle and node
 * @param path - label of the location, used as prefix in differences
 * @param limit - stop after this many differences
 */
export function compareSchemas(
  ours: { bundle: SchemaBundle; schema: JsonValue },
  upstream: { bundle: SchemaBundle; schema: JsonValue },
  path: string,
  limit = 20,
): StructuralDifference[] {
  const ctx: Ctx = {
    ours: { bundle: ours.bundle },
    up: { bundle: upstream.bundle },
    diffs: [],
    expanded: new Set(),
    limit,
  };
  compareNodes(ctx, ours.schema, upstream.schema, path);
  return ctx.diffs;
}

function report(ctx: Ctx, path: string, message: string): void {
  if (ctx.diffs.length < ctx.limit) ctx.diffs.push({ path, message });
}

function compareNodes(ctx: Ctx, ours: JsonValue, up: JsonValue, path: string): void {
  if (ctx.diffs.length >= ctx.limit) return;
  const oursAlts = flatten(ours, derefIn(ctx.ours.bundle));
  const upAlts = flatten(up, derefIn(ctx.up.bundle));
  compareAlternatives(ctx, oursAlts, upAlts, path);
}

/** Flattens a schema node into its alternatives (without resolving references). */
type Deref = (node: JsonValue) => JsonValue;

function flatten(node: JsonValue, deref: Deref): Alt[] {
  if (node === true || (isObject(node) && Object.keys(node).every((k) => !isStructuralKeyword(k))))
    return [{ kind: 'any' }];
  if (!isObject(node)) return node === false ? [] : [{ kind: 'any' }];
  if (typeof node['$ref'] === 'string') {
    const ref = node['$ref'];
    return [{ kind: 'ref', ref, name: ref.split('/').pop() ?? ref }];
  }
  const allOf = node['allOf'];
  if (Array.isArray(allOf)) {
    const { allOf: _a, ...rest } = node;
    const restAlts = Object.keys(rest).some(isStructuralKeyword) ? rest : null;
    // Upstream only uses single-element allOf (a $ref carrying a description); treat it as that element.
    if (allOf.length === 1 && !restAlts) return flatten(allOf[0] as JsonValue, deref);
    return [{ kind: 'object', node: { ...rest, allOf } }];
  }
  const union =
    (Array.isArray(node['anyOf']) ? node['anyOf'] : null) ?? (Array.isArray(node['oneOf']) ? node['oneOf'] : null);
  if (union) {
    const siblings = unionSiblings(node);
    if (!siblings) return union.flatMap((v) => flatten(v, deref));
    // Properties next to anyOf/oneOf apply to every branch: flatten the conjunction per branch.
    return union.flatMap((v) => flatten(mergeSchemaNodes(siblings, deref(v)), deref));
  }
  if ('const' in node) return altsFromEnum([node['const']], node);
  if (Array.isArray(node['enum'])) return altsFromEnum(node['enum'], node);
  const types = typeList(node);
  return types.map((t) => altForType(t, node));
}

function isStructuralKeyword(k: string): boolean {
  return [
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
    'minLength',
    'maxLength',
    'pattern',
    'not',
  ].includes(k);
}

function typeList(node: JsonObject): string[] {
  const t = node['type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  if ('properties' in node || 'required' in node || 'additionalProperties' in node) return ['object'];
  if ('items' in node) return ['array'];
  return [...TYPE_NAMES];
}

function num(node: JsonObject, key: string): number | undefined {
  const v = node[key];
  return typeof v === 'number' ? v : undefined;
}

function str(node: JsonObject, key: string): string | undefined {
  const v = node[key];
  return typeof v === 'string' ? v : undefined;
}

function altForType(t: string, node: JsonObject): Alt {
  switch (t) {
    case 'null':
      return { kind: 'null' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'string':
      return {
        kind: 'string',
        ...opt('minLength', num(node, 'minLength')),
        ...opt('maxLength', num(node, 'maxLength')),
        ...opt('format', str(node, 'format')),
        ...opt('pattern', str(node, 'pattern')),
      };
    case 'integer':
    case 'number':
      return {
        kind: 'numeric',
        integer: t === 'integer',
        ...opt('format', str(node, 'format')),
        ...opt('minimum', num(node, 'minimum')),
        ...opt('maximum', num(node, 'maximum')),
      };
    case 'object':
      return { kind: 'object', node };
    case 'array':
      return { kind: 'array', node };
    default:
      return { kind: 'any' };
  }
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function altsFromEnum(values: JsonValue[], node: JsonObject): Alt[] {
  const declared = new Set(typeList(node));
  const alts: Alt[] = [];
  const strings = values.filter((v): v is string => typeof v === 'string');
  const numbers = values.filter((v): v is number => typeof v === 'number');
  const bools = values.filter((v): v is boolean => typeof v === 'boolean');
  if (strings.length && declared.has('string'))
    alts.push({ ...(altForType('string', node) as Alt & { kind: 'string' }), enum: new Set(strings) });
  if (numbers.length && (declared.has('number') || declared.has('integer'))) {
    const base = altForType(declared.has('integer') && !declared.has('number') ? 'integer' : 'number', node);
    alts.push({ ...(base as Alt & { kind: 'numeric' }), enum: new Set(numbers) });
  }
  if (bools.length && declared.has('boolean')) alts.push({ kind: 'boolean', enum: new Set(bools) });
  if (values.includes(null) && declared.has('null')) alts.push({ kind: 'null' });
  return alts;
}

/** Merges scalar alternatives of the same kind (e.g. one documented string-enum variant per value) into one. */
function mergeScalars(alts: Alt[]): Alt[] {
  const out: Alt[] = [];
  const byKind = new Map<string, Alt>();
  for (const alt of alts) {
    if (alt.kind === 'object' || alt.kind === 'array' || alt.kind === 'ref') {
      out.push(alt);
      continue;
    }
    const key = alt.kind === 'numeric' ? `numeric` : alt.kind;
    const prev = byKind.get(key);
    if (!prev) {
      byKind.set(key, alt);
      out.push(alt);
      continue;
    }
    if ((prev.kind === 'string' && alt.kind === 'string') || (prev.kind === 'boolean' && alt.kind === 'boolean')) {
      const merged = prev.enum && alt.enum ? new Set<string | boolean>([...prev.enum, ...alt.enum]) : undefined;
      const next = { ...prev, ...alt, enum: merged } as Alt;
      if (!merged) delete (next as { enum?: unknown }).enum;
      out[out.indexOf(prev)] = next;
      byKind.set(key, next);
    } else if (prev.kind === 'numeric' && alt.kind === 'numeric') {
      const merged = prev.enum && alt.enum ? new Set([...prev.enum, ...alt.enum]) : undefined;
      const next: Alt = { ...prev, integer: prev.integer && alt.integer, enum: merged };
      if (!merged) delete (next as { enum?: unknown }).enum;
      out[out.indexOf(prev)] = next;
      byKind.set(key, next);
    }
    // null/any: duplicates collapse.
  }
  return out;
}

/** Single-value enum/const of a property schema (inline only), used to recognise union tags. */
function singleValue(schema: JsonValue | undefined): string | undefined {
  if (!isObject(schema)) return undefined;
  if (typeof schema['const'] === 'string') return schema['const'];
  const e = schema['enum'];
  if (Array.isArray(e) && e.length === 1 && typeof e[0] === 'string') return e[0];
  return undefined;
}

/** Picks the tag property of a set of object variants: single-valued in all of them, with the most distinct values. */
function findTag(objects: JsonObject[]): string | undefined {
  if (objects.length < 2) return undefined;
  const props = objects.map((o) => (isObject(o['properties']) ? o['properties'] : {}));
  const candidates = Object.keys(props[0] ?? {}).filter((k) => props.every((p) => singleValue(p[k]) !== undefined));
  let best: string | undefined;
  let bestCount = 1;
  for (const c of candidates.sort((a, b) => rankTag(a) - rankTag(b))) {
    const count = new Set(props.map((p) => singleValue(p[c]))).size;
    if (count > bestCount) {
      best = c;
      bestCount = count;
    }
  }
  return best;
}

function rankTag(name: string): number {
  const preferred = ['type', 'method', 'kind', 'mode', 'status'];
  const i = preferred.indexOf(name);
  return i === -1 ? preferred.length : i;
}

/** Keys alternatives for matching across sides. */
function keyAlternatives(alts: Alt[]): Map<string, Alt> {
  const keyed = new Map<string, Alt>();
  const objects = alts.filter((a): a is Alt & { kind: 'object' } => a.kind === 'object');
  const tag = findTag(objects.map((o) => o.node));
  const tagCounts = new Map<string | undefined, number>();
  for (const o of objects) {
    const props = isObject(o.node['properties']) ? o.node['properties'] : {};
    const tv = tag ? singleValue(props[tag]) : undefined;
    tagCounts.set(tv, (tagCounts.get(tv) ?? 0) + 1);
  }
  let objIndex = 0;
  let arrIndex = 0;
  for (const alt of alts) {
    let key: string;
    switch (alt.kind) {
      case 'ref':
        key = `ref:${alt.name}`;
        break;
      case 'object': {
        const props = isObject(alt.node['properties']) ? alt.node['properties'] : {};
        const tv = tag ? singleValue(props[tag]) : undefined;
        key = tag && tv !== undefined ? `object[${tag}=${tv}]` : objects.length === 1 ? 'object' : `object#${objIndex}`;
        if (tag && tv !== undefined && (tagCounts.get(tv) ?? 0) > 1) {
          // Several variants share the tag value (a union nested under one tag): tell them apart by required names.
          const req = Array.isArray(alt.node['required'])
            ? [...(alt.node['required'] as string[])].sort().join(',')
            : '';
          key = `object[${tag}=${tv}; required=${req}]`;
        }
        objIndex++;
        break;
      }
      case 'array':
        key = arrIndex === 0 ? 'array' : `array#${arrIndex}`;
        arrIndex++;
        break;
      default:
        key = alt.kind;
    }
    keyed.set(keyed.has(key) ? `${key}~${keyed.size}` : key, alt);
  }
  return keyed;
}

function expandRef(ctx: Ctx, side: 'ours' | 'up', alt: Alt & { kind: 'ref' }): Alt[] {
  const bundle = side === 'ours' ? ctx.ours.bundle : ctx.up.bundle;
  return flatten(resolveRef(bundle, alt.ref).schema, derefIn(bundle));
}

function derefIn(bundle: SchemaBundle): Deref {
  return (node) => {
    let n = node;
    for (let i = 0; i < 16 && isObject(n) && typeof n['$ref'] === 'string'; i++)
      n = resolveRef(bundle, n['$ref']).schema;
    return n;
  };
}

function compareAlternatives(ctx: Ctx, oursIn: Alt[], upIn: Alt[], path: string): void {
  let ours = oursIn;
  let up = upIn;
  // Same-named references on both sides are equal here (each definition is compared on its own). Unmatched
  // references are expanded and matched by content, a bounded number of times.
  for (let round = 0; round < 8; round++) {
    const oursRefs = new Set(ours.filter((a) => a.kind === 'ref').map((a) => (a as { name: string }).name));
    const upRefs = new Set(up.filter((a) => a.kind === 'ref').map((a) => (a as { name: string }).name));
    const lonelyOurs = ours.filter((a): a is Alt & { kind: 'ref' } => a.kind === 'ref' && !upRefs.has(a.name));
    const lonelyUp = up.filter((a): a is Alt & { kind: 'ref' } => a.kind === 'ref' && !oursRefs.has(a.name));
    if (!lonelyOurs.length && !lonelyUp.length) break;
    const guard = `${path}|${lonelyOurs.map((a) => a.name).join(',')}|${lonelyUp.map((a) => a.name).join(',')}`;
    if (ctx.expanded.has(guard)) break;
    ctx.expanded.add(guard);
    ours = ours.flatMap((a) =>
      lonelyOurs.includes(a as never) ? expandRef(ctx, 'ours', a as Alt & { kind: 'ref' }) : [a],
    );
    up = up.flatMap((a) => (lonelyUp.includes(a as never) ? expandRef(ctx, 'up', a as Alt & { kind: 'ref' }) : [a]));
  }
  const oursKeyed = keyAlternatives(mergeScalars(ours));
  const upKeyed = keyAlternatives(mergeScalars(up));
  const single = oursKeyed.size === 1 && upKeyed.size === 1;
  for (const [key, alt] of oursKeyed) {
    const other = upKeyed.get(key);
    if (!other) {
      report(
        ctx,
        path,
        `variant ${key} is in ours but not upstream (upstream variants: ${[...upKeyed.keys()].join(', ') || 'none'})`,
      );
      continue;
    }
    compareAlt(ctx, alt, other, single ? path : `${path}<${key}>`);
  }
  for (const key of upKeyed.keys()) {
    if (!oursKeyed.has(key)) {
      report(
        ctx,
        path,
        `variant ${key} is upstream but not in ours (our variants: ${[...oursKeyed.keys()].join(', ') || 'none'})`,
      );
    }
  }
}

function setText(s: Set<unknown> | undefined): string {
  return s
    ? `[${[...s]
        .map((v) => JSON.stringify(v))
        .sort()
        .join(', ')}]`
    : '(no enum)';
}

function sameSet(a: Set<unknown> | undefined, b: Set<unknown> | undefined): boolean {
  if (!a || !b) return a === b;
  return a.size === b.size && [...a].every((v) => b.has(v));
}

function compareAlt(ctx: Ctx, ours: Alt, up: Alt, path: string): void {
  switch (ours.kind) {
    case 'ref':
    case 'any':
    case 'null':
      return;
    case 'boolean': {
      const u = up as typeof ours;
      if (!sameSet(ours.enum, u.enum))
        report(ctx, path, `boolean enum differs: ours ${setText(ours.enum)}, upstream ${setText(u.enum)}`);
      return;
    }
    case 'string': {
      const u = up as typeof ours;
      if (!sameSet(ours.enum, u.enum)) {
        const [mine, theirs] = [ours.enum, u.enum];
        const onlyOurs = mine && theirs ? [...mine].filter((v) => !theirs.has(v)) : [];
        const onlyUp = mine && theirs ? [...theirs].filter((v) => !mine.has(v)) : [];
        const detail =
          ours.enum && u.enum ? ` (only ours: ${preview(onlyOurs)}, only upstream: ${preview(onlyUp)})` : '';
        report(ctx, path, `string enum differs: ours ${setText(ours.enum)}, upstream ${setText(u.enum)}${detail}`);
      }
      for (const k of ['minLength', 'maxLength', 'format', 'pattern'] as const) {
        if (ours[k] !== u[k])
          report(ctx, path, `string ${k} differs: ours ${String(ours[k])}, upstream ${String(u[k])}`);
      }
      return;
    }
    case 'numeric': {
      const u = up as typeof ours;
      if (ours.integer !== u.integer) {
        report(
          ctx,
          path,
          `numeric type differs: ours ${ours.integer ? 'integer' : 'number'}, upstream ${u.integer ? 'integer' : 'number'}`,
        );
      }
      if (!sameSet(ours.enum, u.enum))
        report(ctx, path, `numeric enum differs: ours ${setText(ours.enum)}, upstream ${setText(u.enum)}`);
      for (const k of ['format', 'minimum', 'maximum'] as const) {
        if (ours[k] !== u[k]) report(ctx, path, `${k} differs: ours ${String(ours[k])}, upstream ${String(u[k])}`);
      }
      return;
    }
    case 'array': {
      const u = up as typeof ours;
      const oi = ours.node['items'];
      const ui = u.node['items'];
      if (Array.isArray(oi) || Array.isArray(ui)) {
        if (!Array.isArray(oi) || !Array.isArray(ui) || oi.length !== ui.length) {
          report(ctx, path, `tuple items differ: ours ${preview(oi, 80)}, upstream ${preview(ui, 80)}`);
          return;
        }
        oi.forEach((item, i) => compareNodes(ctx, item, ui[i] as JsonValue, `${path}[${i}]`));
        return;
      }
      for (const k of ['minItems', 'maxItems'] as const) {
        if (ours.node[k] !== u.node[k])
          report(ctx, path, `${k} differs: ours ${preview(ours.node[k])}, upstream ${preview(u.node[k])}`);
      }
      compareNodes(ctx, oi ?? true, ui ?? true, `${path}[]`);
      return;
    }
    case 'object':
      compareObjects(ctx, ours.node, (up as typeof ours).node, path);
      return;
  }
}

function compareObjects(ctx: Ctx, ours: JsonObject, up: JsonObject, path: string): void {
  if ('allOf' in ours || 'allOf' in up) {
    const oa = Array.isArray(ours['allOf']) ? ours['allOf'] : [];
    const ua = Array.isArray(up['allOf']) ? up['allOf'] : [];
    if (oa.length !== ua.length) report(ctx, path, `allOf differs: ours ${oa.length} parts, upstream ${ua.length}`);
    else oa.forEach((p, i) => compareNodes(ctx, p, ua[i] as JsonValue, `${path}&${i}`));
  }
  const op = isObject(ours['properties']) ? ours['properties'] : {};
  const uprops = isObject(up['properties']) ? up['properties'] : {};
  const oNames = Object.keys(op);
  const uNames = Object.keys(uprops);
  const onlyOurs = oNames.filter((n) => !(n in uprops));
  const onlyUp = uNames.filter((n) => !(n in op));
  if (onlyOurs.length || onlyUp.length) {
    report(ctx, path, `property names differ: only ours ${preview(onlyOurs)}, only upstream ${preview(onlyUp)}`);
  }
  const oReq = new Set(Array.isArray(ours['required']) ? (ours['required'] as string[]) : []);
  const uReq = new Set(Array.isArray(up['required']) ? (up['required'] as string[]) : []);
  if (!sameSet(oReq, uReq)) {
    const more = [...oReq].filter((n) => !uReq.has(n));
    const less = [...uReq].filter((n) => !oReq.has(n));
    report(
      ctx,
      path,
      `required differs: required only in ours ${preview(more)}, required only upstream ${preview(less)}`,
    );
  }
  const oAp = ours['additionalProperties'];
  const uAp = up['additionalProperties'];
  if ((oAp === false) !== (uAp === false)) {
    report(
      ctx,
      path,
      `additionalProperties:false differs: ours ${preview(oAp ?? '(absent)')}, upstream ${preview(uAp ?? '(absent)')}`,
    );
  } else if (isObject(oAp) || isObject(uAp)) {
    if (!isObject(oAp) || !isObject(uAp)) {
      report(
        ctx,
        path,
        `additionalProperties differs: ours ${preview(oAp ?? '(absent)', 80)}, upstream ${preview(uAp ?? '(absent)', 80)}`,
      );
    } else {
      compareNodes(ctx, oAp, uAp, `${path}{*}`);
    }
  }
  for (const name of oNames) {
    if (name in uprops) compareNodes(ctx, op[name] as JsonValue, uprops[name] as JsonValue, `${path}.${name}`);
  }
}
