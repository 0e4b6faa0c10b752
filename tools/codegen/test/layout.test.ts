import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { applyExperimental } from '../src/experimental.js';
import { includeEdges } from '../src/generate.js';
import {
  BUNDLE_FILE,
  FLAT_V2_FILE,
  entryFileTypes,
  fileTitles,
  layout,
  placeFiles,
  type Folder,
} from '../src/layout.js';
import type { JsonObject } from '../src/json.js';
import type { Definitions } from '../src/postprocess.js';
import {
  readNullableOf,
  type ExportedType,
  type MethodEntry,
  type ProtocolModel,
  type UnionName,
} from '../src/protocol.js';

type Types = Pick<ProtocolModel, 'types'>;

/** A fake protocol model: name → folder plus optional tags. */
function model(
  spec: Record<string, { dir: string; schemaFile?: boolean; nullableOf?: string; includedIn?: string[] }>,
): Types {
  const types = new Map<string, ExportedType>();
  for (const [name, s] of Object.entries(spec)) {
    const t: ExportedType = {
      name,
      file: s.dir ? `${s.dir}/x.d.ts` : 'x.d.ts',
      dir: s.dir,
      decl: undefined as unknown as ExportedType['decl'],
      schemaFile: s.schemaFile ?? false,
      experimental: false,
      includedIn: s.includedIn ?? [],
    };
    if (s.nullableOf) t.nullableOf = s.nullableOf;
    types.set(name, t);
  }
  return { types };
}

const maps = (client: MethodEntry[] = [], serverRequests: MethodEntry[] = []): Record<UnionName, MethodEntry[]> => ({
  ClientRequest: client,
  ClientNotification: [],
  ServerRequest: serverRequests,
  ServerNotification: [],
});

const ref = (name: string) => ({ $ref: `#/definitions/${name}` });
const obj = (properties: Record<string, unknown>) => ({ type: 'object', properties }) as unknown as JsonObject;
const defsOf = (files: Map<string, Record<string, unknown>>, file: string) =>
  Object.keys(files.get(file)?.definitions ?? {}).sort();

describe('@schemaFile and optional params (placeFiles, fileTitles)', () => {
  const m = model({
    AParams: { dir: 'v2' },
    AResponse: { dir: 'v2' },
    NullableAParams: { dir: 'v2', nullableOf: 'AParams' },
    ProviderError: { dir: 'v2', schemaFile: true },
    RootThing: { dir: '', schemaFile: true },
    Helper: { dir: 'v2' },
  });
  const entry: MethodEntry = {
    method: 'a/read',
    experimental: false,
    params: { kind: 'optional', type: 'AParams' },
    result: 'AResponse',
  };

  it('places a @schemaFile type by its folder and nothing else that no method reaches', () => {
    const placement = placeFiles(m, maps([entry]));
    expect(placement.get('ProviderError')).toBe('v2');
    expect(placement.get('RootThing')).toBe('');
    expect(placement.has('Helper')).toBe(false);
  });

  it('writes optional params as the NullableX file, not X', () => {
    const placement = placeFiles(m, maps([entry]));
    expect(placement.get('NullableAParams')).toBe('v2');
    expect(placement.has('AParams')).toBe(false);
    expect(entryFileTypes(m, 'ClientRequest', entry)).toEqual(['NullableAParams', 'AResponse']);
  });

  it('names the missing alias when optional params have no NullableX', () => {
    const bare = model({ BParams: { dir: 'v2' }, BResponse: { dir: 'v2' } });
    const b: MethodEntry = {
      method: 'b/read',
      experimental: false,
      params: { kind: 'optional', type: 'BParams' },
      result: 'BResponse',
    };
    expect(() => placeFiles(bare, maps([b]))).toThrow(
      /b\/read.*NullableBParams\.json.*type NullableBParams = BParams \| null/,
    );
  });

  it('titles NullableX files Nullable_X', () => {
    expect(fileTitles(m)).toEqual(new Map([['NullableAParams', 'Nullable_AParams']]));
    const defs: Definitions = {
      AParams: obj({}),
      NullableAParams: { anyOf: [ref('AParams'), { type: 'null' }] },
    };
    const files = layout(defs, new Map<string, Folder>([['NullableAParams', 'v2']]), 'c', { titles: fileTitles(m) });
    expect(files.get('v2/NullableAParams.json')?.title).toBe('Nullable_AParams');
    const bundle = files.get(BUNDLE_FILE)!.definitions as Record<string, Record<string, Record<string, unknown>>>;
    expect(bundle.v2!.NullableAParams!.title).toBe('Nullable_AParams');
  });
});

describe('readNullableOf', () => {
  const alias = (text: string) => {
    const sf = ts.createSourceFile('x.ts', text, ts.ScriptTarget.ES2022, true);
    return sf.statements[0] as ts.TypeAliasDeclaration;
  };
  it('accepts `NullableX = X | null` in either order and nothing else', () => {
    expect(readNullableOf('NullableFoo', alias('type NullableFoo = Foo | null;'))).toBe('Foo');
    expect(readNullableOf('NullableFoo', alias('type NullableFoo = null | Foo;'))).toBe('Foo');
    expect(readNullableOf('NullableFoo', alias('type NullableFoo = Bar | null;'))).toBeUndefined();
    expect(readNullableOf('NullableFoo', alias('type NullableFoo = Foo | undefined;'))).toBeUndefined();
    expect(readNullableOf('MaybeFoo', alias('type MaybeFoo = Foo | null;'))).toBeUndefined();
  });
});

