/**
 * Builds the four method unions and lays the definitions out the way upstream's
 * `generate-json-schema` does: one file per top-level type (root, `v1/`, `v2/`),
 * the bundle with its nested `definitions.v2`, and the flat v2 bundle.
 * The placement rule is documented in the package README.
 * @module
 */
import { clone, collectRefs, isObject, rewriteRefs, type Definitions, type JsonObject, type Schema } from './json.js';
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

/**
 * Builds one union (`ClientRequest`, ...) as upstream shapes it. `fields` is the
 * object schema of the union's members interface (see `ProtocolModel.unionFields`):
 * its `properties` and `required` are written on the union, beside `oneOf`.
 */
export function buildUnion(
  union: UnionName,
  entries: MethodEntry[],
  description?: string,
  fields?: JsonObject,
): JsonObject {
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
      if (entry.result === undefined)
        throw new Error(`${union} method \`${entry.method}\` has no result in its map entry`);
      variant[RESULT_KEYWORD] = entry.result === null ? { type: 'null' } : { $ref: REF + entry.result };
    }
    if (entry.description) variant.description = entry.description;
    return variant;
  });
  const schema: JsonObject = { oneOf };
  if (description) schema.description = description;
  if (fields?.properties !== undefined) schema.properties = clone(fields.properties);
  if (Array.isArray(fields?.required) && fields.required.length > 0) schema.required = clone(fields.required);
  return schema;
}

/** Where a top-level type's file goes: `''` (root), `v1` or `v2`. */
export type Folder = '' | 'v1' | 'v2';

/**
 * The file types of one map entry: its params and result types. For params
 * declared `X | undefined` upstream writes no `X.json` but `NullableX.json`
 * (`Option<X>`, titled `Nullable_X`), so the entry's params file is the
 * exported alias `NullableX = X | null`, which must exist.
 */
export function entryFileTypes(model: Pick<ProtocolModel, 'types'>, union: UnionName, entry: MethodEntry): string[] {
  const out: string[] = [];
  const p = entry.params;
  if (p.kind === 'required') out.push(p.type);
  else if (p.kind === 'optional') {
    const nullable = `Nullable${p.type}`;
    if (model.types.get(nullable)?.nullableOf !== p.type) {
      throw new Error(
        `${union} method \`${entry.method}\` has optional params (\`${p.type} | undefined\`): upstream writes its params file as ` +
          `${nullable}.json, so @cask/protocol must export \`type ${nullable} = ${p.type} | null\` next to ${p.type}`,
      );
    }
    out.push(nullable);
  }
  if (entry.result) out.push(entry.result);
  return out;
}

/**
 * The files of one bundle: top-level type name → folder. `maps` is the whole
 * surface (experimental entries included); the stable flavour removes the
 * files of experimental entries afterwards.
 */
export function placeFiles(
  model: Pick<ProtocolModel, 'types'>,
  maps: Record<UnionName, MethodEntry[]>,
): Map<string, Folder> {
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
    for (const t of entryFileTypes(model, 'ServerRequest', entry)) placement.set(t, '');
  }
  const others: UnionName[] = ['ClientRequest', 'ClientNotification', 'ServerNotification'];
  for (const union of others) {
    for (const entry of maps[union]) {
      for (const t of entryFileTypes(model, union, entry)) {
        if (!placement.has(t)) placement.set(t, bySource(t));
      }
    }
  }
  // `@schemaFile` types: standalone files that no method reaches.
  for (const [name, t] of model.types) {
    if (t.schemaFile && !placement.has(name)) placement.set(name, bySource(name));
  }
  return placement;
}

/** File titles that differ from the type name: `NullableX` → `Nullable_X` (upstream's `Option<X>` title). */
export function fileTitles(model: Pick<ProtocolModel, 'types'>): Map<string, string> {
  const titles = new Map<string, string>();
  for (const [name, t] of model.types) if (t.nullableOf !== undefined) titles.set(name, `Nullable_${t.nullableOf}`);
  return titles;
}

function refTarget(ref: string): string {
  if (!ref.startsWith(REF)) throw new Error(`unexpected $ref ${ref}`);
  return ref.slice(REF.length);
}

/**
 * Names reachable from `roots` through `$ref`s (roots included). A name in
 * `stop` is recorded in `stopped` and not entered.
 */
