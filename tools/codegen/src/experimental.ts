/**
 * `@experimental` handling: the stable bundle drops experimental map entries,
 * properties, union members and definitions; the experimental bundle keeps
 * them. The `experimental` keyword never reaches the output.
 * @module
 */
import { isObject, mapSchemas, type Definitions, type Json, type JsonObject } from './json.js';
import type { MethodEntry, UnionName } from './protocol.js';

const KEYWORD = 'experimental';
const REF_PREFIX = '#/definitions/';

function isTagged(node: Json): boolean {
  return isObject(node) && KEYWORD in node;
}

function strip(defs: Definitions): Definitions {
  const out: Definitions = {};
  for (const [name, schema] of Object.entries(defs)) {
    out[name] = mapSchemas(schema, (n) => {
      if (!isObject(n) || !(KEYWORD in n)) return n;
      const { [KEYWORD]: _tag, ...rest } = n;
      return rest;
    }) as Definitions[string];
  }
  return out;
}

/** Result of {@link applyExperimental}. */
export interface ExperimentalResult {
  /** Every definition that is kept, with experimental properties and union members removed. */
  defs: Definitions;
  maps: Record<UnionName, MethodEntry[]>;
  /**
   * Definitions left out, by name: `@experimental` types plus the given method
   * types (empty for the experimental flavour). What they alone reach is kept.
   */
  removed: Set<string>;
}

/**
 * Applies the experimental rule (upstream's): the stable flavour loses tagged
 * map entries, tagged properties and union members, `@experimental` types and
 * the file types of experimental map entries (`methodTypes`), all by name; no
 * other definition is dropped, even one that only an experimental entry,
 * property or type reaches (the layout decides what is reachable, on the
 * unfiltered graph).
 * @param keep `true` for the experimental bundle (keep everything), `false` for the stable one.
 * @param methodTypes params/result (file) types of experimental map entries, removed by name.
 */
export function applyExperimental(
  defs: Definitions,
  maps: Record<UnionName, MethodEntry[]>,
  keep: boolean,
  methodTypes: Iterable<string> = [],
): ExperimentalResult {
  if (keep) return { defs: strip(defs), maps, removed: new Set() };

  const tagged = new Set(
    Object.entries(defs)
      .filter(([, def]) => isTagged(def))
      .map(([name]) => name),
  );
  const removed = new Set([...tagged, ...methodTypes]);
  const refsRemoved = (n: Json) =>
    isObject(n) && typeof n.$ref === 'string' && removed.has(n.$ref.slice(REF_PREFIX.length));
  // A property or union member is dropped when it is tagged itself or is only a
  // reference to a dropped definition (possibly nullable or wrapped in allOf).
  const drops = (n: Json): boolean => {
    if (isTagged(n) || refsRemoved(n)) return true;
    if (!isObject(n)) return false;
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      const list = n[key];
      if (Array.isArray(list) && list.some(refsRemoved)) {
        const rest = list.filter((b) => !refsRemoved(b) && !(isObject(b) && b.type === 'null'));
        if (rest.length === 0) return true;
      }
    }
    return false;
  };

  const out: Definitions = {};
  for (const [name, schema] of Object.entries(defs)) {
    if (removed.has(name)) continue;
    out[name] = mapSchemas(schema, (n) => {
      if (!isObject(n)) return n;
      const node: JsonObject = { ...n };
      if (isObject(node.properties)) {
        const props: JsonObject = {};
        const dropped: string[] = [];
        for (const [p, s] of Object.entries(node.properties)) {
          if (drops(s)) dropped.push(p);
          else props[p] = s;
        }
        if (dropped.length > 0) {
          node.properties = props;
          if (Array.isArray(node.required)) {
            const required = node.required.filter((r) => !dropped.includes(r as string));
            const forced = dropped.filter((p) => {
              const prop = (n.properties as JsonObject)[p];
              return (prop === undefined || !isTagged(prop)) && (n.required as Json[]).includes(p);
            });
            if (forced.length > 0) {
              throw new Error(
                `${name}: required propert${forced.length === 1 ? 'y' : 'ies'} ${forced.join(', ')} ` +
                  'use an @experimental type; tag the property @experimental too (it must then be optional)',
              );
            }
            node.required = required;
            if (required.length === 0) delete node.required;
          }
        }
      }
      for (const key of ['anyOf', 'oneOf'] as const) {
        const list = node[key];
        if (Array.isArray(list) && list.some(drops)) node[key] = list.filter((b) => !drops(b));
      }
      return node;
    }) as Definitions[string];
  }

  const filteredMaps = {} as Record<UnionName, MethodEntry[]>;
  for (const [union, entries] of Object.entries(maps) as [UnionName, MethodEntry[]][]) {
    filteredMaps[union] = entries.filter((entry) => {
      if (entry.experimental) return false;
      for (const t of [entry.params.kind === 'none' ? undefined : entry.params.type, entry.result]) {
        if (t && tagged.has(t)) {
          throw new Error(
            `${union} method \`${entry.method}\` is stable but uses the @experimental type ${t}; tag the map entry @experimental`,
          );
        }
      }
      return true;
    });
  }
  return { defs: strip(out), maps: filteredMaps, removed };
}
