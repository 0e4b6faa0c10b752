/**
 * Round trip: compile the generated bundles back to TypeScript with
 * json-schema-to-typescript and check, method by method, that the result is
 * mutually assignable with the hand-written `@cask/protocol` types.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_FILE, generateSchema } from '../src/index.js';
import { loadProtocol, type UnionName } from '../src/protocol.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// Inside the package so that `@cask/protocol` resolves through node_modules.
const scratchRoot = path.join(here, '..', '.tmp');
let scratch: string;

beforeAll(async () => {
  await mkdir(scratchRoot, { recursive: true });
  scratch = await mkdtemp(path.join(scratchRoot, 'roundtrip-'));
});
afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

type JsonObject = Record<string, unknown>;
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const ANNOTATIONS = new Set(['description', 'title', 'default', '$comment', 'examples']);

/**
 * Normalisation 1: "any JSON" (`true`, or a schema with only annotations) is
 * compiled to our `JsonValue` instead of json-schema-to-typescript's `unknown`,
 * so that `JsonValue` fields compare equal.
 */
function anyJsonToJsonValue(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => anyJsonToJsonValue(v));
  const schemaSlot = key !== 'enum' && key !== 'required' && key !== 'default';
  if (value === true && schemaSlot) return { tsType: 'JsonValue' };
  if (!isObject(value)) return value;
  if (
    schemaSlot &&
    key !== 'properties' &&
    key !== 'definitions' &&
    Object.keys(value).every((k) => ANNOTATIONS.has(k)) &&
    key !== undefined
  ) {
    return { ...value, tsType: 'JsonValue' };
  }
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'properties' || k === 'definitions') {
      const inner: JsonObject = {};
      for (const [p, s] of Object.entries(v as JsonObject))
        inner[p] = anyJsonToJsonValue(s, p === 'v2' && k === 'definitions' ? 'definitions' : 'schema');
      out[k] = inner;
    } else out[k] = anyJsonToJsonValue(v, k);
  }
  return out;
}

/**
 * Normalisation 3: `default` is an annotation, but json-schema-to-typescript
 * intersects a string `default` next to `allOf: [{$ref}]` into the type
 * (`MultiAgentMode` with `default: "explicitRequestOnly"` came out as
 * `... | ({ custom: string } & string)`), so defaults are dropped before compiling.
 */
function dropDefaults(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => dropDefaults(v));
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'default' && key !== 'properties') continue;
    out[k] = dropDefaults(v, k);
  }
  return out;
}

/**
 * Normalisation 2: json-schema-to-typescript reads a property called `extends`
 * as its own (deprecated) `extends` keyword and emits nonsense, so such
 * properties are renamed `extends_` before compiling, and `FixKeys` applies the
 * same renaming to our types before comparing.
 */
const RENAMED_PROPERTIES = new Set(['extends']);
function renameKeywordProperties(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(renameKeywordProperties);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'properties' && isObject(v)) {
      const props: JsonObject = {};
      for (const [p, s] of Object.entries(v))
        props[RENAMED_PROPERTIES.has(p) ? `${p}_` : p] = renameKeywordProperties(s);
      out[k] = props;
    } else if (k === 'required' && Array.isArray(v)) {
      out[k] = v.map((r: unknown) => (typeof r === 'string' && RENAMED_PROPERTIES.has(r) ? `${r}_` : r));
    } else out[k] = renameKeywordProperties(v);
  }
  return out;
}

/**
 * Normalisation 4: a map flattened next to named members (`Config`, `AppsConfig`,
 * `AnalyticsConfig`: serde `flatten` of a `HashMap`) can only be written in
 * TypeScript as an intersection with an index signature; json-schema-to-typescript
 * puts the index signature into the interface instead, where every named member
 * would have to fit it. The round trip compares the named members of such types
 * only: here the schema drops `additionalProperties` next to `properties`, and
 * `FixKeys` drops the index signature of our types that also have named members.
 */
function dropFlattenedMaps(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropFlattenedMaps);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  const named = isObject(value.properties) && Object.keys(value.properties).length > 0;
  for (const [k, v] of Object.entries(value)) {
    if (k === 'additionalProperties' && named && v !== false) continue;
    out[k] = dropFlattenedMaps(v);
  }
  return out;
}

interface Pin {
  label: string;
  ours: string;
  schema: JsonObject;
}

function pinsFor(bundle: JsonObject, maps: ReturnType<typeof loadProtocol>['maps']): Pin[] {
  const defs = bundle.definitions as JsonObject;
  const pins: Pin[] = [];
  for (const union of ['ClientRequest', 'ClientNotification', 'ServerRequest', 'ServerNotification'] as UnionName[]) {
    const variants = ((defs[union] as JsonObject).oneOf ?? []) as JsonObject[];
    const kind = union.endsWith('Request') ? 'Request' : 'Notification';
    for (const variant of variants) {
      const props = variant.properties as JsonObject;
      const method = ((props.method as JsonObject).enum as string[])[0]!;
      const m = JSON.stringify(method);
      const params = props.params as JsonObject | undefined;
      const pinParams = (schema: JsonObject, ours: string) =>
        pins.push({ label: `${union} ${method} params`, ours: `FixKeys<${ours}>`, schema });
      if (params && typeof params.$ref === 'string') {
        pinParams({ $ref: params.$ref }, `${union}Params<${m}>`);
      } else if (params && Array.isArray(params.anyOf)) {
        const ref = (params.anyOf as JsonObject[]).find((b) => typeof b.$ref === 'string')!;
        pinParams({ $ref: ref.$ref }, `Exclude<${union}Params<${m}>, undefined>`);
      }
      if (kind === 'Request') {
        // The result type comes from the variant's `x-result` annotation; it must
        // name the map entry's result, and compile back to our result type.
        const entry = maps[union].find((e) => e.method === method);
        expect(entry, `${union} ${method} is in the schema but not in the protocol map`).toBeDefined();
        const link = variant['x-result'] as JsonObject | undefined;
        expect(link, `${union} ${method} has no x-result`).toBeDefined();
        if (entry!.result === null) {
          expect(link, `${union} ${method} x-result`).toEqual({ type: 'null' });
          continue;
        }
        const ref = link!.$ref as string;
        expect(ref.split('/').pop(), `${union} ${method} x-result`).toBe(entry!.result);
        pins.push({ label: `${union} ${method} result`, ours: `FixKeys<${union}Result<${m}>>`, schema: { $ref: ref } });
      }
    }
  }
  return pins;
}

