/**
 * Finds, and optionally fixes in `packages/protocol/src`, the places where a
 * type the server sends is less precise than upstream's TypeScript because a
 * member upstream requires is optional in ours. Run after a pin move:
 * `pnpm --filter @cask/conformance ts-oracle:fix` (dry run: `--check`).
 *
 * Only members whose type includes `null` or that carry `@default` are made
 * required by `--write`: codegen's rule 9 keeps those out of the schema's
 * `required`, so the schema does not change. Others are listed for a person
 * to decide (usually: add the `@default` upstream's schema shows).
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import type { Direction } from './direction.js';
import { RENAMES } from './exceptions.js';

/**
 * One member of a server-sent type that ours gets wrong against upstream's TypeScript: `kind: 'optional'`,
 * upstream requires it and ours declares it optional; `kind: 'absent-not-null'`, upstream types it `x?: T`
 * (the server omits it, never sends `null`) and ours `x?: T | null`.
 */
export interface OptionalMember {
  readonly kind: 'optional' | 'absent-not-null';
  /** Our file and line (`src/v2/turn.ts:42`). */
  readonly where: string;
  /** The upstream type through which it was found, and the member path (`v2/Turn.error`). */
  readonly via: string;
  /** Whether ours admits `null` (then making it required leaves the schema unchanged). */
  readonly nullable: boolean;
  /** Whether ours carries `@default` (serde default: making it required leaves the schema unchanged too). */
  readonly defaulted: boolean;
  readonly declaration: ts.PropertySignature;
}

const OPTIONAL_OR_NULL = ts.TypeFlags.Null | ts.TypeFlags.Undefined;

function stripNullish(checker: ts.TypeChecker, type: ts.Type): ts.Type[] {
  const parts = type.isUnion() ? type.types : [type];
  return parts.filter((t) => !(t.flags & OPTIONAL_OR_NULL)).map((t) => checker.getApparentType(t));
}

function isPlainObject(type: ts.Type): boolean {
  return (
    (type.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection)) !== 0 && type.getCallSignatures().length === 0
  );
}

function literalTags(checker: ts.TypeChecker, type: ts.Type): Map<string, string> {
  const tags = new Map<string, string>();
  for (const p of checker.getPropertiesOfType(type)) {
    const t = checker.getTypeOfSymbol(p);
    if (t.isStringLiteral()) tags.set(p.name, t.value);
  }
  return tags;
}

/** Pairs our object members with upstream's: by shared literal tags when both are unions, else one to one. */
function pairObjects(checker: ts.TypeChecker, ours: ts.Type, theirs: ts.Type): [ts.Type, ts.Type][] {
  const o = stripNullish(checker, ours).filter(isPlainObject);
  const u = stripNullish(checker, theirs).filter(isPlainObject);
  if (o.length === 1 && u.length === 1) return [[o[0] as ts.Type, u[0] as ts.Type]];
  const out: [ts.Type, ts.Type][] = [];
  for (const mine of o) {
    const tags = literalTags(checker, mine);
    if (tags.size === 0) continue;
    const match = u.find((cand) => {
      const theirTags = literalTags(checker, cand);
      return (
        [...tags].every(([k, v]) => !theirTags.has(k) || theirTags.get(k) === v) &&
        [...tags].some(([k, v]) => theirTags.get(k) === v)
      );
    });
    if (match) out.push([mine, match]);
  }
  return out;
}

function elementTypes(checker: ts.TypeChecker, type: ts.Type): ts.Type[] {
  return stripNullish(checker, type).flatMap((t) =>
    checker.isArrayType(t) ? (checker.getTypeArguments(t as ts.TypeReference)[0] ?? []) : [],
  );
}

/**
 * Walks every server-sent (or both-ways) upstream type against ours and lists
 * members upstream requires that ours declares optional.
 * @param srcRoot - `packages/protocol/src`; only declarations under it are listed
 */
