/**
 * Keeps the README example honest: extracts its ```ts block, type-checks it
 * against this package's sources, then runs it and checks what it prints.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(join(packageDir, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

function exampleBlock(): string {
  const block = blocks.find((b) => b.includes("from '@cask/protocol'"));
  if (!block) throw new Error("README.md has no ```ts block importing from '@cask/protocol'");
  return block;
}

/** Type-checks `code` as if it were a file in test/, with the package import pointed at src/. */
function typeCheck(code: string): string[] {
  const configPath = join(packageDir, 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error(`cannot read ${configPath}`);
  const virtualPath = join(packageDir, 'test', '__readme_example__.ts');
  const source = code.replace("from '@cask/protocol'", "from '../src/index.js'");
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  host.fileExists = (f) => f === virtualPath || fileExists(f);
  host.readFile = (f) => (f === virtualPath ? source : readFile(f));
  host.getSourceFile = (f, lang, ...rest) =>
    f === virtualPath ? ts.createSourceFile(f, source, lang, true) : getSourceFile(f, lang, ...rest);
  const program = ts.createProgram([virtualPath], { ...config.options, noEmit: true }, host);
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(virtualPath)).map((d) => {
    const pos = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    const at = pos ? `README example line ${pos.line + 1}: ` : '';
    return at + ts.flattenDiagnosticMessageText(d.messageText, '\n');
  });
}

describe('README example', () => {
  test('type-checks against the package types', () => {
    expect(typeCheck(exampleBlock())).toEqual([]);
  });

  test('a broken variant of the example is rejected (the check has teeth)', () => {
    const broken = exampleBlock().replace(
      "decision: safe ? 'accept' : 'decline'",
      "decision: safe ? 'accept' : 'nope'",
    );
    expect(broken).not.toEqual(exampleBlock());
    expect(typeCheck(broken).join('\n')).toMatch(/nope/);
  });

  test('runs and prints the handshake, the approval answer and the delta', () => {
    const js = ts.transpileModule(exampleBlock(), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    }).outputText;
    const lines = execFileSync(process.execPath, ['--input-type=module'], { input: js, encoding: 'utf8' })
      .trimEnd()
      .split('\n');
    expect(lines).toHaveLength(4);
    const [init, initialized, answer] = lines.slice(0, 3).map((line): unknown => JSON.parse(line));
    expect(init).toMatchObject({ id: 0, method: 'initialize', params: { clientInfo: { name: 'my_client' } } });
    expect(init).not.toHaveProperty('jsonrpc');
    expect(initialized).toEqual({ method: 'initialized' });
    expect(answer).toEqual({ id: 0, result: { decision: 'accept' } });
    expect(lines[3]).toBe('Hello');
  });
});
