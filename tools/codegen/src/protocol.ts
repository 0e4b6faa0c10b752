/**
 * Reads the built `@cask/protocol` declarations (`dist/*.d.ts`) with the
 * TypeScript compiler API: which types the package exports, where each one
 * lives (`v1/`, `v2/` or the package root), and what the four method maps say.
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { only } from './json.js';

/** The four method maps exported by `@cask/protocol`, keyed by the union each one becomes. */
export const METHOD_MAPS = {
  ClientRequest: { map: 'ClientRequests', kind: 'request' },
  ClientNotification: { map: 'ClientNotifications', kind: 'notification' },
  ServerRequest: { map: 'ServerRequests', kind: 'request' },
  ServerNotification: { map: 'ServerNotifications', kind: 'notification' },
} as const;

/** Name of one of the four generated unions (`ClientRequest`, ...). */
export type UnionName = keyof typeof METHOD_MAPS;

/** How a map entry declares its `params`. */
export type ParamsSpec = { kind: 'none' } | { kind: 'required'; type: string } | { kind: 'optional'; type: string };

/** One entry of a method map. */
export interface MethodEntry {
  /** Wire method name, e.g. `thread/start`. */
  method: string;
  /** The entry's TSDoc text, if any. */
  description?: string;
  /** Whether the entry carries an `@experimental` tag. */
  experimental: boolean;
  /**
   * Whether the entry carries a `@legacy` tag: a pre-v2 method upstream's JSON Schema leaves out.
   * Such entries are kept out of {@link ProtocolModel.maps} and listed in {@link ProtocolModel.legacy}.
   */
  legacy?: boolean;
  /**
   * Whether the entry carries `@notInSchemaUnion`: a method upstream's TypeScript lists in its union
   * but its JSON Schema does not (today the raw-response notifications, whose params are published
   * as standalone `@schemaFile` types). Such entries are kept out of {@link ProtocolModel.maps}.
   */
  notInSchemaUnion?: boolean;
  params: ParamsSpec;
  /**
   * Name of the result type (requests only); `null` when the map entry says
   * `result: undefined` (the server answers with `null` / no value).
   */
  result?: string | null;
}

/** An exported, non-generic type of `@cask/protocol`. */
export interface ExportedType {
  name: string;
  /** Declaration file relative to the package's `dist/`, posix separators (e.g. `v2/thread.d.ts`). */
  file: string;
  /** First path segment of `file` when it is a folder (`v1`, `v2`), otherwise `''`. */
  dir: string;
  /** The declaration in `dist/` (read with the generator's own TypeScript program). */
  decl: ts.InterfaceDeclaration | ts.TypeAliasDeclaration;
  /** Carries `@schemaFile`: gets its own file even when no method reaches it. */
  schemaFile: boolean;
  /** Carries `@experimental` (dropped from the stable flavour). */
  experimental: boolean;
  /**
   * `@schemaIncludedIn A B`: types whose files (and bundle namespace) hold this
   * definition although they do not reference it (upstream leaves such unused
   * definitions in some files).
   */
  includedIn: string[];
  /**
   * For an alias `type NullableX = X | null`: `X` (the type made nullable).
   * Such an alias is titled `Nullable_X` in its file, like upstream's `Option<X>` files.
   */
  nullableOf?: string;
}

/** Everything the generator needs to know about the protocol package. */
export interface ProtocolModel {
  program: ts.Program;
  /** Absolute path of `dist/index.d.ts`. */
  entry: string;
  types: Map<string, ExportedType>;
  /** The method maps without their `@legacy` entries (what `schema/json*` describes). */
  maps: Record<UnionName, MethodEntry[]>;
  /** The `@legacy` client requests (`schema/legacy/`); their types are declared under `legacy/`. */
  legacy: MethodEntry[];
  /** TSDoc of the derived unions (`ClientRequest`, ...) in `derived.ts`. */
  unionDocs: Partial<Record<UnionName, string>>;
  /**
   * Union-level members: for a derived union written `Fields & { ... }[M]`,
   * the interface `Fields` (declared in `derived.ts`) whose members every
   * variant carries. They become `properties` / `required` beside the union's `oneOf`.
   */
  unionFields: Partial<Record<UnionName, ExportedType>>;
  /**
   * `@format` tags written on members of union type aliases
   * (`type RequestId = string | /** @format int64 *\/ number`), which
   * typescript-json-schema ignores: alias name → member index → format.
   */
  memberFormats: Map<string, { members: string[]; formats: Map<number, string> }>;
}

