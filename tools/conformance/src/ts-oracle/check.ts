/**
 * The TypeScript oracle check: one TypeScript program holds upstream's
 * generated TypeScript (stable and experimental, rewritten per
 * `exceptions.ts`), `@cask/protocol`'s declarations and one generated file of
 * assignments; the compiler decides each type's category and reports why a
 * required direction fails.
 * @module
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { directions, type Direction, type ResultRoots } from './direction.js';
import { RENAMES } from './exceptions.js';
import type { UpstreamTsTree } from './upstream-ts.js';

/** How our type relates to upstream's. */
export type Category = 'equivalent' | 'as precise' | 'accepting' | 'incompatible' | 'missing';

/** One upstream type checked against ours. */
export interface TypeResult {
  readonly flavour: Flavour;
  /** Upstream file (`v2/Turn`). */
  readonly file: string;
  readonly name: string;
  readonly direction: Direction;
  readonly category: Category;
  /** Whether the category satisfies what the direction requires. */
  readonly ok: boolean;
  /** The compiler's message for a failed required direction. */
  readonly detail?: string;
}

/** `stable`: `generate-ts`; `experimental`: `generate-ts --experimental`. */
export type Flavour = 'stable' | 'experimental';

/** One flavour's upstream tree, already rewritten, and where it lives. */
export interface FlavourInput {
  readonly flavour: Flavour;
  readonly tree: UpstreamTsTree;
}

/** Inputs of {@link checkTypes}. */
export interface CheckInput {
  /** Scratch directory for the generated check file (the upstream trees may live inside it). */
  readonly workDir: string;
  /** Path of `@cask/protocol`'s `dist/index.d.ts`. */
  readonly oursEntry: string;
  readonly flavours: readonly FlavourInput[];
}

/** What a type must satisfy: the required assignments, or (`either`) at least one of the two. */
export interface Requirement {
  readonly oursToUp: boolean;
  readonly upToOurs: boolean;
  /** Satisfied when either assignment holds (the stable flavour's server-sent types). */
  readonly either?: boolean;
}

/**
 * What a direction requires, per flavour. Our types describe the whole
 * surface, so the per-direction rule is checked against the experimental
 * output. The stable output leaves out the experimental variants, methods and
 * members: where the client sends a type, ours must still accept every stable
 * value; where the server sends it, ours may have more variants (accepting)
 * or require the experimental members the server sends to every client
 * anyway (as precise), so one of the two directions must hold.
 */
export function requirement(flavour: Flavour, direction: Direction): Requirement {
  if (flavour === 'stable') {
    return direction === 'server' || direction === 'none'
      ? { oursToUp: false, upToOurs: false, either: true }
      : { oursToUp: false, upToOurs: true };
  }
  switch (direction) {
    case 'server':
      return { oursToUp: true, upToOurs: false };
    case 'client':
      return { oursToUp: false, upToOurs: true };
    case 'both':
    case 'none':
      return { oursToUp: true, upToOurs: true };
  }
}

/** Whether the two assignability results satisfy `need`. */
export function satisfies(need: Requirement, oursToUp: boolean, upToOurs: boolean): boolean {
  if (need.either === true) return oursToUp || upToOurs;
  return (!need.oursToUp || oursToUp) && (!need.upToOurs || upToOurs);
}

/** Options of the oracle's program (upstream's files import without extensions, hence `Bundler`). */
export const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  target: ts.ScriptTarget.ES2022,
  skipLibCheck: true,
  types: [],
  exactOptionalPropertyTypes: false,
};

function categoryOf(oursToUp: boolean, upToOurs: boolean): Category {
  if (oursToUp && upToOurs) return 'equivalent';
  if (oursToUp) return 'as precise';
  if (upToOurs) return 'accepting';
  return 'incompatible';
}

function exportedTypes(checker: ts.TypeChecker, file: ts.SourceFile | undefined): Map<string, ts.Type> {
  const out = new Map<string, ts.Type>();
  const moduleSymbol = file ? checker.getSymbolAtLocation(file) : undefined;
  if (!moduleSymbol) return out;
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    if (symbol.flags & (ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Interface)) {
      out.set(exported.name, checker.getDeclaredTypeOfSymbol(symbol));
    }
  }
  return out;
}

function resultNames(checker: ts.TypeChecker, ours: ts.SourceFile, mapNames: readonly string[]): string[] {
  const names = new Set<string>();
  const moduleSymbol = checker.getSymbolAtLocation(ours);
  if (!moduleSymbol) throw new Error(`${ours.fileName}: not a module`);
  const exports = new Map(checker.getExportsOfModule(moduleSymbol).map((s) => [s.name, s]));
  for (const mapName of mapNames) {
    const exported = exports.get(mapName);
    if (!exported) throw new Error(`@cask/protocol does not export the method map ${mapName}`);
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    for (const entry of checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol))) {
      const decl = entry.valueDeclaration;
      if (!decl || !ts.isPropertySignature(decl) || !decl.type || !ts.isTypeLiteralNode(decl.type)) continue;
      const result = decl.type.members.find((m) => m.name?.getText() === 'result');
      if (!result || !ts.isPropertySignature(result) || !result.type) continue;
      const visit = (node: ts.Node): void => {
        if (ts.isTypeReferenceNode(node)) names.add(node.typeName.getText());
        ts.forEachChild(node, visit);
      };
      visit(result.type);
    }
  }
  return [...names].sort();
}