describe('stable filter: upstream removes by name and prunes nothing', () => {
  // Stable method s/get → SResponse; experimental method x/get → XResponse, which
  // reaches Shared (kept) and Gone (tagged @experimental, removed); SResponse has
  // an experimental property reaching FieldOnly (kept).
  const defs: Definitions = {
    SResponse: obj({ a: { type: 'string' }, extra: { ...ref('FieldOnly'), experimental: true } }),
    FieldOnly: obj({ n: { type: 'number' } }),
    XResponse: obj({ shared: ref('Shared'), gone: ref('Gone') }),
    Shared: obj({ s: { type: 'string' } }),
    Gone: { ...obj({ g: { type: 'string' } }), experimental: true },
  };
  const entries = maps([
    { method: 's/get', experimental: false, params: { kind: 'none' }, result: 'SResponse' },
    { method: 'x/get', experimental: true, params: { kind: 'none' }, result: 'XResponse' },
  ]);
  const placement = new Map<string, Folder>([
    ['SResponse', 'v2'],
    ['XResponse', 'v2'],
  ]);

  it('removes tagged types and experimental method types, drops tagged properties', () => {
    const f = applyExperimental(defs, entries, false, ['XResponse']);
    expect([...f.removed].sort()).toEqual(['Gone', 'XResponse']);
    expect(Object.keys(f.defs).sort()).toEqual(['FieldOnly', 'SResponse', 'Shared']);
    expect(Object.keys((f.defs.SResponse as { properties: object }).properties)).toEqual(['a']);
    expect(f.maps.ClientRequest.map((e) => e.method)).toEqual(['s/get']);
  });

  it('keeps what only experimental methods or properties reach, in the files and the bundle', () => {
    const f = applyExperimental(defs, entries, false, ['XResponse']);
    const files = layout(f.defs, placement, 'c', { graph: defs, removed: f.removed });
    expect(files.has('v2/XResponse.json')).toBe(false);
    expect(defsOf(files, 'v2/SResponse.json')).toEqual(['FieldOnly']);
    const v2 = (files.get(BUNDLE_FILE)!.definitions as Record<string, object>).v2!;
    expect(Object.keys(v2).sort()).toEqual(['FieldOnly', 'SResponse', 'Shared']);
    expect(Object.keys(files.get(FLAT_V2_FILE)!.definitions as object).sort()).toEqual([
      'FieldOnly',
      'SResponse',
      'Shared',
    ]);
  });

  it('the experimental flavour keeps everything and strips the keyword', () => {
    const f = applyExperimental(defs, entries, true);
    const files = layout(f.defs, placement, 'c');
    expect(defsOf(files, 'v2/XResponse.json')).toEqual(['Gone', 'Shared']);
    expect(JSON.stringify([...files.values()])).not.toContain('"experimental"');
  });

  it('fails, naming both ends, when a kept definition still references a removed one', () => {
    const bad: Definitions = { ...defs, SResponse: obj({ list: { type: 'array', items: ref('Gone') } }) };
    const f = applyExperimental(bad, entries, false, ['XResponse']);
    expect(() => layout(f.defs, placement, 'c', { graph: bad, removed: f.removed })).toThrow(
      /v2\/SResponse\.json references `Gone`, which this flavour does not emit/,
    );
  });
});

describe('bundle namespaces (upstream placement)', () => {
  const defs: Definitions = {
    InitResponse: obj({ home: ref('Path') }),
    RootParams: obj({ p: ref('Path'), only: ref('RootOnly'), t: ref('Thread') }),
    RootOnly: { type: 'string' },
    Thread: obj({ cwd: ref('Path') }),
    Path: { type: 'string' },
    V2Response: obj({ thread: ref('Thread') }),
  };
  const placement = new Map<string, Folder>([
    ['InitResponse', 'v1'],
    ['RootParams', ''],
    ['V2Response', 'v2'],
  ]);
  const files = layout(defs, placement, 'c');
  const top = files.get(BUNDLE_FILE)!.definitions as Record<string, Record<string, unknown>>;
  const v2 = top.v2 as Record<string, Record<string, unknown>>;

  it('puts what v2 files reach under v2 and what only root files reach at the top level', () => {
    expect(Object.keys(v2).sort()).toEqual(['Path', 'Thread', 'V2Response']);
    expect(top.RootOnly).toBeDefined();
    expect(top.Thread).toBeUndefined();
    expect(JSON.stringify(top.RootParams)).toContain('"#/definitions/v2/Thread"');
    expect(JSON.stringify(top.RootParams)).toContain('"#/definitions/RootOnly"');
  });

  it('copies everything a v1 file reaches to the top level, references still pointing into v2', () => {
    expect(top.Path).toEqual({ type: 'string' });
    expect(JSON.stringify(top.InitResponse)).toContain('"#/definitions/v2/Path"');
  });
});

describe('@schemaIncludedIn (includeEdges)', () => {
  const m = model({ Host: { dir: 'v2' }, Orphan: { dir: 'v2', includedIn: ['Host'] } });
  const defs: Definitions = { Host: obj({ a: { type: 'string' } }), Orphan: obj({ b: { type: 'string' } }) };

  it('puts the tagged type into the host file and bundle without a reference to it', () => {
    const files = layout(defs, new Map<string, Folder>([['Host', 'v2']]), 'c', { graph: includeEdges(defs, m) });
    expect(defsOf(files, 'v2/Host.json')).toEqual(['Orphan']);
    expect(JSON.stringify(files.get('v2/Host.json'))).not.toContain('x-includes');
    expect(Object.keys((files.get(BUNDLE_FILE)!.definitions as Record<string, object>).v2!).sort()).toEqual([
      'Host',
      'Orphan',
    ]);
  });

  it('rejects an unknown host', () => {
    const bad = model({ Orphan: { dir: 'v2', includedIn: ['Nope'] } });
    expect(() => includeEdges(defs, bad)).toThrow(/Orphan: @schemaIncludedIn names `Nope`/);
  });
});