/** Files whose exports are never emitted as schema definitions (maps, derived helpers, upstream's TypeScript-only names). */
const NON_SCHEMA_FILES = new Set(['methods.d.ts', 'derived.d.ts', 'upstreamNames.d.ts']);

/** Folder of the per-area method maps; nothing in it is emitted as a schema definition. */
const NON_SCHEMA_DIR = 'methods/';

/** Compiler options used to read the declarations. */
export const COMPILER_OPTIONS: ts.CompilerOptions = {
  strictNullChecks: true,
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  types: [],
};

/** Absolute path of the built `@cask/protocol` entry declaration file (`$CASK_PROTOCOL_ENTRY` overrides it). */
export function resolveProtocolEntry(): string {
  // An explicit build of the declarations elsewhere (for example a scratch
  // `tsc --outDir`), so that several people can generate side by side.
  const fromEnv = process.env['CASK_PROTOCOL_ENTRY'];
  if (fromEnv) return path.resolve(fromEnv);
  // Node's package lookup: the nearest `node_modules/@cask/protocol` above this
  // file, then the declaration entry its package.json names.
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkgDir = path.join(dir, 'node_modules', '@cask', 'protocol');
    const pkgJson = path.join(pkgDir, 'package.json');
    if (existsSync(pkgJson)) {
      const pkg = JSON.parse(readFileSync(pkgJson, 'utf8')) as { types?: string };
      return path.join(pkgDir, pkg.types ?? 'dist/index.d.ts');
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find @cask/protocol; run `pnpm install` at the repository root');
    dir = parent;
  }
}

/**
 * The members interface of a derived union written `Fields & { ... }[M]`: the
 * one part of the intersection that names an interface. `undefined` when the
 * union is not an intersection.
 */
function readUnionFields(
  decl: ts.TypeAliasDeclaration,
  checker: ts.TypeChecker,
  distDir: string,
): ExportedType | undefined {
  if (!ts.isIntersectionTypeNode(decl.type)) return undefined;
  const union = decl.name.text;
  const ref = only(decl.type.types.filter(ts.isTypeReferenceNode));
  if (!ref || decl.type.types.length !== 2) {
    throw new Error(`${union}: a derived union may intersect its variants with exactly one members interface`);
  }
  const symbol = checker.getSymbolAtLocation(ref.typeName);
  const target = symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const fieldsDecl = target?.declarations?.[0];
  if (!target || !fieldsDecl || !ts.isInterfaceDeclaration(fieldsDecl)) {
    throw new Error(`${union}: the members part of the union must name an interface`);
  }
  const file = path.relative(distDir, fieldsDecl.getSourceFile().fileName).split(path.sep).join('/');
  return {
    name: target.name,
    file,
    dir: '',
    decl: fieldsDecl,
    schemaFile: false,
    experimental: false,
    includedIn: [],
  };
}

function jsDocText(symbol: ts.Symbol, checker: ts.TypeChecker): string | undefined {
  const text = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
  return text === '' ? undefined : text;
}

function hasTag(symbol: ts.Symbol, tag: string): boolean {
  return symbol.getJsDocTags().some((t) => t.name === tag);
}

function tagWords(symbol: ts.Symbol, tag: string): string[] {
  return symbol
    .getJsDocTags()
    .filter((t) => t.name === tag)
    .flatMap((t) => ts.displayPartsToString(t.text).split(/[\s,]+/))
    .filter((w) => w !== '');
}

function typeNodeName(node: ts.TypeNode, where: string): string {
  if (ts.isTypeReferenceNode(node) && !node.typeArguments) {
    return node.typeName.getText();
  }
  throw new Error(
    `${where}: expected a named protocol type, found \`${node.getText()}\`. ` +
      'Give the payload its own exported type so it gets a schema definition and file.',
  );
}

function readParams(node: ts.TypeNode | undefined, where: string): ParamsSpec {
  if (!node) throw new Error(`${where}: the entry has no \`params\` member`);
  if (node.kind === ts.SyntaxKind.UndefinedKeyword) return { kind: 'none' };
  if (ts.isUnionTypeNode(node)) {
    const rest = node.types.filter((t) => t.kind !== ts.SyntaxKind.UndefinedKeyword);
    const inner = only(rest);
    if (inner && rest.length < node.types.length) {
      return { kind: 'optional', type: typeNodeName(inner, `${where}.params`) };
    }
  }
  return { kind: 'required', type: typeNodeName(node, `${where}.params`) };
}