/** Maps whose `result`s are sent by the server (client requests, legacy ones included) and by the client (server requests). */
export const RESULT_MAPS = {
  server: ['ClientRequests'],
  client: ['ServerRequests'],
} as const;

/** The result type names of our request maps, by who sends them. */
export function resultRoots(checker: ts.TypeChecker, oursFile: ts.SourceFile): ResultRoots {
  return {
    clientRequestResults: resultNames(checker, oursFile, RESULT_MAPS.server),
    serverRequestResults: resultNames(checker, oursFile, RESULT_MAPS.client),
  };
}

/**
 * Checks every upstream type of every flavour against ours in one program.
 * @returns one result per upstream type and flavour, in file order.
 */
export function checkTypes(input: CheckInput): TypeResult[] {
  const checkFile = join(input.workDir, 'oracle-check.ts');
  const rootNames = [input.oursEntry];
  for (const f of input.flavours)
    for (const file of f.tree.types.keys()) rootNames.push(join(f.tree.root, `${file}.ts`));
  // Pass 1: a program without the check file, to classify and find the result roots.
  writeFileSync(checkFile, 'export {};\n');
  const host = ts.createCompilerHost(COMPILER_OPTIONS);
  const first = ts.createProgram([...rootNames, checkFile], COMPILER_OPTIONS, host);
  const checker = first.getTypeChecker();
  const oursFile = first.getSourceFile(input.oursEntry);
  if (!oursFile) throw new Error(`cannot read ${input.oursEntry}; build @cask/protocol first`);
  const ours = exportedTypes(checker, oursFile);
  const roots = resultRoots(checker, oursFile);
  const renamed = new Map(RENAMES.map((r) => [r.file, r.ours]));
  const results: TypeResult[] = [];
  const lines: string[] = [`import type * as Ours from ${JSON.stringify(input.oursEntry.replace(/\.d\.ts$/, '.js'))};`];
  const pending: { index: number; line: number }[] = [];
  for (const f of input.flavours) {
    const dirs = directions(f.tree, roots);
    for (const [file, t] of f.tree.types) {
      const direction = dirs.get(file) ?? 'none';
      const oursName = renamed.get(file) ?? t.name;
      const mine = ours.get(oursName);
      const theirs = exportedTypes(checker, first.getSourceFile(join(f.tree.root, `${file}.ts`))).get(t.name);
      if (!mine || !theirs) {
        const detail = mine
          ? 'upstream declaration not found by the compiler'
          : `@cask/protocol exports no type ${oursName}`;
        results.push({ flavour: f.flavour, file, name: t.name, direction, category: 'missing', ok: false, detail });
        continue;
      }
      const oursToUp = checker.isTypeAssignableTo(mine, theirs);
      const upToOurs = checker.isTypeAssignableTo(theirs, mine);
      const need = requirement(f.flavour, direction);
      const ok = satisfies(need, oursToUp, upToOurs);
      results.push({ flavour: f.flavour, file, name: t.name, direction, category: categoryOf(oursToUp, upToOurs), ok });
      if (ok) continue;
      // Pass 2 explains the failure: the compiler's message for the required assignment that failed.
      const alias = `U${lines.length}`;
      const spec = JSON.stringify(join(f.tree.root, file));
      lines.push(`import type { ${t.name} as ${alias} } from ${spec};`);
      const assign =
        need.oursToUp && !oursToUp
          ? `export function f${lines.length}(x: Ours.${oursName}): ${alias} { return x; }`
          : `export function f${lines.length}(x: ${alias}): Ours.${oursName} { return x; }`;
      lines.push(assign);
      pending.push({ index: results.length - 1, line: lines.length });
    }
  }
  if (pending.length > 0) {
    writeFileSync(checkFile, `${lines.join('\n')}\n`);
    const second = ts.createProgram([...rootNames, checkFile], COMPILER_OPTIONS, host, first);
    const source = second.getSourceFile(checkFile);
    const byLine = new Map<number, string>();
    for (const d of source ? second.getSemanticDiagnostics(source) : []) {
      if (d.start === undefined || !source) continue;
      const line = source.getLineAndCharacterOfPosition(d.start).line + 1;
      byLine.set(line, ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    }
    for (const p of pending) {
      const r = results[p.index];
      if (r) results[p.index] = { ...r, detail: byLine.get(p.line) ?? '(no diagnostic)' };
    }
  }
  return results;
}
