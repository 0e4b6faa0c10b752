/**
 * Builds the four method unions and lays the definitions out the way upstream's
 * `generate-json-schema` does: one file per top-level type (root, `v1/`, `v2/`),
 * the bundle with its nested `definitions.v2`, and the flat v2 bundle.
 * The placement rule is documented in the package README.
 * @module
 */
import { clone, collectRefs, isObject, rewriteRefs, type JsonObject, type Schema } from './json.js';
import type { Definitions } from './postprocess.js';
import { METHOD_MAPS, type MethodEntry, type ProtocolModel, type UnionName } from './protocol.js';

export const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';
export const BUNDLE_FILE = 'codex_app_server_protocol.schemas.json';
export const FLAT_V2_FILE = 'codex_app_server_protocol.v2.schemas.json';
const BUNDLE_TITLE = 'CodexAppServerProtocol';
const NAMESPACE = 'v2';
const REF = '#/definitions/';
/** Root definitions that the flat v2 bundle carries besides the v2 ones (upstream's choice). */
const FLAT_V2_SHARED: UnionName[] = ['ClientRequest', 'ServerNotification'];
/**
 * Annotation on every `ClientRequest` / `ServerRequest` variant naming the
 * schema of the request's result: `{"$ref": ...}`, or `{"type": "null"}` when
 * the method has no result.
 */
export const RESULT_KEYWORD = 'x-result';
/** The request-id type every request variant references. */
const REQUEST_ID = 'RequestId';

