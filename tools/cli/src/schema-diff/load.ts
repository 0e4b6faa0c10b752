/**
 * Loading one side of a diff: a schema folder or bundle file, indexed by definition name, with the methods of the four
 * protocol unions and the params/result schema of each.
 * @module
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isObject, parseJson, type Json, type JsonObject } from './json.js';
import type { MethodKind } from './types.js';

/** Bundle file names looked for in a folder, in order of preference. */
export const BUNDLE_FILES = ['codex_app_server_protocol.schemas.json', 'codex_app_server_protocol.v2.schemas.json'];

/** Name of each union definition. */
export const UNION_NAMES: Readonly<Record<MethodKind, string>> = {
  clientRequest: 'ClientRequest',
  clientNotification: 'ClientNotification',
  serverRequest: 'ServerRequest',
  serverNotification: 'ServerNotification',
};

/** Every method kind, in report order. */
export const METHOD_KINDS: readonly MethodKind[] = [
  'clientRequest',
  'clientNotification',
  'serverRequest',
  'serverNotification',
];

/** One method of a union. */
export interface MethodEntry {
  readonly name: string;
  readonly kind: MethodKind;
  /** Schema of `params` (absent member: `undefined`). */
  readonly params: Json | undefined;
  /** Whether `params` is listed in `required`. */
  readonly paramsRequired: boolean;
  /** Requests only: schema of the result, when known. */
  result?: Json;
  /** Where the result link came from. */
  resultSource?: 'x-result' | 'other side' | 'convention' | 'kit';
  /** The variant's own annotations (description/title), for annotation diffs. */
  readonly variant: JsonObject;
}

/** One loaded side. */
export interface LoadedSchema {
  /** Label for reports. */
  readonly label: string;
  /** The bundle file read. */
  readonly source: string;
  /** Definitions by key: the bare name, or `v2/Name` for the nested copy of a name that exists at both levels. */
  readonly definitions: ReadonlyMap<string, Json>;
  /** Methods per union, by method name. */
  readonly methods: Readonly<Record<MethodKind, ReadonlyMap<string, MethodEntry>>>;
  /** The `$ref` of each definition key. */
  readonly pointers: ReadonlyMap<string, string>;
  /** Maps a `$ref` string to its definition key, or undefined when it points nowhere. */
  refKey(ref: string): string | undefined;
  /** Problems found while loading (a union missing, a result link missing). */
  readonly notes: string[];
}

/** Thrown when an input cannot be read or is not a schema bundle; the message names the input and what is wrong. */
export class SchemaInputError extends Error {
  override readonly name = 'SchemaInputError';
}

/**
 * Finds the bundle file of an input: the file itself, or the first of {@link BUNDLE_FILES} inside a folder.
 *
 * @throws SchemaInputError when the path does not exist or the folder holds no bundle
 */
export function bundleFileOf(input: string): string {
  if (!existsSync(input)) throw new SchemaInputError(`${input}: no such file or folder`);
  if (!statSync(input).isDirectory()) return input;
  for (const name of BUNDLE_FILES) {
    const file = path.join(input, name);
    if (existsSync(file)) return file;
  }
  throw new SchemaInputError(`${input}: folder holds neither ${BUNDLE_FILES.join(' nor ')}`);
}

/**
 * Reads and indexes a schema folder or bundle file.
 *
 * @param input - a folder (upstream's `generate-json-schema` output or ours) or a bundle file
 * @param label - label used in the report (defaults to the input path)
 * @throws SchemaInputError naming the file when it is unreadable, not JSON, or has no `definitions`
 */