export function findOptionalMembers(
  program: ts.Program,
  oursEntry: string,
  upstream: { root: string; files: ReadonlyMap<string, { name: string; direction: Direction }> },
  srcRoot: string,
): OptionalMember[] {
  const checker = program.getTypeChecker();
  const typesOf = (file: string | undefined): Map<string, ts.Type> => {
    const out = new Map<string, ts.Type>();
    const sf = file ? program.getSourceFile(file) : undefined;
    const mod = sf ? checker.getSymbolAtLocation(sf) : undefined;
    for (const e of mod ? checker.getExportsOfModule(mod) : []) {
      const s = e.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(e) : e;
      if (s.flags & (ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Interface))
        out.set(e.name, checker.getDeclaredTypeOfSymbol(s));
    }
    return out;
  };
  const ours = typesOf(oursEntry);
  const renamed = new Map(RENAMES.map((r) => [r.file, r.ours]));
  const found = new Map<ts.PropertySignature, OptionalMember>();
  const where = (decl: ts.PropertySignature): string => {
    const sf = decl.getSourceFile();
    const line = sf.getLineAndCharacterOfPosition(decl.getStart()).line + 1;
    return `${sf.fileName.slice(srcRoot.length + 1)}:${line}`;
  };
  const seen = new Set<string>();
  const visit = (mine: ts.Type, theirs: ts.Type, via: string, depth: number): void => {
    if (depth > 6) return;
    for (const [o, u] of pairObjects(checker, mine, theirs)) {
      const key = `${checker.typeToString(o)}|${via}`;
      if (seen.has(key)) continue;
      seen.add(key);
      for (const pu of checker.getPropertiesOfType(u)) {
        const po = o.getProperty(pu.name);
        if (!po) continue;
        const path = `${via}.${pu.name}`;
        const decl = po.declarations?.find(ts.isPropertySignature);
        // @experimental members too: the 0.171 server sends them to every client, opted in or not.
        const upRequired = !(pu.flags & ts.SymbolFlags.Optional);
        if (
          upRequired &&
          po.flags & ts.SymbolFlags.Optional &&
          decl?.questionToken &&
          decl.getSourceFile().fileName.startsWith(srcRoot)
        ) {
          const nullable = decl.type !== undefined && /\bnull\b/.test(decl.type.getText());
          const defaulted = ts.getJSDocTags(decl).some((t) => t.tagName.text === 'default');
          if (!found.has(decl)) {
            found.set(decl, {
              kind: 'optional',
              where: where(decl),
              via: path,
              nullable,
              defaulted,
              declaration: decl,
            });
          }
        }
        const upAdmitsNull = (() => {
          const t = checker.getTypeOfSymbol(pu);
          return (t.isUnion() ? t.types : [t]).some((x) => (x.flags & ts.TypeFlags.Null) !== 0);
        })();
        if (
          pu.flags & ts.SymbolFlags.Optional &&
          !upAdmitsNull &&
          decl?.questionToken &&
          decl.type !== undefined &&
          ts.isUnionTypeNode(decl.type) &&
          decl.type.types.some((t) => ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword) &&
          decl.getSourceFile().fileName.startsWith(srcRoot) &&
          !found.has(decl)
        ) {
          found.set(decl, {
            kind: 'absent-not-null',
            where: where(decl),
            via: path,
            nullable: true,
            defaulted: false,
            declaration: decl,
          });
        }
        const to = checker.getTypeOfSymbol(po);
        const tu = checker.getTypeOfSymbol(pu);
        // Named types are walked on their own; follow anonymous objects and array elements.
        const anon = (t: ts.Type) => !t.aliasSymbol && ((t.getSymbol()?.flags ?? 0) & ts.SymbolFlags.Interface) === 0;
        if (stripNullish(checker, to).every(anon)) visit(to, tu, path, depth + 1);
        const eo = elementTypes(checker, to);
        const eu = elementTypes(checker, tu);
        if (eo[0] && eu[0] && eo.every(anon)) visit(eo[0], eu[0], `${path}[]`, depth + 1);
      }
    }
  };
  for (const [file, { name, direction }] of upstream.files) {
    if (direction !== 'server' && direction !== 'both') continue;
    const mine = ours.get(renamed.get(file) ?? name);
    const theirs = typesOf(join(upstream.root, `${file}.ts`)).get(name);
    if (mine && theirs) visit(mine, theirs, file, 0);
  }
  return [...found.values()].sort((a, b) => a.where.localeCompare(b.where, 'en', { numeric: true }));
}

/** Whether the fix leaves the schema unchanged (rule 9 for a required member, rule 1b's `@nullableInSchema`). */
export function schemaNeutral(m: OptionalMember): boolean {
  return m.kind === 'absent-not-null' || m.nullable || m.defaulted;
}

/** Adds `tag` to the member's TSDoc (its last comment block, or a new one-line block). */
function addTag(text: string, decl: ts.PropertySignature, tag: string): string {
  const sf = decl.getSourceFile();
  const start = decl.getStart();
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const indent = text.slice(lineStart, start).replace(/\S.*$/, '');
  const docs = ts.getJSDocCommentsAndTags(decl).filter(ts.isJSDoc);
  const doc = docs[docs.length - 1];
  if (!doc) return `${text.slice(0, start)}/** ${tag} */\n${indent}${text.slice(start)}`;
  const lines = sf.text
    .slice(doc.getStart(), doc.end)
    .replace(/^\/\*\*\s?/, '')
    .replace(/\s*\*\/$/, '')
    .split('\n')
    .map((l) => l.replace(/^\s*\*\s?/, ''))
    .filter((l, i, all) => l.trim() !== '' || (i > 0 && i < all.length - 1));
  const rebuilt = ['/**', ...[...lines, tag].map((l) => ` * ${l}`.trimEnd()), ' */'].join(`\n${indent}`);
  return text.slice(0, doc.getStart()) + rebuilt + text.slice(doc.end);
}

