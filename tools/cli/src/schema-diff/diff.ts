/**
 * `diffSchemas(old, new)`: methods added/removed per union, every definition both sides have compared once, each
 * change attributed to the methods and directions that reach it, and its impact on both pairings of peers.
 * @module
 */
import { compareAnnotations, compareContext, compareNodes, type RawAnnotation, type RawChange } from './compare.js';
import { changeImpact, methodImpact } from './impact.js';
import { isObject, type Json, type JsonObject } from './json.js';
import { linkResults, METHOD_KINDS, resultHints, UNION_NAMES, type LoadedSchema } from './load.js';
import { areaOf, DIRECTIONS, reachability } from './reach.js';
import type { Resolver } from './shape.js';
import type {
  ChangeKind,
  DescriptionChange,
  Direction,
  MethodKind,
  Reach,
  SchemaChange,
  SchemaDiffReport,
  SideInfo,
} from './types.js';

/** Options of {@link diffSchemas}. */
export interface DiffOptions {
  /**
   * Result links (`clientRequest:method` → definition name) to use for requests whose result neither side states,
   * e.g. from the kit's own schema ({@link resultHints}).
   */
  readonly resultHints?: ReadonlyMap<string, string>;
}

function resolverOf(schema: LoadedSchema): Resolver {
  return { key: (ref) => schema.refKey(ref), get: (key) => schema.definitions.get(key) };
}

const UNION_KEYS = new Set(Object.values(UNION_NAMES).flatMap((n) => [n, `v2/${n}`]));

function sideInfo(schema: LoadedSchema): SideInfo {
  const methods = {} as Record<MethodKind, number>; // every kind is set just below
  for (const kind of METHOD_KINDS) methods[kind] = schema.methods[kind].size;
  return { label: schema.label, source: schema.source, definitions: schema.definitions.size, methods };
}

/**
 * What a union definition says about all its variants (e.g. `emittedAtMs` on every notification): its members next
 * to the `oneOf`, as an object schema. The variants themselves are compared as methods.
 */
function unionCommon(def: Json | undefined): Json {
  const rest = isObject(def) ? def : {};
  const out: JsonObject = { type: 'object', properties: rest['properties'] ?? {}, required: rest['required'] ?? [] };
  if (rest['description'] !== undefined) out['description'] = rest['description'];
  return out;
}

/**
 * Compares two loaded schemas.
 *
 * @param oldSchema - the schema before (e.g. the current pin)
 * @param newSchema - the schema after (e.g. the release to move to)
 */