/**
 * Reads a method map, following `extends` clauses first: the protocol splits
 * each map into per-area interfaces (`src/methods/*.ts`) that the root map in
 * `methods.ts` extends. A method declared twice is an error.
 */
function readMap(
  decl: ts.InterfaceDeclaration,
  checker: ts.TypeChecker,
  kind: 'request' | 'notification',
  seen: Map<string, string> = new Map(),
): MethodEntry[] {
  const entries: MethodEntry[] = [];
  for (const clause of decl.heritageClauses ?? []) {
    for (const base of clause.types) {
      let symbol = checker.getSymbolAtLocation(base.expression);
      if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
      const baseDecl = symbol?.declarations?.find(ts.isInterfaceDeclaration);
      if (!baseDecl) throw new Error(`${decl.name.text}: cannot resolve the extended map \`${base.getText()}\``);
      entries.push(...readMap(baseDecl, checker, kind, seen));
    }
  }
  for (const member of decl.members) {
    if (!ts.isPropertySignature(member) || !member.type) {
      throw new Error(`${decl.name.text}: unexpected member \`${member.getText()}\``);
    }
    const name = member.name;
    const method = ts.isStringLiteral(name) || ts.isIdentifier(name) ? name.text : undefined;
    if (method === undefined) throw new Error(`${decl.name.text}: unsupported key \`${name.getText()}\``);
    const where = `${decl.name.text}['${method}']`;
    const previous = seen.get(method);
    if (previous !== undefined) throw new Error(`${where}: method already declared in ${previous}`);
    seen.set(method, decl.name.text);
    if (!ts.isTypeLiteralNode(member.type)) {
      throw new Error(`${where}: expected \`{ params: ...${kind === 'request' ? '; result: ...' : ''} }\``);
    }
    const field = (n: string) =>
      member.type && ts.isTypeLiteralNode(member.type)
        ? member.type.members.find(
            (m): m is ts.PropertySignature => ts.isPropertySignature(m) && m.name.getText() === n,
          )?.type
        : undefined;
    const symbol = checker.getSymbolAtLocation(name);
    const entry: MethodEntry = {
      method,
      experimental: symbol ? hasTag(symbol, 'experimental') : false,
      params: readParams(field('params'), where),
    };
    if (symbol && hasTag(symbol, 'legacy')) entry.legacy = true;
    if (symbol && hasTag(symbol, 'notInSchemaUnion')) entry.notInSchemaUnion = true;
    const description = symbol ? jsDocText(symbol, checker) : undefined;
    if (description) entry.description = description;
    if (kind === 'request') {
      const result = field('result');
      if (!result) throw new Error(`${where}: a request entry needs a \`result\` member`);
      entry.result = result.kind === ts.SyntaxKind.UndefinedKeyword ? null : typeNodeName(result, `${where}.result`);
    }
    entries.push(entry);
  }
  return entries;
}

/** Formats given by `/** @format X *\/` comments written before members of a union alias. */
function readMemberFormats(
  decl: ts.TypeAliasDeclaration,
): { members: string[]; formats: Map<number, string> } | undefined {
  if (!ts.isUnionTypeNode(decl.type)) return undefined;
  const text = decl.getSourceFile().text;
  const formats = new Map<number, string>();
  let from = decl.type.pos;
  decl.type.types.forEach((member, index) => {
    const between = text.slice(from, member.getStart());
    const match = /\/\*\*[^]*?@format\s+(\w+)[^]*?\*\//.exec(between);
    const format = match?.[1];
    if (format !== undefined) formats.set(index, format);
    from = member.end;
  });
  if (formats.size === 0) return undefined;
  return { members: decl.type.types.map((t) => t.getText()), formats };
}

/**
 * `X` when `decl` is `type Nullable<X> = X | null` (in either order), the
 * shape upstream emits as a standalone `Nullable_X` schema for `Option<X>`.
 */
export function readNullableOf(name: string, decl: ts.TypeAliasDeclaration): string | undefined {
  if (!name.startsWith('Nullable') || !ts.isUnionTypeNode(decl.type) || decl.type.types.length !== 2) return undefined;
  const isNull = (t: ts.TypeNode) => ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword;
  const rest = decl.type.types.filter((t) => !isNull(t));
  const inner = only(rest);
  if (!inner || !ts.isTypeReferenceNode(inner) || inner.typeArguments) return undefined;
  const target = inner.typeName.getText();
  return name === `Nullable${target}` ? target : undefined;
}