/** Envelope types that get their own root file: `RequestId` and the `JSONRPC*` types. */
export function isEnvelopeType(name: string, file: string): boolean {
  return file === 'jsonrpc.d.ts' && (name === REQUEST_ID || name.startsWith('JSONRPC'));
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Builds one union (`ClientRequest`, ...) as upstream shapes it. */
export function buildUnion(union: UnionName, entries: MethodEntry[], description?: string): JsonObject {
  const { kind } = METHOD_MAPS[union];
  const suffix = kind === 'request' ? 'Request' : 'Notification';
  const oneOf = entries.map((entry): JsonObject => {
    const title = `${upperFirst(entry.method)}${suffix}`;
    const properties: JsonObject = {
      method: { enum: [entry.method], title: `${title}Method`, type: 'string' },
    };
    const required = ['method'];
    if (kind === 'request') {
      properties.id = { $ref: REF + REQUEST_ID };
      required.unshift('id');
    }
    const p = entry.params;
    if (p.kind === 'required') {
      properties.params = { $ref: REF + p.type };
      required.push('params');
    } else if (p.kind === 'optional') {
      properties.params = { anyOf: [{ $ref: REF + p.type }, { type: 'null' }] };
    } else if (kind === 'request') {
      // Upstream: a request without params allows the member only as `null`;
      // a notification without params does not mention the member at all.
      properties.params = { type: 'null' };
    }
    const variant: JsonObject = { properties, required, title, type: 'object' };
    if (kind === 'request') {
      // Non-standard annotation linking the request to its result type, taken
      // from the map entry's `result` (validators ignore unknown keywords).
      if (entry.result === undefined) throw new Error(`${union} method \`${entry.method}\` has no result in its map entry`);
      variant[RESULT_KEYWORD] = entry.result === null ? { type: 'null' } : { $ref: REF + entry.result };
    }
    if (entry.description) variant.description = entry.description;
    return variant;
  });
  const schema: JsonObject = { oneOf };
  if (description) schema.description = description;
  return schema;
}

/** Where a top-level type's file goes: `''` (root), `v1` or `v2`. */
export type Folder = '' | 'v1' | 'v2';

/** The files of one bundle: top-level type name → folder. */
export function placeFiles(model: Pick<ProtocolModel, 'types'>, maps: Record<UnionName, MethodEntry[]>): Map<string, Folder> {
  const placement = new Map<string, Folder>();
  const bySource = (name: string): Folder => {
    const t = model.types.get(name);
    if (!t) throw new Error(`\`${name}\` is used in a method map but is not exported from @cask/protocol`);
    if (t.dir === 'v1' || t.dir === 'v2') return t.dir;
    if (t.dir === '') return '';
    throw new Error(`${name} lives in ${t.file}; protocol types belong in the package root, v1/ or v2/`);
  };
  for (const [name, t] of model.types) if (isEnvelopeType(name, t.file)) placement.set(name, '');
  for (const union of Object.keys(METHOD_MAPS) as UnionName[]) placement.set(union, '');
  // Server requests' params and results always sit at the root.
  for (const entry of maps.ServerRequest) {
    for (const t of [entry.params.kind === 'none' ? undefined : entry.params.type, entry.result]) {
      if (t) placement.set(t, '');
    }
  }
  const others: [UnionName, MethodEntry[]][] = [
    ['ClientRequest', maps.ClientRequest],
    ['ClientNotification', maps.ClientNotification],
    ['ServerNotification', maps.ServerNotification],
  ];
  for (const [, entries] of others) {
    for (const entry of entries) {
      for (const t of [entry.params.kind === 'none' ? undefined : entry.params.type, entry.result]) {
        if (t && !placement.has(t)) placement.set(t, bySource(t));
      }
    }
  }
  return placement;
}

function refTarget(ref: string): string {
  if (!ref.startsWith(REF)) throw new Error(`unexpected $ref ${ref}`);
  return ref.slice(REF.length);
}

/** Names reachable from `roots` through `$ref`s (roots included). */
export function closure(
  defs: Definitions,
  roots: Iterable<string>,
  stop: (name: string) => boolean = () => false,
  stopped: Set<string> = new Set(),
): Set<string> {
  const seen = new Set<string>();
  const todo = [...roots];
  while (todo.length > 0) {
    const name = todo.pop()!;
    if (seen.has(name)) continue;
    const def = defs[name];
    if (def === undefined) throw new Error(`missing definition \`${name}\``);
    seen.add(name);
    for (const ref of collectRefs(def)) {
      const target = refTarget(ref);
      if (stop(target)) stopped.add(target);
      else if (!seen.has(target)) todo.push(target);
    }
  }
  return seen;
}

function fileRoot(name: string, schema: Schema, comment: string): JsonObject {
  const body: JsonObject = isObject(schema) ? clone(schema) : {};
  return { $comment: comment, $schema: DRAFT_07, ...body, title: name };
}

/** Everything one bundle (stable or experimental) writes, keyed by relative path. */
export function layout(
  defs: Definitions,
  placement: Map<string, Folder>,
  comment: string,
): Map<string, JsonObject> {
  const files = new Map<string, JsonObject>();

  // One file per top-level type with the definitions it reaches.
  for (const [name, folder] of placement) {
    const reach = closure(defs, [name]);
    reach.delete(name);
    const root = fileRoot(name, defs[name]!, comment);
    if (reach.size > 0) {
      const local: JsonObject = {};
      for (const dep of [...reach].sort()) local[dep] = clone(defs[dep]!) as JsonObject;
      root.definitions = local;
    }
    files.set(folder ? `${folder}/${name}.json` : `${name}.json`, root);
  }

  // The bundle. definitions.v2 holds the v2 files and everything they reach.
  // The top level holds the root and v1 files and whatever they reach outside
  // definitions.v2; a top-level reference to anything in definitions.v2 points there.
  const v2Files = [...placement].filter(([, f]) => f === NAMESPACE).map(([n]) => n);
  const topFiles = [...placement].filter(([, f]) => f !== NAMESPACE).map(([n]) => n);
  const v2Names = closure(defs, v2Files);
  const inV2 = (n: string) => v2Names.has(n);
  const topNames = closure(defs, topFiles, inV2);
  const asFileRoot = (name: string): JsonObject => {
    const schema = clone(defs[name]!);
    const body: JsonObject = isObject(schema) ? schema : {};
    return placement.has(name) ? { $schema: DRAFT_07, ...body, title: name } : body;
  };
  const top: JsonObject = {};
  for (const name of topNames) {
    const def = asFileRoot(name);
    rewriteRefs(def, (ref) => (inV2(refTarget(ref)) ? `${REF}${NAMESPACE}/${refTarget(ref)}` : ref));
    top[name] = def;
  }
  const v2: JsonObject = {};
  for (const name of v2Names) {
    const def = asFileRoot(name);
    rewriteRefs(def, (ref) => `${REF}${NAMESPACE}/${refTarget(ref)}`);
    v2[name] = def;
  }
  if (Object.hasOwn(top, NAMESPACE)) throw new Error(`a protocol type may not be named \`${NAMESPACE}\``);
  top[NAMESPACE] = v2;
  files.set(BUNDLE_FILE, { $comment: comment, $schema: DRAFT_07, definitions: top, title: BUNDLE_TITLE, type: 'object' });

  // The flat v2 bundle: the v2 definitions, plus the shared root unions and the
  // non-v2 definitions those reach, all in one level.
  const flat: JsonObject = {};
  for (const name of v2Names) flat[name] = clone(v2[name]!);
  const shared = FLAT_V2_SHARED.filter((n) => n in top);
  for (const name of closure(defs, shared, inV2)) {
    if (!(name in flat)) flat[name] = clone(top[name]!);
  }
  rewriteRefs(flat, (ref) => ref.replace(`${REF}${NAMESPACE}/`, REF));
  files.set(FLAT_V2_FILE, {
    $comment: comment,
    $schema: DRAFT_07,
    definitions: flat,
    title: `${BUNDLE_TITLE}V2`,
    type: 'object',
  });
  return files;
}