/**
 * Turns each `absent-not-null` member `x?: T | null` into `x?: T` with `@nullableInSchema` (the schema keeps
 * admitting `null`, codegen rule 1b), file by file, last member first; returns how many were changed.
 */
export function makeAbsentNotNull(members: readonly OptionalMember[]): number {
  let changed = 0;
  editFiles(
    members.filter((m) => m.kind === 'absent-not-null'),
    (m) => m.declaration,
    (text, m) => {
      const type = m.declaration.type;
      if (!type) return text;
      const before = text.slice(type.getStart(), type.end);
      const after = before.replace(/\s*\|\s*null\b/, '');
      if (after === before) throw new Error(`${m.where}: expected \`| null\` in \`${before}\``);
      changed++;
      return addTag(text.slice(0, type.getStart()) + after + text.slice(type.end), m.declaration, '@nullableInSchema');
    },
  );
  return changed;
}

/**
 * Edits each file that declares one of `items` and writes it back: `edit` sees the items of a file last
 * declaration first, so the offsets of the ones still to come stay valid.
 */
function editFiles<T>(
  items: readonly T[],
  declaration: (item: T) => ts.PropertySignature,
  edit: (text: string, item: T) => string,
): void {
  const byFile = new Map<string, T[]>();
  for (const item of items) {
    const file = declaration(item).getSourceFile().fileName;
    byFile.set(file, [...(byFile.get(file) ?? []), item]);
  }
  for (const [file, list] of byFile) {
    let text = readFileSync(file, 'utf8');
    for (const item of [...list].sort((a, b) => declaration(b).getStart() - declaration(a).getStart()))
      text = edit(text, item);
    writeFileSync(file, text);
  }
}

type JsonSchema = { [key: string]: unknown };

function isSchemaObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The `default` upstream's JSON Schema gives a member found through `via`
 * (`v2/AppInfo.isAccessible`): looked up on the definition's own properties
 * or on those of its `oneOf`/`anyOf` variants. `undefined` when there is none
 * or the path is nested deeper than one member.
 */
export function upstreamDefault(bundle: JsonSchema, via: string): unknown {
  const match = /^(?:v2\/)?(\w+)\.(\w+)$/.exec(via);
  if (!match) return undefined;
  const [, name = '', prop = ''] = match;
  const defs = isSchemaObject(bundle.definitions) ? bundle.definitions : {};
  const v2 = isSchemaObject(defs.v2) ? defs.v2 : {};
  const def = v2[name] ?? defs[name];
  if (!isSchemaObject(def)) return undefined;
  const variants = [
    def,
    ...(['oneOf', 'anyOf'] as const).flatMap((k) => (Array.isArray(def[k]) ? (def[k] as unknown[]) : [])),
  ];
  for (const variant of variants) {
    const props = isSchemaObject(variant) && isSchemaObject(variant.properties) ? variant.properties : undefined;
    const schema = props?.[prop];
    if (isSchemaObject(schema) && 'default' in schema) return schema.default;
  }
  return undefined;
}

/**
 * Adds `@default <json>` to the TSDoc of each member that has none, where
 * upstream's schema gives a default (serde `default`): rule 9 then keeps the
 * member out of the schema's `required` once it is made required here.
 * @returns the members that got a tag (now `defaulted`).
 */
export function addDefaults(members: readonly OptionalMember[], bundle: JsonSchema): OptionalMember[] {
  const tagged: { m: OptionalMember; value: unknown }[] = [];
  for (const m of members) {
    if (m.kind !== 'optional' || schemaNeutral(m)) continue;
    const value = upstreamDefault(bundle, m.via);
    if (value !== undefined) tagged.push({ m, value });
  }
  editFiles(
    tagged,
    (t) => t.m.declaration,
    (text, { m, value }) => addTag(text, m.declaration, `@default ${JSON.stringify(value)}`),
  );
  return tagged.map((t) => ({ ...t.m, defaulted: true }));
}

/** Removes the `?` of each schema-neutral member, file by file; returns how many were changed. */
export function makeRequired(members: readonly OptionalMember[]): number {
  let changed = 0;
  editFiles(
    members.filter((m) => m.kind === 'optional' && schemaNeutral(m) && m.declaration.questionToken !== undefined),
    (m) => m.declaration,
    (text, m) => {
      const pos = m.declaration.questionToken?.getStart() ?? -1;
      if (text[pos] !== '?')
        throw new Error(
          `${m.declaration.getSourceFile().fileName}: expected \`?\` at offset ${pos}; was the file edited meanwhile?`,
        );
      changed++;
      return text.slice(0, pos) + text.slice(pos + 1);
    },
  );
  return changed;
}