/**
 * Loads the protocol declarations.
 * @param entry Absolute path of `dist/index.d.ts`; defaults to the installed `@cask/protocol`.
 */
export function loadProtocol(entry: string = resolveProtocolEntry()): ProtocolModel {
  const program = ts.createProgram([entry], COMPILER_OPTIONS);
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length > 0) {
    const text = ts.formatDiagnostics(diagnostics.slice(0, 20), {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => process.cwd(),
      getNewLine: () => '\n',
    });
    throw new Error(
      `@cask/protocol declarations do not type-check (rebuild it with \`pnpm --filter @cask/protocol build\`):\n${text}`,
    );
  }
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) throw new Error(`cannot read ${entry}; build @cask/protocol first`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`${entry} is not a module`);
  const distDir = path.dirname(entry);

  const types = new Map<string, ExportedType>();
  const found: Partial<Record<UnionName, MethodEntry[]>> = {};
  const unionDocs: Partial<Record<UnionName, string>> = {};
  const unionFields: Partial<Record<UnionName, ExportedType>> = {};
  const memberFormats: ProtocolModel['memberFormats'] = new Map();
  const mapNames = new Map(Object.entries(METHOD_MAPS).map(([u, m]) => [m.map, u as UnionName]));

  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const decl = symbol.declarations?.[0];
    if (!decl) continue;
    const file = path.relative(distDir, decl.getSourceFile().fileName).split(path.sep).join('/');
    const name = exported.name;
    const union = mapNames.get(name as (typeof METHOD_MAPS)[UnionName]['map']);
    if (union && ts.isInterfaceDeclaration(decl)) {
      found[union] = readMap(decl, checker, METHOD_MAPS[union].kind);
      continue;
    }
    if (file === 'derived.d.ts' && name in METHOD_MAPS) {
      const doc = jsDocText(symbol, checker);
      if (doc) unionDocs[name as UnionName] = doc;
      const fields = ts.isTypeAliasDeclaration(decl) ? readUnionFields(decl, checker, distDir) : undefined;
      if (fields) unionFields[name as UnionName] = fields;
    }
    if (NON_SCHEMA_FILES.has(file) || file.startsWith(NON_SCHEMA_DIR)) continue;
    if (!ts.isInterfaceDeclaration(decl) && !ts.isTypeAliasDeclaration(decl)) continue;
    if (decl.typeParameters && decl.typeParameters.length > 0) continue;
    const slash = file.indexOf('/');
    const entry: ExportedType = {
      name,
      file,
      dir: slash === -1 ? '' : file.slice(0, slash),
      decl,
      schemaFile: hasTag(symbol, 'schemaFile'),
      experimental: hasTag(symbol, 'experimental'),
      includedIn: tagWords(symbol, 'schemaIncludedIn'),
    };
    const nullableOf = ts.isTypeAliasDeclaration(decl) ? readNullableOf(name, decl) : undefined;
    if (nullableOf !== undefined) entry.nullableOf = nullableOf;
    types.set(name, entry);
    if (ts.isTypeAliasDeclaration(decl)) {
      const formats = readMemberFormats(decl);
      if (formats) memberFormats.set(name, formats);
    }
  }
  const mapOf = (union: UnionName): MethodEntry[] => {
    const entries = found[union];
    if (!entries) throw new Error(`@cask/protocol does not export the method map \`${METHOD_MAPS[union].map}\``);
    return entries;
  };
  const maps: Record<UnionName, MethodEntry[]> = {
    ClientRequest: mapOf('ClientRequest'),
    ClientNotification: mapOf('ClientNotification'),
    ServerRequest: mapOf('ServerRequest'),
    ServerNotification: mapOf('ServerNotification'),
  };
  for (const union of Object.keys(METHOD_MAPS) as UnionName[]) {
    maps[union] = maps[union].filter((e) => e.notInSchemaUnion !== true);
  }
  const legacy = maps.ClientRequest.filter((e) => e.legacy === true);
  maps.ClientRequest = maps.ClientRequest.filter((e) => e.legacy !== true);
  for (const union of Object.keys(METHOD_MAPS) as UnionName[]) {
    const stray = maps[union].find((e) => e.legacy === true);
    if (stray) throw new Error(`${union} method \`${stray.method}\` is tagged @legacy; only client requests can be`);
  }
  return { program, entry, types, maps, legacy, unionDocs, unionFields, memberFormats };
}
