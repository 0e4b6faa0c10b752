/**
 * `pnpm --filter @cask/conformance ts-oracle:fix [--write]`: lists the members of
 * server-sent types that upstream's TypeScript requires and ours leaves
 * optional, and those upstream types `x?: T` that ours types `x?: T | null`;
 * `--write` makes the nullable ones required and the others `x?: T` with
 * `@nullableInSchema`, in `packages/protocol/src` (the schema does not change:
 * codegen rules 9 and 1b). See `precision.ts`.
 * @module
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import ts from 'typescript';
import { COMPILER_OPTIONS, resultRoots } from './check.js';
import { directions } from './direction.js';
import { normaliseTree } from './normalise.js';
import { addDefaults, findOptionalMembers, makeAbsentNotNull, makeRequired, schemaNeutral } from './precision.js';
import { generateUpstreamSchema } from '../upstream.js';
import { readFileSync } from 'node:fs';
import { generateUpstreamTs, readUpstreamTs } from './upstream-ts.js';

const { values } = parseArgs({ options: { write: { type: 'boolean', default: false } } });
const srcRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../packages/protocol/src');
const oursEntry = join(srcRoot, 'index.ts');
const work = mkdtempSync(join(tmpdir(), 'cask-ts-oracle-fix-'));
try {
  const raw = generateUpstreamTs(join(work, 'raw'), true);
  const dir = join(work, 'experimental');
  mkdirSync(dir);
  normaliseTree(readUpstreamTs(raw), dir);
  const tree = readUpstreamTs(dir);
  const files = [oursEntry, ...[...tree.types.keys()].map((f) => join(dir, `${f}.ts`))];
  const program = ts.createProgram(files, COMPILER_OPTIONS);
  const oursFile = program.getSourceFile(oursEntry);
  if (!oursFile) throw new Error(`cannot read ${oursEntry}`);
  const dirs = directions(tree, resultRoots(program.getTypeChecker(), oursFile));
  const upstream = new Map([...tree.types].map(([f, t]) => [f, { name: t.name, direction: dirs.get(f) ?? 'none' }]));
  const members = findOptionalMembers(program, oursEntry, { root: dir, files: upstream }, srcRoot);
  for (const m of members) {
    const kind =
      m.kind === 'absent-not-null' ? 'no null ' : m.nullable ? 'nullable' : m.defaulted ? 'default ' : 'BY HAND ';
    console.log(`${kind} ${m.where}  (${m.via})`);
  }
  const neutral = members.filter(schemaNeutral).length;
  console.log(
    `${members.length} members less precise than upstream's; ${neutral} fixable without a schema change, ` +
      `${members.length - neutral} to decide by hand`,
  );
  if (values.write) {
    // Defaults first (they edit TSDoc, before the member), then the `?`s, each pass re-reading the files.
    const schemaDir = generateUpstreamSchema(join(work, 'schema'), true);
    const bundle = JSON.parse(readFileSync(join(schemaDir, 'codex_app_server_protocol.schemas.json'), 'utf8')) as {
      [key: string]: unknown;
    };
    const tagged = addDefaults(members, bundle);
    console.log(`added @default to ${tagged.length} members, from upstream's JSON Schema`);
    const again = ts.createProgram(files, COMPILER_OPTIONS);
    const refreshed = findOptionalMembers(again, oursEntry, { root: dir, files: upstream }, srcRoot);
    console.log(`made ${makeRequired(refreshed)} members required`);
    const third = ts.createProgram(files, COMPILER_OPTIONS);
    const absent = findOptionalMembers(third, oursEntry, { root: dir, files: upstream }, srcRoot);
    console.log(`made ${makeAbsentNotNull(absent)} members \`x?: T\` with @nullableInSchema`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
