import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const cliDir = path.resolve(here, '..');
const bin = path.join(cliDir, 'dist/bin.js');
const helloScript = path.resolve(here, '../../../packages/testing/test/fixtures/hello-script.json');
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const run = (args: string[], input = '', binPath = bin) =>
  spawnSync(process.execPath, [binPath, ...args], { encoding: 'utf8', input, timeout: 30_000 });

describe('cask fake-server', { timeout: 60_000 }, () => {
  const temps: string[] = [];
  afterAll(() => {
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  });

  it('is built', () => {
    expect(existsSync(bin), 'run `pnpm --filter "@cask/cli..." build` first').toBe(true);
  });

  it('--help prints the options of the fake server and exits 0', () => {
    const r = run(['fake-server', '--help']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('@cask/testing');
    expect(r.stdout).toContain('--script <file>');
    expect(r.stdout).toContain('--replay <file>');
  });

  it('is listed by `cask --help`', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ {2}fake-server --script/m);
  });

  it('serves a script: answers initialize and plays the turn to a client on stdin/stdout', () => {
    const lines = [
      { id: 0, method: 'initialize', params: { clientInfo: { name: 'cli-test', version: '1' } } },
      { method: 'initialized' },
      { id: 1, method: 'thread/start', params: {} },
    ];
    const r = run(['fake-server', '--script', helloScript], lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
    const out = r.stdout
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l): unknown => JSON.parse(l));
    const answer = (id: number) => out.find((m) => isRecord(m) && m.id === id && 'result' in m);
    const init = answer(0);
    expect(init).toHaveProperty('result.userAgent');
    expect(typeof (isRecord(init) && isRecord(init.result) ? init.result.userAgent : undefined)).toBe('string');
    expect(answer(1)).toHaveProperty('result.thread.id');
    expect(r.status, r.stderr).toBe(0);
  });

  it('a bad script exits 2 naming the problem', () => {
    const r = run(['fake-server', '--script', path.join(here, 'no-such-script.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no-such-script.json');
  });

  it('without @cask/testing installed it says which package to install and exits 1', () => {
    // A copy of the built command outside the workspace: nothing resolves @cask/testing from there.
    const dir = mkdtempSync(path.join(tmpdir(), 'cask-cli-no-testing-'));
    temps.push(dir);
    cpSync(path.join(cliDir, 'dist'), path.join(dir, 'dist'), { recursive: true });
    cpSync(path.join(cliDir, 'package.json'), path.join(dir, 'package.json'));
    const r = run(['fake-server', '--script', helloScript], '', path.join(dir, 'dist/bin.js'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('@cask/testing is not installed');
    expect(r.stderr).toContain('npm install --save-dev @cask/testing');
    expect(run(['--version'], '', path.join(dir, 'dist/bin.js')).status).toBe(0);
  });
});
