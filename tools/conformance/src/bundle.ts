import { readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isObject, type JsonObject, type JsonValue } from './json.js';

/** File name of the combined schema bundle, in both upstream's output and ours. */
export const BUNDLE_FILE = 'codex_app_server_protocol.schemas.json';

/** Namespace of a definition inside a bundle: directly under `definitions`, or under the nested `definitions.v2`. */
export type Namespace = 'root' | 'v2';

/** One named definition inside a bundle. */
export interface DefinitionEntry {
  /** Definition name, e.g. `ThreadStartParams`. */
  readonly name: string;
  /** Where it lives. */
  readonly namespace: Namespace;
  /** JSON pointer fragment, e.g. `#/definitions/v2/ThreadStartParams`. */
  readonly pointer: string;
  /** The definition's schema. */
  readonly schema: JsonValue;
}

/** A parsed schema bundle plus an index of its definitions by name. */
export interface SchemaBundle {
  /** Human label used in reports, e.g. `upstream/stable`. */
  readonly label: string;
  /** File the bundle was read from (or `<memory>`). */
  readonly source: string;
  /** The whole bundle document. */
  readonly document: JsonObject;
  /** Definitions by name; a name may live in both namespaces (upstream has `RequestId` twice). */
  readonly definitions: ReadonlyMap<string, readonly DefinitionEntry[]>;
}

/** Thrown when a bundle cannot be read or a `$ref` cannot be resolved. */
export class BundleError extends Error {
  override readonly name = 'BundleError';
}

/**
 * Builds a {@link SchemaBundle} from an in-memory bundle document.
 *
 * @param document - a bundle shaped like upstream's: `{ definitions: { A: …, v2: { B: … } } }`
 * @param label - label used in reports
 * @param source - where it came from (for error messages)
 */
export function bundleFromDocument(document: JsonValue, label: string, source = '<memory>'): SchemaBundle {
  if (!isObject(document)) throw new BundleError(`${source}: bundle is not a JSON object`);
  const defs = document['definitions'];
  if (!isObject(defs)) throw new BundleError(`${source}: bundle has no "definitions" object`);
  const index = new Map<string, DefinitionEntry[]>();
  const add = (entry: DefinitionEntry) => {
    const list = index.get(entry.name);
    if (list) list.push(entry);
    else index.set(entry.name, [entry]);
  };
  for (const [name, schema] of Object.entries(defs)) {
    if (name === 'v2' && isNamespaceObject(schema)) continue;
    add({ name, namespace: 'root', pointer: `#/definitions/${escapePointer(name)}`, schema });
  }
  const v2 = defs['v2'];
  if (isNamespaceObject(v2)) {
    for (const [name, schema] of Object.entries(v2)) {
      add({ name, namespace: 'v2', pointer: `#/definitions/v2/${escapePointer(name)}`, schema });
    }
  }
  return { label, source, document, definitions: index };
}

/**
 * Reads a bundle from a schema output directory (containing {@link BUNDLE_FILE}) or from the bundle file itself.
 *
 * @throws BundleError when the file is missing or not a bundle
 */
export function loadBundle(dirOrFile: string, label: string): SchemaBundle {
  const file = existsSync(dirOrFile) && statSync(dirOrFile).isDirectory() ? join(dirOrFile, BUNDLE_FILE) : dirOrFile;
  if (!existsSync(file)) throw new BundleError(`${label}: schema bundle not found at ${file}`);
  let parsed: JsonValue;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as JsonValue;
  } catch (error) {
    throw new BundleError(`${label}: ${file} is not valid JSON: ${(error as Error).message}`);
  }
  return bundleFromDocument(parsed, label, file);
}

/** The `definitions.v2` value is a namespace (an object of schemas), not itself a schema named `v2`. */
function isNamespaceObject(value: JsonValue | undefined): value is JsonObject {
  if (!isObject(value)) return false;
  const schemaKeywords = ['type', '$ref', 'anyOf', 'oneOf', 'allOf', 'properties', 'enum', 'const', 'items'];
  return !schemaKeywords.some((k) => k in value);
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapePointer(segment: string): string {
  return decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Result of resolving a local `$ref`. */
export interface ResolvedRef {
  /** The schema the reference points at. */
  readonly schema: JsonValue;
  /** Last pointer segment (the definition name for `#/definitions/...` refs). */
  readonly name: string;
  /** The normalised pointer (`#/...`). */
  readonly pointer: string;
}

/**
 * Resolves a bundle-local `$ref` (`#/definitions/X`, `#/definitions/v2/X`, any JSON pointer).
 *
 * @throws BundleError naming the bundle and the reference when it does not resolve
 */
export function resolveRef(bundle: SchemaBundle, ref: string): ResolvedRef {
  if (!ref.startsWith('#')) throw new BundleError(`${bundle.label}: non-local $ref "${ref}" is not supported`);
  const segments = ref
    .slice(1)
    .split('/')
    .filter((s, i) => !(i === 0 && s === ''))
    .map(unescapePointer);
  let node: JsonValue = bundle.document;
  for (const segment of segments) {
    const next: JsonValue | undefined = Array.isArray(node)
      ? node[Number(segment)]
      : isObject(node)
        ? node[segment]
        : undefined;
    if (next === undefined)
      throw new BundleError(`${bundle.label}: $ref "${ref}" does not resolve (missing "${segment}")`);
    node = next;
  }
  return { schema: node, name: segments[segments.length - 1] ?? '', pointer: ref };
}

/** All definition names of a bundle, sorted. */
export function definitionNames(bundle: SchemaBundle): string[] {
  return [...bundle.definitions.keys()].sort();
}