export function loadSchema(input: string, label = input): LoadedSchema {
  const file = bundleFileOf(input);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new SchemaInputError(`${file}: cannot read: ${err instanceof Error ? err.message : String(err)}`);
  }
  let doc: Json;
  try {
    doc = parseJson(text);
  } catch (err) {
    throw new SchemaInputError(`${file}: not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  return schemaFromDocument(doc, label, file);
}

/**
 * Indexes an in-memory bundle document (`{ definitions: { A: …, v2: { B: … } } }`, or a flat `definitions`).
 *
 * @throws SchemaInputError when the document has no `definitions` object
 */
export function schemaFromDocument(doc: Json, label: string, source = '<memory>'): LoadedSchema {
  if (!isObject(doc) || !isObject(doc['definitions']))
    throw new SchemaInputError(`${source}: not a schema bundle (no "definitions" object at the top level)`);
  const defs = doc['definitions'];
  const nested = isNamespace(defs['v2']) ? defs['v2'] : undefined;
  const definitions = new Map<string, Json>();
  const pointers = new Map<string, string>();
  const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
  for (const [name, schema] of Object.entries(defs))
    if (!(name === 'v2' && nested)) {
      definitions.set(name, schema);
      pointers.set(name, `#/definitions/${esc(name)}`);
    }
  if (nested)
    for (const [name, schema] of Object.entries(nested)) {
      const key = definitions.has(name) ? `v2/${name}` : name;
      definitions.set(key, schema);
      pointers.set(key, `#/definitions/v2/${esc(name)}`);
    }
  const cache = new Map<string, string | undefined>();
  const refKey = (ref: string): string | undefined => {
    if (cache.has(ref)) return cache.get(ref);
    const key = resolveRefKey(ref, defs, nested, definitions);
    cache.set(ref, key);
    return key;
  };
  const notes: string[] = [];
  const methods = {} as Record<MethodKind, Map<string, MethodEntry>>; // filled for every kind just below
  for (const kind of METHOD_KINDS) methods[kind] = readUnion(kind, definitions, label, notes);
  return { label, source, definitions, pointers, methods, refKey, notes };
}

function isNamespace(v: Json | undefined): v is JsonObject {
  // A namespace is an object of schemas, not a schema: it has none of the schema keywords.
  return isObject(v) && !('type' in v) && !('$ref' in v) && !('oneOf' in v) && !('anyOf' in v) && !('properties' in v);
}

function unescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function resolveRefKey(
  ref: string,
  defs: JsonObject,
  nested: JsonObject | undefined,
  definitions: ReadonlyMap<string, Json>,
): string | undefined {
  const prefix = '#/definitions/';
  if (!ref.startsWith(prefix)) return undefined;
  const segments = ref.slice(prefix.length).split('/').map(unescape);
  if (segments.length === 1) {
    const name = segments[0] ?? '';
    return name in defs && name !== 'v2' ? name : undefined;
  }
  if (segments.length === 2 && segments[0] === 'v2' && nested) {
    const name = segments[1] ?? '';
    if (!(name in nested)) return undefined;
    return definitions.get(name) === nested[name] ? name : `v2/${name}`;
  }
  return undefined;
}

function readUnion(
  kind: MethodKind,
  definitions: ReadonlyMap<string, Json>,
  label: string,
  notes: string[],
): Map<string, MethodEntry> {
  const out = new Map<string, MethodEntry>();
  const unionName = UNION_NAMES[kind];
  const union = definitions.get(unionName) ?? definitions.get(`v2/${unionName}`);
  if (union === undefined) {
    notes.push(`${label}: has no ${unionName} definition; its methods are not compared`);
    return out;
  }
  const variants = isObject(union) ? (union['oneOf'] ?? union['anyOf']) : undefined;
  if (!Array.isArray(variants)) {
    notes.push(`${label}: ${unionName} is not a oneOf/anyOf of method variants`);
    return out;
  }
  for (const variant of variants) {
    if (!isObject(variant) || !isObject(variant['properties'])) continue;
    const props = variant['properties'];
    const methodSchema = props['method'];
    const name = isObject(methodSchema) ? singleString(methodSchema) : undefined;
    if (name === undefined) {
      notes.push(`${label}: a ${unionName} variant has no single method name; skipped`);
      continue;
    }
    const required = Array.isArray(variant['required']) ? variant['required'] : [];
    const entry: MethodEntry = {
      name,
      kind,
      params: props['params'],
      paramsRequired: required.includes('params'),
      variant,
    };
    const link = variant['x-result'];
    if (link !== undefined && (kind === 'clientRequest' || kind === 'serverRequest')) {
      entry.result = link;
      entry.resultSource = 'x-result';
    }
    out.set(name, entry);
  }
  return out;
}