async function roundTrip(experimental: boolean): Promise<{ pins: Pin[]; failures: string[] }> {
  // The TypeScript-faithful schema: rule 9 (serde Option) would make required-but-nullable fields optional.
  const files = generateSchema({ experimental, optionRule: false });
  const bundle = JSON.parse(files.get(BUNDLE_FILE)!) as JsonObject;
  const model = loadProtocol();
  const pins = pinsFor(bundle, model.maps);
  const properties: JsonObject = {};
  pins.forEach((pin, i) => (properties[`p${i}`] = pin.schema));
  const root = anyJsonToJsonValue(
    renameKeywordProperties(
      dropFlattenedMaps(
        dropDefaults({
          ...bundle,
          title: 'RoundTrip',
          type: 'object',
          properties,
          required: pins.map((_, i) => `p${i}`),
          additionalProperties: false,
        }),
      ),
    ),
  ) as JsonObject;
  const flavour = experimental ? 'experimental' : 'stable';
  const generated = await compile(root, 'RoundTrip', {
    bannerComment: "import type { JsonValue } from '@cask/protocol';",
    additionalProperties: false,
    unreachableDefinitions: false,
    strictIndexSignatures: false,
    format: false,
    declareExternallyReferenced: true,
    cwd: scratch,
  });
  const typesFile = path.join(scratch, `roundtrip-${flavour}.ts`);
  await writeFile(typesFile, generated);
  const lines = [
    "import type { ClientRequestParams, ClientRequestResult, ClientNotificationParams, ServerRequestParams, ServerRequestResult, ServerNotificationParams } from '@cask/protocol';",
    `import type { RoundTrip } from './roundtrip-${flavour}.js';`,
    'type Eq<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;',
    'type Either<A, B> = [B] extends [A] ? true : [A] extends [B] ? true : false;',
    `type Renamed = ${[...RENAMED_PROPERTIES].map((p) => JSON.stringify(p)).join(' | ')};`,
    'type Named<K> = string extends K ? never : number extends K ? never : K;',
    'type KnownKeys<T> = keyof { [K in keyof T as Named<K>]: 0 };',
    'type Rename<K> = K extends Renamed ? `${K}_` : K;',
    'type FixKeys<T> = T extends readonly (infer U)[] ? FixKeys<U>[] : T extends object ? ([KnownKeys<T>] extends [never] ? { [K in keyof T as Rename<K>]: FixKeys<T[K]> } : { [K in keyof T as Rename<Named<K>>]: FixKeys<T[K]> }) : T;',
  ];
  const firstPinLine = lines.length + 1;
  // One line per pin: the Eq check plus both assignments, whose diagnostics say what differs.
  // Our TypeScript types describe the whole surface, experimental included, so
  // they must EQUAL the experimental round trip. The stable bundle leaves out
  // experimental methods, union variants (ours accept more) and members (ours
  // require those the server sends to every client), so there one of the two
  // directions must hold, as in the TypeScript oracle's stable flavour.
  pins.forEach((pin, i) => {
    const theirs = `RoundTrip['p${i}']`;
    lines.push(
      experimental
        ? `const _p${i}: Eq<${pin.ours}, ${theirs}> = true; void _p${i}; ` +
            `export function _f${i}(ours: ${pin.ours}, schema: ${theirs}) { const a: ${theirs} = ours; const b: ${pin.ours} = schema; return [a, b]; }`
        : `const _p${i}: Either<${pin.ours}, ${theirs}> = true; void _p${i};`,
    );
  });
  const checkFile = path.join(scratch, `check-${flavour}.ts`);
  await writeFile(checkFile, `${lines.join('\n')}\n`);
  const program = ts.createProgram([checkFile], {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    skipLibCheck: true,
    types: [],
  });
  const failures: string[] = [];
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (d.file && path.resolve(d.file.fileName) === path.resolve(checkFile) && d.start !== undefined) {
      const line = d.file.getLineAndCharacterOfPosition(d.start).line + 1;
      const pin = pins[line - firstPinLine];
      // In the experimental flavour the detail comes from the assignments on the same line.
      if (experimental && text.includes("Type 'true' is not assignable to type 'false'")) continue;
      failures.push(`${pin ? pin.label : `line ${line}`}: ${text}`);
    } else {
      failures.push(`${d.file ? path.basename(d.file.fileName) : 'program'}: ${text}`);
    }
  }
  return { pins, failures };
}

describe.each([false, true])('round trip (experimental: %s)', (experimental) => {
  it(
    experimental
      ? 'json-schema-to-typescript output equals @cask/protocol for every method'
      : 'every stable round-trip type fits @cask/protocol one way or the other',
    async () => {
      const { pins, failures } = await roundTrip(experimental);
      expect(pins.length).toBeGreaterThan(0);
      expect(failures, `methods whose schema types differ from @cask/protocol:\n${failures.join('\n')}`).toEqual([]);
    },
    120_000,
  );
});
