/**
 * Structural comparison of two schema nodes (old and new): which values each allows, field by field, member by
 * member, variant by variant. References to a definition of the same name on both sides are not followed (that
 * definition is compared once, on its own); a reference that now points at another definition is compared inline.
 * The result is a list of raw changes, each with its effect on the set of allowed values; what that breaks depends
 * on the direction the value travels and is decided in `impact.ts`.
 * @module
 */
import { canonical, isObject, type Json, type JsonObject } from './json.js';
import { singleString } from './load.js';
import {
  ANNOTATIONS,
  expandRefs,
  shapeOf,
  type NumericAlt,
  type ObjectAlt,
  type Resolver,
  type Shape,
} from './shape.js';
import type { ChangeKind } from './types.js';

/**
 * How a change moves the set of allowed values: grows, shrinks, or both; `listed` when it does not move at all
 * (a value now listed by name that an open alternative, e.g. any string, already accepted).
 */
export type Effect = 'widened' | 'narrowed' | 'changed' | 'listed';

/** One change before it is attributed to methods and directions. */
export interface RawChange {
  readonly kind: ChangeKind;
  readonly location: string;
  readonly definition: string | null;
  readonly detail: string;
  readonly effect: Effect;
  /** Field changes: the field, whether it is required (on the side that has it), whether the object is closed. */
  readonly field?: { readonly name: string; readonly required: boolean; readonly closed: boolean };
}

/** An annotation-only change. */
export interface RawAnnotation {
  readonly location: string;
  readonly definition: string | null;
  readonly keywords: readonly string[];
}

/** State of one comparison run. */
export interface CompareContext {
  readonly old: Resolver;
  readonly new: Resolver;
  readonly changes: RawChange[];
  readonly annotations: RawAnnotation[];
  /** Pairs of definitions being compared inline (guards recursion). */
  readonly expanding: Set<string>;
}

/** Creates an empty comparison context. */
export function compareContext(oldSide: Resolver, newSide: Resolver): CompareContext {
  return { old: oldSide, new: newSide, changes: [], annotations: [], expanding: new Set() };
}

/**
 * Compares `oldNode` with `newNode` and appends the changes found to `ctx`.
 *
 * @param location - label of the place, e.g. `ThreadStartParams` or `turn/start params`
 * @param definition - the definition the place is in (null for a method's inline schema)
 */
export function compareNodes(
  ctx: CompareContext,
  oldNode: Json | undefined,
  newNode: Json | undefined,
  location: string,
  definition: string | null,
): void {
  compareAnnotations(ctx, oldNode, newNode, location, definition);
  const a = shapeOf(oldNode, ctx.old);
  const b = shapeOf(newNode, ctx.new);
  compareShapes(ctx, a, b, location, definition);
}

/** Records which annotation keywords differ between two nodes. */
export function compareAnnotations(
  ctx: CompareContext,
  oldNode: Json | undefined,
  newNode: Json | undefined,
  location: string,
  definition: string | null,
): void {
  const a = isObject(oldNode) ? oldNode : {};
  const b = isObject(newNode) ? newNode : {};
  const keywords = ANNOTATIONS.filter((k) => canonical(a[k]) !== canonical(b[k]));
  if (keywords.length > 0) ctx.annotations.push({ location, definition, keywords });
}

function push(
  ctx: CompareContext,
  location: string,
  definition: string | null,
  kind: ChangeKind,
  effect: Effect,
  detail: string,
  field?: RawChange['field'],
): void {
  ctx.changes.push({ kind, location, definition, detail, effect, ...(field ? { field } : {}) });
}