/** The one string a schema allows (`enum: ["x"]` or `const: "x"`), if it allows exactly one. */
export function singleString(schema: JsonObject): string | undefined {
  const c = schema['const'];
  if (typeof c === 'string') return c;
  const e = schema['enum'];
  if (Array.isArray(e) && e.length === 1 && typeof e[0] === 'string') return e[0];
  return undefined;
}

function refOf(node: Json | undefined): string | undefined {
  if (!isObject(node)) return undefined;
  if (typeof node['$ref'] === 'string') return node['$ref'];
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    const list = node[key];
    if (Array.isArray(list))
      for (const item of list) if (isObject(item) && typeof item['$ref'] === 'string') return item['$ref'];
  }
  return undefined;
}

function pascal(method: string): string {
  return method
    .split(/[/_-]/)
    .filter((s) => s.length > 0)
    .map((s) => s.charAt(0).toUpperCase() + s.slice(1))
    .join('');
}

function refTo(schema: LoadedSchema, key: string): Json {
  return { $ref: schema.pointers.get(key) ?? `#/definitions/${key}` };
}

/**
 * Fills in result links that a side does not state itself (upstream's bundle has no `x-result`). In order: the other
 * side's `x-result` naming a definition this side also has; the `FooParams` → `FooResponse` convention; a link from
 * the kit's own schema (`hints`, method → result definition name); the method name in PascalCase + `Response`.
 * What stays unknown is noted.
 */
export function linkResults(schema: LoadedSchema, other: LoadedSchema, hints: ReadonlyMap<string, string>): void {
  for (const kind of ['clientRequest', 'serverRequest'] as const) {
    for (const entry of schema.methods[kind].values()) {
      if (entry.result !== undefined) continue;
      const has = (name: string): string | undefined =>
        schema.definitions.has(name) ? name : schema.definitions.has(`v2/${name}`) ? `v2/${name}` : undefined;
      const theirs = other.methods[kind].get(entry.name);
      const theirLink = theirs?.resultSource === 'x-result' ? theirs.result : undefined;
      const theirRef = refOf(theirLink);
      const theirKey = theirRef !== undefined ? other.refKey(theirRef) : undefined;
      if (theirLink !== undefined && theirRef === undefined) {
        entry.result = theirLink;
        entry.resultSource = 'other side';
        continue;
      }
      const candidates: Array<[string | undefined, MethodEntry['resultSource']]> = [
        [theirKey !== undefined ? has(theirKey.replace(/^v2\//, '')) : undefined, 'other side'],
      ];
      const paramsRef = refOf(entry.params);
      const paramsKey = paramsRef !== undefined ? schema.refKey(paramsRef) : undefined;
      if (paramsKey?.endsWith('Params'))
        candidates.push([has(paramsKey.replace(/^v2\//, '').replace(/Params$/, 'Response')), 'convention']);
      const hint = hints.get(`${kind}:${entry.name}`);
      if (hint !== undefined) candidates.push([has(hint), 'kit']);
      candidates.push([has(`${pascal(entry.name)}Response`), 'convention']);
      const found = candidates.find(([key]) => key !== undefined);
      if (found?.[0] !== undefined) {
        entry.result = refTo(schema, found[0]);
        entry.resultSource = found[1];
      } else {
        schema.notes.push(
          `${schema.label}: no result type known for ${kind} ${entry.name}; its result is not compared`,
        );
      }
    }
  }
}

/** Result-type hints from a schema that states them (`x-result`): `kind:method` → definition name. */
export function resultHints(schema: LoadedSchema): Map<string, string> {
  const hints = new Map<string, string>();
  for (const kind of ['clientRequest', 'serverRequest'] as const)
    for (const entry of schema.methods[kind].values()) {
      const ref = entry.resultSource === 'x-result' ? refOf(entry.result) : undefined;
      const key = ref !== undefined ? schema.refKey(ref) : undefined;
      if (key !== undefined) hints.set(`${kind}:${entry.name}`, key.replace(/^v2\//, ''));
    }
  return hints;
}
