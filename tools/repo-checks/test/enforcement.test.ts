/**
 * The form checks have teeth: with the repository's own configuration, Prettier rejects an unformatted TypeScript
 * file and ESLint rejects a floating promise, each naming the file (and the rule). The files live inside the tree (so
 * `.prettierignore`, `eslint.config.js` and the root tsconfig.json apply exactly as they do to `pnpm format:check` and
 * `pnpm lint`) and are removed afterwards. A well-formed twin of each file passes, so the
 * failure is about the mistake, not the set-up.
 */
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

interface Run {
  code: number;
  output: string;
}

/** Runs a tool from the repository root; resolves with its exit code and combined output, never rejects. */
async function run(tool: string, args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(bin(tool), args, { cwd: root });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

// Files next to this test: inside the tree and inside the TypeScript program `pnpm lint` uses (the root tsconfig.json
// includes tools/*/test), not under .tmp/ or any other ignored folder, and not named *.test.ts. Removed afterwards.
const scratch = (name: string) => join(root, 'tools', 'repo-checks', 'test', `scratch-${process.pid}-${name}`);
const written: string[] = [];
function write(path: string, text: string): void {
  writeFileSync(path, text);
  written.push(path);
}
afterAll(() => {
  for (const path of written) rmSync(path, { force: true });
});

describe('pnpm format:check', () => {
  it('is `prettier --check .`', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['format:check']).toBe('prettier --check .');
  });

  it('fails on an unformatted TypeScript file and names it; passes once it is formatted', async () => {
    const ugly = scratch('ugly.ts');
    write(ugly, 'export const  answer={value:42,label:"x"}\n');
    const bad = await run('prettier', ['--check', ugly]);
    expect(bad.code).not.toBe(0);
    expect(bad.output).toContain(relative(root, ugly));

    write(ugly, "export const answer = { value: 42, label: 'x' };\n");
    const good = await run('prettier', ['--check', ugly]);
    expect(good.code).toBe(0);
  });
});

describe('pnpm lint', () => {
  it('is `eslint --max-warnings 0 .`', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['lint']).toBe('eslint --max-warnings 0 .');
  });

  it('fails on a floating promise and names the file and the rule; passes once it is awaited', async () => {
    const file = scratch('floating.ts');
    const code = (call: string) =>
      [
        'async function save(): Promise<void> {',
        '  await Promise.resolve();',
        '}',
        '',
        'export async function run(): Promise<void> {',
        `  ${call}`,
        '}',
        '',
      ].join('\n');
    write(file, code('save();'));
    const bad = await run('eslint', ['--max-warnings', '0', file]);
    expect(bad.code).toBe(1);
    expect(bad.output).toContain(file);
    expect(bad.output).toContain('@typescript-eslint/no-floating-promises');

    write(file, code('await save();'));
    const good = await run('eslint', ['--max-warnings', '0', file]);
    expect(good.output).toBe('');
    expect(good.code).toBe(0);
  });
});

describe('.ci/run', () => {
  it('runs the format check and the linter (on a built tree) before the tests, and stops at the first failure', () => {
    const script = readFileSync(join(root, '.ci', 'run'), 'utf8');
    const line = (command: string) => script.split('\n').findIndex((l) => l.trim() === command);
    expect(script).toMatch(/^set -euo pipefail$/m);
    for (const command of ['pnpm format:check', 'pnpm build', 'pnpm lint', 'pnpm test']) {
      expect(line(command), command).toBeGreaterThan(-1);
    }
    expect(line('pnpm format:check')).toBeLessThan(line('pnpm test'));
    expect(line('pnpm build')).toBeLessThan(line('pnpm lint'));
    expect(line('pnpm lint')).toBeLessThan(line('pnpm test'));
  });
});