function describeKinds(s: Shape): string {
  const parts: string[] = [];
  if (s.any) return 'any value';
  for (const key of s.refs.keys()) parts.push(key.replace(/^v2\//, ''));
  if (s.boolean) parts.push('boolean');
  if (s.string) parts.push(s.string.enum ? [...s.string.enum].map((v) => JSON.stringify(v)).join('|') : 'string');
  if (s.numeric) parts.push(s.numeric.integer ? `integer${s.numeric.format ? `(${s.numeric.format})` : ''}` : 'number');
  if (s.objects.length > 0) parts.push(s.objects.length > 1 ? `object (${s.objects.length} variants)` : 'object');
  if (s.array) parts.push('array');
  if (s.nullable) parts.push('null');
  return parts.length > 0 ? parts.join(' | ') : 'nothing';
}

function compareShapes(ctx: CompareContext, a: Shape, b: Shape, location: string, definition: string | null): void {
  if (a.any || b.any) {
    if (a.any && !b.any)
      push(
        ctx,
        location,
        definition,
        'type-narrowed',
        'narrowed',
        `type narrowed from any value to ${describeKinds(b)}`,
      );
    else if (!a.any && b.any)
      push(ctx, location, definition, 'type-widened', 'widened', `type widened from ${describeKinds(a)} to any value`);
    return;
  }
  if (a.nullable && !b.nullable) push(ctx, location, definition, 'non-nullable', 'narrowed', 'no longer accepts null');
  if (!a.nullable && b.nullable) push(ctx, location, definition, 'nullable', 'widened', 'now accepts null');

  // References: same key on both sides is compared as a definition on its own.
  const removed = [...a.refs.keys()].filter((k) => !b.refs.has(k));
  const added = [...b.refs.keys()].filter((k) => !a.refs.has(k));
  if (a.refs.size === 1 && b.refs.size === 1 && removed[0] !== undefined && added[0] !== undefined) {
    compareRetarget(ctx, removed[0], added[0], location, definition);
  } else if (removed.length + added.length > 0) {
    const aHasOther = hasNonRef(a);
    const bHasOther = hasNonRef(b);
    if (a.refs.size > 0 && b.refs.size > 0) {
      for (const key of removed)
        push(ctx, location, definition, 'variant-removed', 'narrowed', `variant ${plain(key)} removed`);
      for (const key of added)
        push(ctx, location, definition, 'variant-added', 'widened', `variant ${plain(key)} added`);
    } else if (a.refs.size > 0 && bHasOther) {
      // A reference became an inline schema: compare the target inline.
      compareKinds(ctx, expandRefs(a, ctx.old), b, location, definition);
      return;
    } else if (b.refs.size > 0 && aHasOther) {
      compareKinds(ctx, a, expandRefs(b, ctx.new), location, definition);
      return;
    } else {
      for (const key of removed)
        push(ctx, location, definition, 'type-narrowed', 'narrowed', `no longer accepts ${plain(key)}`);
      for (const key of added)
        push(ctx, location, definition, 'type-widened', 'widened', `now also accepts ${plain(key)}`);
    }
  }
  compareKinds(ctx, a, b, location, definition);
}

function plain(key: string): string {
  return key.replace(/^v2\//, '');
}

function hasNonRef(s: Shape): boolean {
  return (
    s.boolean || s.string !== undefined || s.numeric !== undefined || s.objects.length > 0 || s.array !== undefined
  );
}

/** A reference now points at another definition: compare the two definitions inline, once per pair. */
function compareRetarget(
  ctx: CompareContext,
  oldKey: string,
  newKey: string,
  location: string,
  definition: string | null,
): void {
  const pair = `${oldKey}\u0000${newKey}`;
  if (ctx.expanding.has(pair)) return;
  const oldTarget = ctx.old.get(oldKey);
  const newTarget = ctx.new.get(newKey);
  if (oldTarget === undefined || newTarget === undefined) {
    push(
      ctx,
      location,
      definition,
      'type-changed',
      'changed',
      `type changed from ${plain(oldKey)} to ${plain(newKey)}`,
    );
    return;
  }
  ctx.expanding.add(pair);
  compareShapes(ctx, shapeOf(oldTarget, ctx.old), shapeOf(newTarget, ctx.new), location, definition);
  ctx.expanding.delete(pair);
}

function compareKinds(ctx: CompareContext, a: Shape, b: Shape, location: string, definition: string | null): void {
  if (a.boolean !== b.boolean)
    push(
      ctx,
      location,
      definition,
      a.boolean ? 'type-narrowed' : 'type-widened',
      a.boolean ? 'narrowed' : 'widened',
      a.boolean ? 'no longer accepts booleans' : 'now also accepts booleans',
    );
  compareStrings(ctx, a, b, location, definition);
  compareNumerics(ctx, a.numeric, b.numeric, location, definition);
  compareObjects(ctx, a.objects, b.objects, location, definition);
  if (a.array && b.array) {
    compareBounds(
      ctx,
      location,
      definition,
      'items',
      a.array.minItems,
      b.array.minItems,
      a.array.maxItems,
      b.array.maxItems,
    );
    compareNodes(ctx, a.array.items, b.array.items, `${location}[]`, definition);
  } else if (a.array || b.array)
    push(
      ctx,
      location,
      definition,
      a.array ? 'type-narrowed' : 'type-widened',
      a.array ? 'narrowed' : 'widened',
      a.array ? 'no longer accepts arrays' : 'now also accepts arrays',
    );
}

function compareStrings(ctx: CompareContext, a: Shape, b: Shape, location: string, definition: string | null): void {
  const sa = a.string;
  const sb = b.string;
  if (!sa && !sb) return;
  if (!sa || !sb) {
    const what = sa ? sa : sb;
    const desc = what?.enum
      ? `the string values ${[...what.enum].map((v) => JSON.stringify(v)).join(', ')}`
      : 'strings';
    push(
      ctx,
      location,
      definition,
      sa ? 'type-narrowed' : 'type-widened',
      sa ? 'narrowed' : 'widened',
      sa ? `no longer accepts ${desc}` : `now also accepts ${desc}`,
    );
    return;
  }
  if (sa.enum && sb.enum) {
    for (const v of sa.enum)
      if (!sb.enum.has(v))
        push(ctx, location, definition, 'enum-member-removed', 'narrowed', `enum member ${JSON.stringify(v)} removed`);
    for (const v of sb.enum)
      if (!sa.enum.has(v))
        push(ctx, location, definition, 'enum-member-added', 'widened', `enum member ${JSON.stringify(v)} added`);
  } else if (!sa.enum && !sb.enum && (sa.known || sb.known)) {
    const ka = sa.known ?? new Set<string>();
    const kb = sb.known ?? new Set<string>();
    for (const v of ka)
      if (!kb.has(v))
        push(
          ctx,
          location,
          definition,
          'enum-member-removed',
          'listed',
          `enum member ${JSON.stringify(v)} removed (still accepted as any string)`,
        );
    for (const v of kb)
      if (!ka.has(v))
        push(
          ctx,
          location,
          definition,
          'enum-member-added',
          'listed',
          `enum member ${JSON.stringify(v)} added (already accepted as any string)`,
        );
  } else if (sa.enum && !sb.enum) {
    push(
      ctx,
      location,
      definition,
      'type-widened',
      'widened',
      `any string accepted (was one of ${[...sa.enum].map((v) => JSON.stringify(v)).join(', ')})`,
    );
  } else if (!sa.enum && sb.enum) {
    push(
      ctx,
      location,
      definition,
      'type-narrowed',
      'narrowed',
      `restricted to ${[...sb.enum].map((v) => JSON.stringify(v)).join(', ')} (was any string)`,
    );
  }
  if (sa.format !== sb.format) {
    const effect: Effect = sa.format === undefined ? 'narrowed' : sb.format === undefined ? 'widened' : 'changed';
    push(
      ctx,
      location,
      definition,
      kindOf(effect),
      effect,
      `string format ${sa.format ?? '(none)'} → ${sb.format ?? '(none)'}`,
    );
  }
  if (sa.pattern !== sb.pattern) {
    const effect: Effect = sa.pattern === undefined ? 'narrowed' : sb.pattern === undefined ? 'widened' : 'changed';
    push(
      ctx,
      location,
      definition,
      kindOf(effect),
      effect,
      `string pattern ${sa.pattern ?? '(none)'} → ${sb.pattern ?? '(none)'}`,
    );
  }
  compareBounds(ctx, location, definition, 'length', sa.minLength, sb.minLength, sa.maxLength, sb.maxLength);
}

function kindOf(effect: Effect): ChangeKind {
  return effect === 'widened' ? 'type-widened' : effect === 'narrowed' ? 'type-narrowed' : 'type-changed';
}

function compareBounds(
  ctx: CompareContext,
  location: string,
  definition: string | null,
  what: string,
  minA: number | undefined,
  minB: number | undefined,
  maxA: number | undefined,
  maxB: number | undefined,
): void {
  const lo = (v: number | undefined) => v ?? -Infinity;
  const hi = (v: number | undefined) => v ?? Infinity;
  if (lo(minA) === lo(minB) && hi(maxA) === hi(maxB)) return;
  const effect = rangeEffect([lo(minA), hi(maxA)], [lo(minB), hi(maxB)]);
  push(
    ctx,
    location,
    definition,
    kindOf(effect),
    effect,
    `${what} bounds [${fmt(minA)}, ${fmt(maxA)}] → [${fmt(minB)}, ${fmt(maxB)}]`,
  );
}

function fmt(v: number | undefined): string {
  return v === undefined ? '…' : String(v);
}

function rangeEffect(a: readonly [number, number], b: readonly [number, number]): Effect {
  const bContainsA = b[0] <= a[0] && b[1] >= a[1];
  const aContainsB = a[0] <= b[0] && a[1] >= b[1];
  return bContainsA ? 'widened' : aContainsB ? 'narrowed' : 'changed';
}

/** Ranges of the integer and number formats the Codex schema uses (64-bit ones at their true width). */
const FORMAT_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  int8: [-(2 ** 7), 2 ** 7 - 1],
  int16: [-(2 ** 15), 2 ** 15 - 1],
  int32: [-(2 ** 31), 2 ** 31 - 1],
  int64: [-(2 ** 63), 2 ** 63 - 1],
  uint8: [0, 2 ** 8 - 1],
  uint16: [0, 2 ** 16 - 1],
  uint32: [0, 2 ** 32 - 1],
  uint64: [0, 2 ** 64 - 1],
  uint: [0, 2 ** 64 - 1],
  float: [-3.4028234663852886e38, 3.4028234663852886e38],
  double: [-Number.MAX_VALUE, Number.MAX_VALUE],
};

function numericRange(n: NumericAlt): [number, number] {
  const f = n.format !== undefined ? FORMAT_RANGES[n.format] : undefined;
  return [Math.max(f?.[0] ?? -Infinity, n.minimum ?? -Infinity), Math.min(f?.[1] ?? Infinity, n.maximum ?? Infinity)];
}

function compareNumerics(
  ctx: CompareContext,
  na: NumericAlt | undefined,
  nb: NumericAlt | undefined,
  location: string,
  definition: string | null,
): void {
  if (!na && !nb) return;
  if (!na || !nb) {
    push(
      ctx,
      location,
      definition,
      na ? 'type-narrowed' : 'type-widened',
      na ? 'narrowed' : 'widened',
      na ? 'no longer accepts numbers' : 'now also accepts numbers',
    );
    return;
  }
  if (na.enum && nb.enum) {
    for (const v of na.enum)
      if (!nb.enum.has(v))
        push(ctx, location, definition, 'enum-member-removed', 'narrowed', `enum member ${v} removed`);
    for (const v of nb.enum)
      if (!na.enum.has(v)) push(ctx, location, definition, 'enum-member-added', 'widened', `enum member ${v} added`);
    return;
  }
  const ra = numericRange(na);
  const rb = numericRange(nb);
  const sameRange = ra[0] === rb[0] && ra[1] === rb[1];
  if (na.integer === nb.integer && sameRange && !na.enum === !nb.enum) return;
  let effect: Effect = sameRange ? 'widened' : rangeEffect(ra, rb);
  if (na.integer !== nb.integer) {
    const integerEffect: Effect = na.integer ? 'widened' : 'narrowed';
    effect = sameRange || effect === integerEffect ? integerEffect : 'changed';
  }
  if (na.enum && !nb.enum) effect = effect === 'narrowed' ? 'changed' : 'widened';
  if (!na.enum && nb.enum) effect = effect === 'widened' ? 'changed' : 'narrowed';
  const label = (n: NumericAlt) =>
    `${n.integer ? 'integer' : 'number'}${n.format ? ` (${n.format})` : ''}${n.minimum !== undefined || n.maximum !== undefined ? ` [${fmt(n.minimum)}, ${fmt(n.maximum)}]` : ''}`;
  push(ctx, location, definition, kindOf(effect), effect, `${label(na)} → ${label(nb)}`);
}

/** Whether `key` holds one fixed string in every variant (a discriminating property). */
function isTag(variants: readonly ObjectAlt[], key: string): boolean {
  return variants.every((v) => {
    const schema = v.properties.get(key);
    return isObject(schema) && singleString(schema) !== undefined;
  });
}

/** Number of distinct values `key` takes over the variants. */
function distinct(variants: readonly ObjectAlt[], key: string): number {
  return new Set(variants.map((v) => tagValue(v, key))).size;
}

/** The best discriminating property of the variants: fixed in each, with the most distinct values. */
function tagOf(variants: readonly ObjectAlt[], candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const key of candidates)
    if (isTag(variants, key) && (best === undefined || distinct(variants, key) > distinct(variants, best))) best = key;
  return best;
}

/** Variant ids: `tag=value`, with `#2`, `#3`... for a value several variants share (a variant split by a nested union). */
function variantIds(
  variants: readonly ObjectAlt[],
  id: (v: ObjectAlt) => string | undefined,
): Array<string | undefined> {
  const seen = new Map<string, number>();
  return variants.map((v) => {
    const base = id(v);
    if (base === undefined) return undefined;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

function describeObjects(list: readonly ObjectAlt[]): string {
  if (list.length === 1 && list[0]) {
    const req = [...list[0].required];
    return `an object${req.length > 0 ? ` requiring ${req.join(', ')}` : ''}`;
  }
  const keys = new Set<string>();
  for (const v of list) for (const k of v.properties.keys()) keys.add(k);
  const tag = tagOf(list, [...keys]);
  if (tag !== undefined) return `one of ${[...new Set(list.map((v) => `${tag}=${tagValue(v, tag)}`))].join(' | ')}`;
  return `${list.length} object variants`;
}

function tagValue(v: ObjectAlt, key: string): string {
  const schema = v.properties.get(key);
  return (isObject(schema) ? singleString(schema) : undefined) ?? '?';
}

function titleOf(v: ObjectAlt): string | undefined {
  const t = v.node['title'];
  return typeof t === 'string' ? t : undefined;
}

function compareObjects(
  ctx: CompareContext,
  a: readonly ObjectAlt[],
  b: readonly ObjectAlt[],
  location: string,
  definition: string | null,
): void {
  if (a.length === 0 && b.length === 0) return;
  if (a.length === 0 || b.length === 0) {
    push(
      ctx,
      location,
      definition,
      a.length > 0 ? 'type-narrowed' : 'type-widened',
      a.length > 0 ? 'narrowed' : 'widened',
      a.length > 0 ? 'no longer accepts objects' : 'now also accepts objects',
    );
    return;
  }
  if (a.length === 1 && b.length === 1 && a[0] && b[0]) {
    compareObject(ctx, a[0], b[0], location, definition);
    return;
  }
  // Several variants: match them by a discriminating property both sides share, else by title.
  const keys = new Set<string>();
  for (const v of [...a, ...b]) for (const k of v.properties.keys()) keys.add(k);
  const preferred = ['type', 'method', 'kind', 'mode', 'status', 'event'].filter((k) => keys.has(k));
  const candidates = [...preferred, ...[...keys].filter((k) => !preferred.includes(k))];
  const commonTag = tagOf([...a, ...b], candidates);
  const all = [...a, ...b];
  // Ids, in order of preference: the shared discriminating property; the titles; the set of required members
  // (externally tagged enums such as `{ "httpConnectionFailed": {...} }` are told apart by it).
  const id = (v: ObjectAlt): string | undefined =>
    commonTag !== undefined
      ? `${commonTag}=${tagValue(v, commonTag)}`
      : all.every((x) => titleOf(x) !== undefined)
        ? titleOf(v)
        : `{${[...v.required].sort().join(',')}}`;
  const aIds = variantIds(a, id);
  const bIds = variantIds(b, id);
  if (aIds.includes(undefined) || bIds.includes(undefined)) {
    push(
      ctx,
      location,
      definition,
      'type-changed',
      'changed',
      `type changed from ${describeObjects(a)} to ${describeObjects(b)}`,
    );
    return;
  }
  const bById = new Map(b.map((v, i) => [bIds[i] ?? '', v]));
  const aById = new Map(a.map((v, i) => [aIds[i] ?? '', v]));
  for (const [key, v] of aById) {
    const w = bById.get(key);
    if (w) compareObject(ctx, v, w, `${location}[${key}]`, definition);
    else push(ctx, location, definition, 'variant-removed', 'narrowed', `variant [${key}] removed`);
  }
  for (const key of bById.keys())
    if (!aById.has(key)) push(ctx, location, definition, 'variant-added', 'widened', `variant [${key}] added`);
}

function isClosed(o: ObjectAlt): boolean {
  return o.additional === false;
}

function compareObject(
  ctx: CompareContext,
  a: ObjectAlt,
  b: ObjectAlt,
  location: string,
  definition: string | null,
): void {
  compareAnnotationsOfVariant(ctx, a.node, b.node, location, definition);
  for (const [name, schema] of a.properties) {
    const at = `${location}.${name}`;
    if (!b.properties.has(name)) {
      const required = a.required.has(name);
      push(
        ctx,
        at,
        definition,
        'field-removed',
        required ? 'changed' : 'narrowed',
        `field "${name}" removed (was ${required ? 'required' : 'optional'})`,
        { name, required, closed: isClosed(b) },
      );
      continue;
    }
    const wasRequired = a.required.has(name);
    const isRequired = b.required.has(name);
    if (wasRequired && !isRequired)
      push(ctx, at, definition, 'field-optional', 'widened', `field "${name}" made optional`, {
        name,
        required: false,
        closed: isClosed(b),
      });
    if (!wasRequired && isRequired)
      push(ctx, at, definition, 'field-required', 'narrowed', `field "${name}" made required`, {
        name,
        required: true,
        closed: isClosed(b),
      });
    compareNodes(ctx, schema, b.properties.get(name), at, definition);
  }
  for (const name of b.properties.keys()) {
    if (a.properties.has(name)) continue;
    const required = b.required.has(name);
    push(
      ctx,
      `${location}.${name}`,
      definition,
      'field-added',
      required ? 'changed' : 'widened',
      `field "${name}" added (${required ? 'required' : 'optional'})`,
      { name, required, closed: isClosed(a) },
    );
  }
  // Required names that are not properties (rare): treat as field requiredness.
  for (const name of b.required)
    if (!a.required.has(name) && !b.properties.has(name) && !a.properties.has(name))
      push(ctx, `${location}.${name}`, definition, 'field-required', 'narrowed', `member "${name}" made required`, {
        name,
        required: true,
        closed: false,
      });
  compareAdditional(ctx, a.additional, b.additional, location, definition);
}

function compareAnnotationsOfVariant(
  ctx: CompareContext,
  a: JsonObject,
  b: JsonObject,
  location: string,
  definition: string | null,
): void {
  // The top node of a definition was already compared by compareNodes; only union variants need it here.
  if (location.endsWith(']')) compareAnnotations(ctx, a, b, location, definition);
}

function compareAdditional(
  ctx: CompareContext,
  a: Json | undefined,
  b: Json | undefined,
  location: string,
  definition: string | null,
): void {
  const open = (v: Json | undefined) => v === undefined || v === true;
  if (open(a) && open(b)) return;
  if (a === false && b === false) return;
  if (a === false) {
    push(
      ctx,
      location,
      definition,
      'type-widened',
      'widened',
      open(b) ? 'now accepts unknown members' : 'now accepts extra members (map values)',
    );
    return;
  }
  if (b === false) {
    push(ctx, location, definition, 'type-narrowed', 'narrowed', 'no longer accepts unknown members');
    return;
  }
  compareNodes(ctx, open(a) ? true : a, open(b) ? true : b, `${location}.*`, definition);
}