export function closure(
  defs: Definitions,
  roots: Iterable<string>,
  stop: (name: string) => boolean = () => false,
  stopped: Set<string> = new Set(),
): Set<string> {
  const seen = new Set<string>();
  const todo = [...roots];
  for (let name = todo.pop(); name !== undefined; name = todo.pop()) {
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

/** Options for {@link layout}. */
export interface LayoutOptions {
  /**
   * The unfiltered definitions (experimental properties, members and entries
   * included, unions built from the whole maps): what each file and namespace
   * holds is decided on this graph, as upstream builds everything before it
   * filters. Defaults to the emitted definitions.
   */
  graph?: Definitions;
  /**
   * Definitions not emitted (stable flavour: `@experimental` types, files of
   * experimental entries). Reachability still passes through them, as upstream
   * removes them by name after building everything.
   */
  removed?: ReadonlySet<string>;
  /** File titles that differ from the type name (see {@link fileTitles}). */
  titles?: ReadonlyMap<string, string>;
}

/** Everything one bundle (stable or experimental) writes, keyed by relative path. */
export function layout(
  defs: Definitions,
  placement: Map<string, Folder>,
  comment: string,
  options: LayoutOptions = {},
): Map<string, JsonObject> {
  const graph = options.graph ?? defs;
  const removed = options.removed ?? new Set<string>();
  const titleOf = (name: string) => options.titles?.get(name) ?? name;
  const reach = (roots: Iterable<string>, stop?: (n: string) => boolean): Set<string> => {
    const found = closure(graph, roots, stop);
    for (const name of removed) found.delete(name);
    return found;
  };
  const emitted = (name: string, from: string): Schema => {
    const def = defs[name];
    if (def === undefined) throw new Error(`${from} reaches \`${name}\`, which this flavour does not emit`);
    return def;
  };
  const body = (name: string, from: string): JsonObject => {
    const def = emitted(name, from);
    return isObject(def) ? clone(def) : {};
  };
  // Every reference in the output must resolve: in the stable flavour a kept
  // definition may still point (other than through a property or union member,
  // which the filter drops) at a removed one.
  const checkRefs = (value: Schema, have: (target: string) => boolean, where: string) => {
    for (const ref of collectRefs(value)) {
      const target = refTarget(ref);
      if (!have(target)) {
        throw new Error(
          `${where} references \`${target}\`, which this flavour does not emit (in the stable flavour: an @experimental ` +
            'type or the params/result of an experimental method); tag the referring property @experimental',
        );
      }
    }
  };
  const files = new Map<string, JsonObject>();
  const written = [...placement].filter(([name]) => !removed.has(name));

  // One file per top-level type with the definitions it reaches.
  for (const [name, folder] of written) {
    const local = reach([name]);
    local.delete(name);
    const root: JsonObject = { $comment: comment, $schema: DRAFT_07, ...body(name, name), title: titleOf(name) };
    if (local.size > 0) {
      const defsOut: JsonObject = {};
      for (const dep of [...local].sort()) defsOut[dep] = body(dep, name);
      root.definitions = defsOut;
    }
    checkRefs(root, (n) => local.has(n), `${folder ? `${folder}/` : ''}${name}.json`);
    files.set(folder ? `${folder}/${name}.json` : `${name}.json`, root);
  }

  // The bundle, namespaced like upstream's: definitions.v2 holds the v2 files
  // (of the whole surface) and everything they reach; the top level holds the
  // root and v1 files, whatever root files reach outside definitions.v2, and
  // everything v1 files reach (upstream copies those to the top level even when
  // they also live in definitions.v2, e.g. AbsolutePathBuf). A top-level
  // reference to a name in definitions.v2 points there.
  const v2Names = reach([...placement].filter(([, f]) => f === NAMESPACE).map(([n]) => n));
  const inV2 = (n: string) => v2Names.has(n);
  const rootNames = reach(
    [...placement].filter(([, f]) => f === '').map(([n]) => n),
    inV2,
  );
  const v1Names = reach([...placement].filter(([, f]) => f === 'v1').map(([n]) => n));
  const fileRoots = new Set(written.map(([n]) => n));
  const asBundleEntry = (name: string): JsonObject => {
    const def = body(name, 'the bundle');
    return fileRoots.has(name) ? { $schema: DRAFT_07, ...def, title: titleOf(name) } : def;
  };
  const top: JsonObject = {};
  for (const name of [...rootNames, ...v1Names].sort()) {
    if (name in top) continue;
    const def = asBundleEntry(name);
    rewriteRefs(def, (ref) => (inV2(refTarget(ref)) ? `${REF}${NAMESPACE}/${refTarget(ref)}` : ref));
    top[name] = def;
  }
  const v2: JsonObject = {};
  for (const name of [...v2Names].sort()) {
    const def = asBundleEntry(name);
    rewriteRefs(def, (ref) => `${REF}${NAMESPACE}/${refTarget(ref)}`);
    v2[name] = def;
  }
  if (Object.hasOwn(top, NAMESPACE)) throw new Error(`a protocol type may not be named \`${NAMESPACE}\``);
  top[NAMESPACE] = v2;
  const bundle: JsonObject = {
    $comment: comment,
    $schema: DRAFT_07,
    definitions: top,
    title: BUNDLE_TITLE,
    type: 'object',
  };
  const inBundle = (target: string) =>
    target.startsWith(`${NAMESPACE}/`)
      ? Object.hasOwn(v2, target.slice(NAMESPACE.length + 1))
      : target !== NAMESPACE && Object.hasOwn(top, target);
  for (const [name, def] of Object.entries(top)) {
    if (name !== NAMESPACE) checkRefs(def as Schema, inBundle, `bundle definition ${name}`);
  }
  for (const [name, def] of Object.entries(v2)) checkRefs(def as Schema, inBundle, `bundle definition v2/${name}`);
  files.set(BUNDLE_FILE, bundle);

  // The flat v2 bundle: the v2 definitions, plus the shared root unions and the
  // top-level definitions they reach through non-v2 references, all in one level.
  const flat: JsonObject = {};
  for (const [name, def] of Object.entries(v2)) flat[name] = clone(def);
  const todo = FLAT_V2_SHARED.filter((n) => n in top) as string[];
  const seen = new Set<string>();
  for (let name = todo.pop(); name !== undefined; name = todo.pop()) {
    if (seen.has(name)) continue;
    seen.add(name);
    const def = top[name];
    if (def === undefined) throw new Error(`missing definition \`${name}\``);
    if (!(name in flat) || (FLAT_V2_SHARED as string[]).includes(name)) flat[name] = clone(def);
    for (const ref of collectRefs(def)) {
      const target = refTarget(ref);
      if (!target.startsWith(`${NAMESPACE}/`) && target in top) todo.push(target);
    }
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