export function diffSchemas(
  oldSchema: LoadedSchema,
  newSchema: LoadedSchema,
  options: DiffOptions = {},
): SchemaDiffReport {
  const hints = new Map([...(options.resultHints ?? []), ...resultHints(oldSchema), ...resultHints(newSchema)]);
  linkResults(oldSchema, newSchema, hints);
  linkResults(newSchema, oldSchema, hints);

  const ctx = compareContext(resolverOf(oldSchema), resolverOf(newSchema));
  const methodChanges: SchemaChange[] = [];
  const methodReach = new Map<number, Reach[]>();

  for (const kind of METHOD_KINDS) {
    const before = oldSchema.methods[kind];
    const after = newSchema.methods[kind];
    for (const [name] of before) if (!after.has(name)) methodChanges.push(methodChange(kind, name, false));
    for (const [name] of after) if (!before.has(name)) methodChanges.push(methodChange(kind, name, true));
    for (const [name, a] of before) {
      const b = after.get(name);
      if (!b) continue;
      compareAnnotations(ctx, a.variant, b.variant, name, null);
      const start = ctx.changes.length;
      if (a.paramsRequired !== b.paramsRequired)
        ctx.changes.push({
          kind: b.paramsRequired ? 'field-required' : 'field-optional',
          location: `${name} params`,
          definition: null,
          detail: `params ${b.paramsRequired ? 'made required' : 'made optional'}`,
          effect: b.paramsRequired ? 'narrowed' : 'widened',
          field: { name: 'params', required: b.paramsRequired, closed: false },
        });
      compareNodes(ctx, a.params, b.params, `${name} params`, null);
      const paramsEnd = ctx.changes.length;
      const reachParams: Reach = { method: name, kind, role: 'params', direction: DIRECTIONS[kind].params };
      for (let i = start; i < paramsEnd; i++) methodReach.set(i, [reachParams]);
      if ((kind === 'clientRequest' || kind === 'serverRequest') && a.result !== undefined && b.result !== undefined) {
        compareNodes(ctx, a.result, b.result, `${name} result`, null);
        const reachResult: Reach = { method: name, kind, role: 'result', direction: DIRECTIONS[kind].result };
        for (let i = paramsEnd; i < ctx.changes.length; i++) methodReach.set(i, [reachResult]);
      }
    }
  }
  const inlineCount = ctx.changes.length;

  const unionReach = (key: string, schema: LoadedSchema): Reach[] => {
    const kind = METHOD_KINDS.find((k) => UNION_NAMES[k] === key.replace(/^v2\//, ''));
    if (!kind) return [];
    return [...schema.methods[kind].values()].map((e) => ({
      method: e.name,
      kind,
      role: 'params',
      direction: DIRECTIONS[kind].params,
    }));
  };
  for (const [key, oldDef] of oldSchema.definitions) {
    if (!newSchema.definitions.has(key)) continue;
    const newDef = newSchema.definitions.get(key);
    const isUnion = UNION_KEYS.has(key);
    compareNodes(
      ctx,
      isUnion ? unionCommon(oldDef) : oldDef,
      isUnion ? unionCommon(newDef) : newDef,
      key, // `v2/Name` only for the nested copy of a name defined at both levels
      key,
    );
  }

  const oldReach = reachability(oldSchema);
  const newReach = reachability(newSchema);
  const reachOf = (definition: string): Reach[] => {
    const all = [
      ...(oldReach.get(definition) ?? unionReach(definition, oldSchema)),
      ...(newReach.get(definition) ?? unionReach(definition, newSchema)),
    ];
    const seen = new Map<string, Reach>();
    for (const r of all) seen.set(`${r.kind}\u0000${r.method}\u0000${r.role}`, r);
    return [...seen.values()];
  };
  const reachCache = new Map<string, Reach[]>();
  const changes: SchemaChange[] = [...methodChanges];
  ctx.changes.forEach((raw, i) => {
    let reachedBy: Reach[];
    if (i < inlineCount) reachedBy = methodReach.get(i) ?? [];
    else {
      const def = raw.definition ?? '';
      reachedBy = reachCache.get(def) ?? reachOf(def);
      reachCache.set(def, reachedBy);
    }
    changes.push(attributed(raw, reachedBy));
  });

  const order = (c: SchemaChange) => (c.area === 'shared' ? '~1' : c.area === 'unreached' ? '~2' : c.area);
  changes.sort(
    (x, y) =>
      order(x).localeCompare(order(y)) ||
      Number(x.method === undefined) - Number(y.method === undefined) ||
      x.location.localeCompare(y.location) ||
      x.detail.localeCompare(y.detail),
  );
  const descriptions = ctx.annotations.map(descriptionChange).sort((x, y) => x.location.localeCompare(y.location));
  const byKind: Partial<Record<ChangeKind, number>> = {};
  for (const c of changes) byKind[c.kind] = (byKind[c.kind] ?? 0) + 1;
  const added = [...newSchema.definitions.keys()].filter((k) => !oldSchema.definitions.has(k)).sort();
  const removed = [...oldSchema.definitions.keys()].filter((k) => !newSchema.definitions.has(k)).sort();
  return {
    formatVersion: 1,
    old: sideInfo(oldSchema),
    new: sideInfo(newSchema),
    summary: {
      changes: changes.length,
      breaking: changes.filter((c) => c.breaking).length,
      breakingForNewClients: changes.filter((c) => c.impact.newClientOldServer?.breaking === true).length,
      descriptionOnly: descriptions.length,
      byKind,
    },
    changes,
    descriptions,
    definitions: { added, removed },
    notes: [...new Set([...oldSchema.notes, ...newSchema.notes])],
  };
}

function methodChange(kind: MethodKind, name: string, added: boolean): SchemaChange {
  const impact = methodImpact(kind, name, added);
  const words: Record<MethodKind, string> = {
    clientRequest: 'client request',
    clientNotification: 'client notification',
    serverRequest: 'server request',
    serverNotification: 'server notification',
  };
  const directions: Direction[] = [DIRECTIONS[kind].params];
  if ((kind === 'clientRequest' || kind === 'serverRequest') && !directions.includes(DIRECTIONS[kind].result))
    directions.push(DIRECTIONS[kind].result);
  return {
    kind: added ? 'method-added' : 'method-removed',
    area: areaOf(name),
    location: name,
    definition: null,
    method: { name, kind },
    detail: `${words[kind]} ${added ? 'added' : 'removed'}`,
    directions,
    reachedBy: [],
    breaking: impact.oldClientNewServer?.breaking ?? false,
    impact,
  };
}

function attributed(raw: RawChange, reachedBy: Reach[]): SchemaChange {
  const directions: Direction[] = [];
  for (const d of ['clientToServer', 'serverToClient'] as const)
    if (reachedBy.some((r) => r.direction === d)) directions.push(d);
  const areas = new Set(reachedBy.map((r) => areaOf(r.method)));
  const area = reachedBy.length === 0 ? 'unreached' : areas.size === 1 ? ([...areas][0] ?? 'shared') : 'shared';
  const impact =
    reachedBy.length === 0
      ? {
          oldClientNewServer: { breaking: false, text: 'no method of either schema reaches this definition' },
          newClientOldServer: null,
        }
      : changeImpact(raw, directions);
  return {
    kind: raw.kind,
    area,
    location: raw.location,
    definition: raw.definition,
    detail: raw.detail,
    directions: reachedBy.length === 0 ? ['clientToServer', 'serverToClient'] : directions,
    reachedBy: [...reachedBy].sort((a, b) => a.method.localeCompare(b.method) || a.role.localeCompare(b.role)),
    breaking: impact.oldClientNewServer?.breaking ?? false,
    impact,
  };
}

function descriptionChange(a: RawAnnotation): DescriptionChange {
  return { location: a.location, definition: a.definition, keywords: a.keywords };
}
