/**
 * Checks that every source file follows CONVENTIONS.md, by parsing the files
 * with the TypeScript compiler API. The schema generator relies on these rules,
 * so breaking one here would otherwise surface much later as schema drift.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const srcDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
const INTEGER_FORMATS = new Set(['int32', 'int64', 'uint', 'uint16', 'uint32', 'uint64', 'double']);
/** Arbitrary JSON: its numbers are any JSON number, so they carry no format. */
const FORMAT_EXEMPT_TYPES = new Set(['JsonValue']);

function listTsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return listTsFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const files = listTsFiles(srcDir).map((path) => ({
  path,
  name: relative(srcDir, path).split('\\').join('/'),
  source: ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true),
}));

type Declaration = ts.InterfaceDeclaration | ts.TypeAliasDeclaration;

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function exportedDeclarations(source: ts.SourceFile): Declaration[] {
  return source.statements.filter(
    (s): s is Declaration => (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) && isExported(s),
  );
}

/**
 * JSDoc blocks written directly in front of `node`. For a union member that
 * includes a comment placed before its `|` separator.
 */
function leadingDocComments(node: ts.Node, source: ts.SourceFile): string[] {
  const text = source.getFullText();
  let from = node.getFullStart();
  if (ts.isUnionTypeNode(node.parent)) {
    const members = node.parent.types;
    const index = members.indexOf(node as ts.TypeNode);
    from = index > 0 ? members[index - 1]!.end : node.parent.getFullStart();
  }
  return [...text.slice(from, node.getStart()).matchAll(/\/\*\*[\s\S]*?\*\//g)].map((m) => m[0]);
}

function where(node: ts.Node, source: ts.SourceFile): string {
  const { line, character } = source.getLineAndCharacterOfPosition(node.getStart());
  return `${relative(srcDir, source.fileName)}:${line + 1}:${character + 1}`;
}

/** `export const CODEX_RELEASE = '<version>';`: the one runtime value, written by `pnpm codex-release:sync`. */
function isCodexReleaseConstant(statement: ts.Statement): boolean {
  if (!ts.isVariableStatement(statement) || !isExported(statement)) return false;
  const [decl, ...rest] = statement.declarationList.declarations;
  return (
    rest.length === 0 &&
    decl !== undefined &&
    ts.isIdentifier(decl.name) &&
    decl.name.text === 'CODEX_RELEASE' &&
    decl.initializer !== undefined &&
    ts.isStringLiteral(decl.initializer)
  );
}

/** `export { CODEX_RELEASE, type CodexRelease } from './codexRelease.js'` in the index. */
function exportsOnlyCodexRelease(statement: ts.ExportDeclaration): boolean {
  return (
    statement.moduleSpecifier !== undefined &&
    ts.isStringLiteral(statement.moduleSpecifier) &&
    statement.moduleSpecifier.text === './codexRelease.js'
  );
}

describe('protocol source conventions', () => {
  test('source files contain types only (no runtime code), except the generated CODEX_RELEASE constant', () => {
    const offenders: string[] = [];
    for (const { name, source } of files) {
      for (const statement of source.statements) {
        const typeOnly =
          (name === 'codexRelease.ts' && isCodexReleaseConstant(statement)) ||
          (name === 'index.ts' && ts.isExportDeclaration(statement) && exportsOnlyCodexRelease(statement)) ||
          ts.isInterfaceDeclaration(statement) ||
          ts.isTypeAliasDeclaration(statement) ||
          (ts.isImportDeclaration(statement) && statement.importClause?.phaseModifier === ts.SyntaxKind.TypeKeyword) ||
          (ts.isExportDeclaration(statement) && statement.isTypeOnly);
        if (!typeOnly) offenders.push(`${where(statement, source)}: ${ts.SyntaxKind[statement.kind]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  test('every exported type has a TSDoc comment', () => {
    const missing: string[] = [];
    for (const { source } of files) {
      for (const decl of exportedDeclarations(source)) {
        const docs = ts.getJSDocCommentsAndTags(decl).filter(ts.isJSDoc);
        const hasText = docs.some((doc) => ts.getTextOfJSDocComment(doc.comment)?.trim());
        if (!hasText) missing.push(`${where(decl, source)}: ${decl.name.text}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('exported type names are unique across files', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const { name, source } of files) {
      for (const decl of exportedDeclarations(source)) {
        const previous = seen.get(decl.name.text);
        if (previous) duplicates.push(`${decl.name.text} in ${previous} and ${name}`);
        seen.set(decl.name.text, name);
      }
    }
    expect(duplicates).toEqual([]);
  });

  test('every number carries an integer or double @format', () => {
    const problems: string[] = [];
    for (const { source } of files) {
      const visit = (node: ts.Node, exempt: boolean): void => {
        if (ts.isTypeAliasDeclaration(node) && FORMAT_EXEMPT_TYPES.has(node.name.text)) exempt = true;
        if (node.kind === ts.SyntaxKind.NumberKeyword && !exempt) {
          const formats: string[] = [];
          for (let at: ts.Node = node; !ts.isSourceFile(at); at = at.parent) {
            for (const comment of leadingDocComments(at, source)) {
              for (const match of comment.matchAll(/@format\s+(\S+)/g)) formats.push(match[1]!);
            }
            if (ts.isPropertySignature(at) || ts.isTypeAliasDeclaration(at)) break;
          }
          if (formats.length === 0) problems.push(`${where(node, source)}: number without @format`);
          for (const format of formats) {
            if (!INTEGER_FORMATS.has(format)) problems.push(`${where(node, source)}: unknown @format ${format}`);
          }
        }
        ts.forEachChild(node, (child) => visit(child, exempt));
      };
      visit(source, false);
    }
    expect(problems).toEqual([]);
  });

  test('no `any` or `unknown` anywhere: every shape is spelled out, JSON values are JsonValue', () => {
    const problems: string[] = [];
    for (const { source } of files) {
      const visit = (node: ts.Node): void => {
        if (node.kind === ts.SyntaxKind.AnyKeyword || node.kind === ts.SyntaxKind.UnknownKeyword) {
          problems.push(`${where(node, source)}: ${node.getText(source)}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(problems).toEqual([]);
  });

  test('@additionalProperties tags say true or false', () => {
    const problems: string[] = [];
    for (const { source } of files) {
      for (const match of source.getFullText().matchAll(/@additionalProperties\b\s*(\S*)/g)) {
        if (match[1] !== 'true' && match[1] !== 'false') {
          const { line } = source.getLineAndCharacterOfPosition(match.index);
          problems.push(`${relative(srcDir, source.fileName)}:${line + 1}: @additionalProperties ${match[1]}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('the index files re-export every area file', () => {
    const reexports = (fileName: string) => {
      const file = files.find((f) => f.name === fileName);
      if (!file) throw new Error(`missing ${fileName}`);
      return new Set(
        file.source.statements.filter(ts.isExportDeclaration).map((s) => (s.moduleSpecifier as ts.StringLiteral).text),
      );
    };
    // Every file under v2/ is re-exported by the index.ts of its own folder, and
    // every area folder's index.ts by the index.ts of the folder above it.
    const v2Files = files.filter((f) => f.name.startsWith('v2/') && f.name !== 'v2/index.ts');
    expect(v2Files.length).toBeGreaterThan(0);
    for (const f of v2Files) {
      const parts = f.name.slice(0, -3).split('/');
      const isIndex = parts[parts.length - 1] === 'index';
      const folder = (isIndex ? parts.slice(0, -2) : parts.slice(0, -1)).join('/');
      const spec = isIndex ? `./${parts[parts.length - 2]}/index.js` : `./${parts[parts.length - 1]}.js`;
      expect(reexports(`${folder}/index.ts`), `${folder}/index.ts must re-export ${f.name}`).toContain(spec);
    }
    const rootIndex = reexports('index.ts');
    expect(rootIndex).toContain('./v2/index.js');
    for (const f of files.filter((f) => f.name.startsWith('v1/'))) {
      expect(rootIndex, `index.ts must re-export ${f.name}`).toContain(`./${f.name.slice(0, -3)}.js`);
    }
  });
});
