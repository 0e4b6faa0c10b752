/**
 * The migration example of the protocol README ("Migrating from generate-ts
 * output"): a program written against upstream's generated TypeScript must
 * compile against it, and against `@cask/protocol` with only its import paths
 * changed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { COMPILER_OPTIONS } from '../src/ts-oracle/check.js';
import { protocolEntry } from '../src/ts-oracle/oracle.js';
import { generateUpstreamTs } from '../src/ts-oracle/upstream-ts.js';

const README = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'packages', 'protocol', 'README.md');

function migrationBlock(): string {
  const text = readFileSync(README, 'utf8');
  const section = text.slice(text.indexOf('## Migrating from'));
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (!match?.[1]) throw new Error(`${README}: no ts block in "Migrating from generate-ts output"`);
  return match[1];
}

function diagnostics(file: string, options: ts.CompilerOptions): string[] {
  const program = ts.createProgram([file], { ...COMPILER_OPTIONS, ...options });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file ? `${d.file.fileName}: ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

const work = mkdtempSync(join(tmpdir(), 'cask-migration-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('migration from generate-ts output (protocol README)', () => {
  const program = migrationBlock();

  it('the example imports upstream paths only', () => {
    expect(program).toContain("from './generated'");
    expect(program).toContain("from './generated/v2'");
  });

  it("compiles against upstream's generated TypeScript", () => {
    generateUpstreamTs(join(work, 'generated'), false);
    const file = join(work, 'upstream.ts');
    writeFileSync(file, program);
    expect(diagnostics(file, {})).toEqual([]);
  }, 120_000);

  it('compiles against @cask/protocol with only the import paths changed', () => {
    const file = join(work, 'ours.ts');
    const migrated = program.replace(/from '\.\/generated(?:\/v2)?'/g, "from '@cask/protocol'");
    expect(migrated).not.toContain('generated');
    writeFileSync(file, migrated);
    expect(diagnostics(file, { paths: { '@cask/protocol': [protocolEntry()] } })).toEqual([]);
  });
});
